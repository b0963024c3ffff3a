package io.resoto.worker.core.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.spi.CollectorPlugin;
import io.resoto.worker.spi.TagTarget;
import io.resoto.worker.testing.TagCloudPlugin;
import io.resoto.worker.testing.TestCloudPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TagTaskHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PluginRegistry REGISTRY =
      PluginRegistry.of(List.of(new TagCloudPlugin(), new TestCloudPlugin()));

  private final AtomicReference<LoadedConfig> config = new AtomicReference<>(config(""));
  private final TagTaskHandler handler = new TagTaskHandler(REGISTRY, config::get);

  @BeforeEach
  void reset() {
    TagCloudPlugin.reset();
  }

  static LoadedConfig config(String yaml) {
    try {
      return REGISTRY.configLoader().load(yaml, "test.yaml", Map.of(), List.of());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The core's node JSON of one instance, with its ancestors. */
  static String node(String extraReported, String extraNode) {
    return """
        {"id": "core-node-id-1",
         "reported": {"kind": "tagcloud_instance", "id": "i-1", "name": "web-1", "arn": "arn:tc:i-1",
                      "instance_type": "t3.micro", "tags": {"owner": "ops", "env": "prod"}%s},
         "metadata": {"python_type": "tagcloud.Instance", "categories": ["compute"]},
         "ancestors": {"cloud": {"reported": {"id": "tagcloud", "name": "tagcloud"}},
                       "account": {"reported": {"id": "123456789012", "name": "prod"}},
                       "region": {"reported": {"id": "us-east-1", "name": "us-east-1"}},
                       "zone": {"reported": {"id": "us-east-1a", "name": "us-east-1a"}}}%s}
        """.formatted(extraReported, extraNode);
  }

  static JsonNode task(String changes, String node) throws Exception {
    return JSON.readTree("{" + changes + ", \"node\": " + node + "}");
  }

  @Test
  void anUpdateSetsTheTagThroughThePluginAndAnswersTheNodeWithIt() throws Exception {
    JsonNode answer = handler.handle(task("\"update\": {\"owner\": \"lukas\", \"team\": \"a\"}", node("", "")));

    assertThat(answer.get("id").asText()).isEqualTo("core-node-id-1");
    assertThat(JSON.convertValue(answer.at("/reported/tags"), Map.class))
        .isEqualTo(Map.of("owner", "lukas", "env", "prod", "team", "a"));
    assertThat(answer.at("/reported/instance_type").asText()).isEqualTo("t3.micro");
    assertThat(answer.at("/ancestors/account/reported/id").asText()).isEqualTo("123456789012");
    assertThat(answer.at("/metadata/python_type").asText()).isEqualTo("tagcloud.Instance");
    assertThat(calls()).containsExactly("init default", "update owner=lukas", "update team=a", "close");
    TagTarget target = TagCloudPlugin.TARGETS.peek();
    assertThat(target).isEqualTo(new TagTarget("tagcloud_instance", "i-1", "web-1", "arn:tc:i-1", "123456789012",
        "us-east-1", "us-east-1a", Map.of("owner", "ops", "env", "prod"), target.properties()));
    assertThat(target.property("instance_type")).isEqualTo("t3.micro");
  }

  @Test
  void deletesRunBeforeUpdatesAsInTheOriginal() throws Exception {
    JsonNode answer = handler.handle(task("\"update\": {\"env\": \"dev\"}, \"delete\": [\"owner\", \"missing\"]",
        node("", "")));

    assertThat(calls()).containsExactly("init default", "delete owner", "delete missing", "update env=dev", "close");
    assertThat(JSON.convertValue(answer.at("/reported/tags"), Map.class)).isEqualTo(Map.of("env", "dev"));
  }

  @Test
  void aKeyWithoutValueIsTaggedWithTheEmptyString() throws Exception {
    JsonNode answer = handler.handle(task("\"update\": {\"reviewed\": null}", node("", "")));

    assertThat(calls()).contains("update reviewed=");
    assertThat(answer.at("/reported/tags/reviewed").isTextual()).isTrue();
    assertThat(answer.at("/reported/tags/reviewed").asText()).isEmpty();
  }

  @Test
  void aNodeWithoutTagsGetsATagsObject() throws Exception {
    String node = node("", "").replace("\"tags\": {\"owner\": \"ops\", \"env\": \"prod\"}", "\"x\": 1");
    JsonNode answer = handler.handle(task("\"update\": {\"owner\": \"lukas\"}", node));

    assertThat(JSON.convertValue(answer.at("/reported/tags"), Map.class)).isEqualTo(Map.of("owner", "lukas"));
    assertThat(TagCloudPlugin.TARGETS.peek().tags()).isEmpty();
  }

  @Test
  void everyTaskHasAPluginInstanceOfItsOwnWithTheConfigInForce() throws Exception {
    handler.handle(task("\"delete\": [\"a\"]", node("", "")));
    config.set(config("tagcloud:\n  label: changed\n"));
    handler.handle(task("\"delete\": [\"b\"]", node("", "")));

    List<String> all = List.copyOf(TagCloudPlugin.CALLS);
    assertThat(all).hasSize(6);
    String first = all.get(0).split(" ")[0];
    String second = all.get(3).split(" ")[0];
    assertThat(first).isNotEqualTo(second);
    assertThat(all).containsExactly(first + " init default", first + " delete a", first + " close",
        second + " init changed", second + " delete b", second + " close");
  }

  @Test
  void theFilterListsTheCollectorsThatTag() {
    assertThat(handler.name()).isEqualTo("tag");
    assertThat(handler.expectNodeResult()).isTrue();
    // not set: every installed collector that supports tags (testcloud does not)
    assertThat(handler.filter()).isEqualTo(Map.of("cloud", List.of("tagcloud")));
    config.set(config("resotoworker:\n  collector: [testcloud]\n"));
    assertThat(handler.filter()).isEqualTo(Map.of("cloud", List.of()));
    config.set(config("resotoworker:\n  collector: [testcloud, tagcloud]\n"));
    assertThat(handler.filter()).isEqualTo(Map.of("cloud", List.of("tagcloud")));
  }

  @Test
  void aWorkerGetsTheTagHandlerOnlyWhenACollectorTags() {
    assertThat(TagTaskHandler.forWorker(REGISTRY, config::get)).singleElement()
        .isInstanceOf(TagTaskHandler.class);
    PluginRegistry untagged = PluginRegistry.of(List.of(new TestCloudPlugin()));
    assertThat(TagTaskHandler.forWorker(untagged, config::get)).isEmpty();
  }

  @Test
  void aCloudWithoutATaggingCollectorIsAnError() throws Exception {
    String gcp = node("", "").replace("{\"id\": \"tagcloud\", \"name\": \"tagcloud\"}", "{\"id\": \"gcp\"}");
    assertThatThrownBy(() -> handler.handle(task("\"delete\": [\"a\"]", gcp)))
        .hasMessage("cannot tag tagcloud_instance i-1: no collector of this worker tags resources of cloud 'gcp'"
            + " (collectors that tag: tagcloud)");

    config.set(config("resotoworker:\n  collector: [testcloud]\n"));
    assertThatThrownBy(() -> handler.handle(task("\"delete\": [\"a\"]", node("", ""))))
        .hasMessage("cannot tag tagcloud_instance i-1: no collector of this worker tags resources of cloud"
            + " 'tagcloud' (none does; add it to resotoworker.collector)");
    assertThat(TagCloudPlugin.CALLS).isEmpty();
  }

  @Test
  void malformedTasksAreRefusedWithWhatIsMissing() throws Exception {
    assertThatThrownBy(() -> handler.handle(JSON.readTree("{\"update\": {\"a\": \"b\"}}")))
        .hasMessage("tag task without a node: data.node must be the resource's node JSON");
    assertThatThrownBy(() -> handler.handle(task("\"update\": {}", node("", ""))))
        .hasMessage("tag task with neither update nor delete: nothing to do");
    assertThatThrownBy(() -> handler.handle(task("\"delete\": \"owner\"", node("", ""))))
        .hasMessage("tag task: delete must be a list of tag keys");
    assertThatThrownBy(() -> handler.handle(task("\"update\": {\"a\": [1]}", node("", ""))))
        .hasMessage("tag task: the value of tag 'a' is [1], not a text");
    String noKind = node("", "").replace("\"kind\": \"tagcloud_instance\", ", "");
    assertThatThrownBy(() -> handler.handle(task("\"delete\": [\"a\"]", noKind)))
        .hasMessage("tag task: the node has no reported.kind (node core-node-id-1)");
    String noId = node("", "").replace("\"id\": \"i-1\", ", "");
    assertThatThrownBy(() -> handler.handle(task("\"delete\": [\"a\"]", noId)))
        .hasMessage("tag task: the node has no reported.id (node core-node-id-1)");
    String noCloud = node("", "").replace("\"cloud\": {\"reported\": {\"id\": \"tagcloud\", \"name\": \"tagcloud\"}},", "");
    assertThatThrownBy(() -> handler.handle(task("\"delete\": [\"a\"]", noCloud)))
        .hasMessage("cannot tag tagcloud_instance i-1: the node has no cloud ancestor (ancestors.cloud.reported.id)");
    assertThat(TagCloudPlugin.CALLS).isEmpty();
  }

  @Test
  void aProtectedResourceIsNotTagged() throws Exception {
    String node = node("", "").replace("\"categories\": [\"compute\"]", "\"categories\": [], \"protected\": true");
    assertThatThrownBy(() -> handler.handle(task("\"update\": {\"a\": \"b\"}", node)))
        .hasMessage("cannot tag tagcloud_instance i-1: the resource is protected");
    assertThat(TagCloudPlugin.CALLS).isEmpty();
  }

  @Test
  void aRefusalIsTheTaskErrorSayingWhatWasAlreadyDone() throws Exception {
    config.set(config("tagcloud:\n  refuse: [team]\n"));
    assertThatThrownBy(() -> handler.handle(task("\"delete\": [\"env\"], \"update\": {\"owner\": \"x\", \"team\": \"y\"}",
        node("", ""))))
        .hasMessage("setting tag 'team' of tagcloud_instance i-1 failed: AccessDenied: not allowed to tag with team"
            + " (already done: deleted 'env', set 'owner')");
    assertThat(calls()).containsExactly("init default", "delete env", "update owner=x", "close");
  }

  @Test
  void aCollectorWithoutTagSupportRefusesByDefault() {
    CollectorPlugin<io.resoto.worker.testing.TestCloudConfig> plain = new TestCloudPlugin();
    TagTarget target = new TagTarget("k", "i", null, null, null, null, null, Map.of(), Map.of());
    assertThat(plain.supportsTags()).isFalse();
    assertThatThrownBy(() -> plain.updateTag(null, target, "a", "b"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessage("the testcloud collector cannot change tags");
    assertThatThrownBy(() -> plain.deleteTag(null, target, "a"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessage("the testcloud collector cannot change tags");
  }

  /** The calls of the one instance of the test, without its number. */
  private static List<String> calls() {
    return TagCloudPlugin.CALLS.stream().map(c -> c.substring(c.indexOf(' ') + 1)).toList();
  }
}
