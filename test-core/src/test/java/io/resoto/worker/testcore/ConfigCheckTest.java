package io.resoto.worker.testcore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigCheckTest {

  private static final Kinds MODEL = new Kinds(TestCore.json("""
      [{"fqn":"merge_kind","runtime_kind":"string","enum":["cloud","account"]},
       {"fqn":"file","bases":[],"properties":[{"name":"path","kind":"string","required":true}]},
       {"fqn":"resotoworker","bases":[],"properties":[
         {"name":"timeout","kind":"int64","required":true},
         {"name":"collector","kind":"string[]","required":false},
         {"name":"graph_merge_kind","kind":"merge_kind","required":true},
         {"name":"files","kind":"file[]","required":false},
         {"name":"home","kind":"dictionary[string, string]","required":false}]}]
      """));

  private static String check(String json) {
    return new ConfigCheck(MODEL).problem(TestCore.json(json));
  }

  @Test
  void acceptsAValidDocumentAndLeavesUnknownSectionsAlone() {
    assertThat(check("""
        {"resotoworker":{"timeout":5,"collector":null,"graph_merge_kind":"cloud","files":[{"path":"a"}],
         "home":{"a":"b"}},"gcp":{"anything":1}}""")).isNull();
  }

  @Test
  void reportsTypeRequiredUnknownAndEnumProblems() {
    assertThat(check("{\"resotoworker\":{\"timeout\":\"x\",\"graph_merge_kind\":\"cloud\"}}"))
        .isEqualTo("resotoworker.timeout: expected int64, got \"x\"");
    assertThat(check("{\"resotoworker\":{\"graph_merge_kind\":\"cloud\"}}")).isEqualTo("resotoworker.timeout: required");
    assertThat(check("{\"resotoworker\":{\"timeout\":1,\"graph_merge_kind\":\"cloud\",\"typo\":1}}"))
        .isEqualTo("resotoworker.typo: not a property of resotoworker");
    assertThat(check("{\"resotoworker\":{\"timeout\":1,\"graph_merge_kind\":\"region\"}}"))
        .isEqualTo("resotoworker.graph_merge_kind: \"region\" is not one of [\"cloud\",\"account\"]");
    assertThat(check("{\"resotoworker\":{\"timeout\":1,\"graph_merge_kind\":\"cloud\",\"files\":[{}]}}"))
        .isEqualTo("resotoworker.files[0].path: required");
    assertThat(check("{\"resotoworker\":{\"timeout\":1,\"graph_merge_kind\":\"cloud\",\"home\":{\"a\":1}}}"))
        .isEqualTo("resotoworker.home.a: expected string, got 1");
  }
}
