package io.resoto.worker.aws.kinds.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.NodeTagging;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogs' paging is read in full in AwsAthenaWorkGroupKindTest's many-pages estate. */
class AwsAthenaDataCatalogKindTest extends KindTestHarness {

  @Test
  void catalogsAreMappedWithoutTheBuiltInOne() throws Exception {
    AwsAthenaDataCatalogKind kind = new AwsAthenaDataCatalogKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsAthenaDataCatalogKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("lake-lambda", "hive-onprem");
    Node lake = node(g, AwsAthenaDataCatalogKind.KIND, "lake-lambda");
    assertThat(lake.name()).isEqualTo("lake-lambda");
    assertThat(lake.tags()).isEqualTo(Map.of("team", "data"));
    assertThat(lake.properties())
        .containsEntry("arn", "arn:aws:athena:us-east-1:111111111111:datacatalog/lake-lambda")
        .containsEntry("datacatalog_type", "LAMBDA")
        .containsEntry("description", "Federated queries against the orders service.")
        .containsEntry("datacatalog_parameters",
            Map.of("function", "arn:aws:lambda:us-east-1:111111111111:function:athena-orders-connector"));
    assertThat(node(g, AwsAthenaDataCatalogKind.KIND, "hive-onprem").tags()).isEmpty();
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsAthenaDataCatalogKind kind = new AwsAthenaDataCatalogKind();
    Node hive = node(collect(kind), AwsAthenaDataCatalogKind.KIND, "hive-onprem");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(hive, "owner", "platform");
      assertThat(node(collect(kind), AwsAthenaDataCatalogKind.KIND, "hive-onprem").tags())
          .isEqualTo(Map.of("owner", "platform"));
      tagging.delete(hive, "owner");
      assertThat(node(collect(kind), AwsAthenaDataCatalogKind.KIND, "hive-onprem").tags()).isEmpty();
    }
  }
}
