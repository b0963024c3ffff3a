package io.resoto.worker.testcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ImportCheckTest {

  private static final Kinds MODEL = new Kinds(TestCore.json("""
      [{"fqn":"resource","bases":[]},{"fqn":"graph_root","bases":["resource"]},
       {"fqn":"cloud","bases":["resource"]},{"fqn":"account","bases":["resource"]},
       {"fqn":"demo_account","bases":["account"]},{"fqn":"demo_instance","bases":["resource"]}]
      """));

  private static final String ROOT = "{\"id\":\"r\",\"reported\":{\"kind\":\"graph_root\",\"id\":\"root\"}}";
  private static final String CLOUD = "{\"id\":\"c\",\"reported\":{\"kind\":\"cloud\",\"id\":\"demo\"}}";
  private static final String ACCOUNT =
      "{\"id\":\"a\",\"reported\":{\"kind\":\"demo_account\",\"id\":\"1\"},\"metadata\":{\"replace\":true}}";
  private static final String INSTANCE = "{\"id\":\"i\",\"reported\":{\"kind\":\"demo_instance\",\"id\":\"i-1\"}}";
  private static final String EDGES = "{\"from\":\"r\",\"to\":\"c\"}\n{\"from\":\"c\",\"to\":\"a\"}\n"
      + "{\"from\":\"a\",\"to\":\"i\"}\n";

  private static String check(String body) throws Exception {
    return new ImportCheck().read(new BufferedReader(new StringReader(body)), MODEL, false);
  }

  private static String graph(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  @Test
  void acceptsAWellFormedAccountUpload() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT, INSTANCE) + EDGES
        + "{\"from\":\"i\",\"to\":\"a\",\"edge_type\":\"delete\"}\n"
        + "{\"from_selector\":{\"node_id\":\"i\"},\"to_selector\":{\"search_criteria\":\"is(x)\"},\"edge_type\":\"iam\"}\n"))
        .isNull();
  }

  @Test
  void rejectsALineThatIsNeitherNodeNorEdge() throws Exception {
    assertThat(check(graph(ROOT, "{\"something\":1}"))).startsWith("line 2 is neither a node, an edge nor a deferred edge");
    assertThat(check(graph(ROOT, "not json"))).isEqualTo("line 2 is not JSON");
  }

  @Test
  void rejectsAKindNotInTheModel() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT,
        "{\"id\":\"i\",\"reported\":{\"kind\":\"demo_mystery\",\"id\":\"x\"}}") + EDGES))
        .isEqualTo("line 4: kind demo_mystery of node i is not in the model");
  }

  @Test
  void rejectsAnEdgeToANodeOutsideTheUpload() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT, INSTANCE) + EDGES + "{\"from\":\"a\",\"to\":\"elsewhere\"}\n"))
        .isEqualTo("edge a -> elsewhere refers to a node that is not in the upload");
  }

  @Test
  void rejectsAnUnknownEdgeType() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT, INSTANCE) + EDGES
        + "{\"from\":\"i\",\"to\":\"a\",\"edge_type\":\"owns\"}\n"))
        .isEqualTo("line 8: unknown edge type owns");
  }

  @Test
  void rejectsTwoRoots() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT, INSTANCE) + "{\"from\":\"r\",\"to\":\"c\"}\n{\"from\":\"c\",\"to\":\"a\"}\n"))
        .isEqualTo("expected exactly one root, found 2: [r, i]");
  }

  @Test
  void rejectsAnUploadWithoutReplaceNode() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT.replace(",\"metadata\":{\"replace\":true}", ""), INSTANCE) + EDGES))
        .isEqualTo("no replace node");
  }

  @Test
  void rejectsAReplaceNodeOfAKindThatIsNotCloudAccountRegionOrZone() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, ACCOUNT,
        INSTANCE.replace("}}", "},\"metadata\":{\"replace\":true}}")) + EDGES))
        .contains("replace node i is of kind demo_instance, which is none of cloud, account, region, zone");
  }

  @Test
  void rejectsANodeBelowTwoReplaceNodes() throws Exception {
    assertThat(check(graph(ROOT, CLOUD.replace("}}", "},\"replace\":true}"), ACCOUNT, INSTANCE) + EDGES))
        .isEqualTo("node a is below two replace nodes: c and a");
  }

  @Test
  void rejectsADuplicateNode() throws Exception {
    assertThat(check(graph(ROOT, CLOUD, CLOUD))).isEqualTo("line 3: node c appears twice");
  }
}
