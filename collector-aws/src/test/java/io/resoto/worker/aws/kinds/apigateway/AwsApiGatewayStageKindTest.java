package io.resoto.worker.aws.kinds.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.NodeTagging;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetStages does not page. */
class AwsApiGatewayStageKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void stagesAreMappedWithIdsUniqueAcrossApis() throws Exception {
    AwsApiGatewayStageKind kind = new AwsApiGatewayStageKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsApiGatewayStageKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("a1b2c3d4e5_prod", "a1b2c3d4e5_staging", "p9q8r7s6t5_prod");
    Node prod = node(g, AwsApiGatewayStageKind.KIND, "a1b2c3d4e5_prod");
    assertThat(prod.name()).isEqualTo("prod");
    assertThat(prod.ctime()).isEqualTo(Instant.parse("2024-03-10T12:31:00Z"));
    assertThat(prod.mtime()).isEqualTo(Instant.parse("2024-05-20T09:01:00Z"));
    assertThat(prod.tags()).isEqualTo(Map.of("env", "prod"));
    assertThat(prod.properties())
        .containsEntry("arn", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod")
        .containsEntry("stage_cache_cluster_size", "0.5")
        .containsEntry("stage_cache_status", "AVAILABLE")
        .containsEntry("stage_variables", Map.of("backend", "orders-prod"))
        .containsEntry("stage_tracing_enabled", true)
        .containsEntry("api_link", "a1b2c3d4e5");
    assertThat((Map<String, Object>) ((Map<String, Object>) prod.properties().get("stage_method_settings")).get("*/*"))
        .containsEntry("logging_level", "ERROR").containsEntry("throttling_burst_limit", 500);
    assertThat((Map<String, Object>) node(g, AwsApiGatewayStageKind.KIND, "a1b2c3d4e5_staging").properties()
        .get("stage_canary_settings")).containsEntry("deployment_id", "dep0a1b2c2");
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsApiGatewayStageKind kind = new AwsApiGatewayStageKind();
    Node prod = node(collect(kind), AwsApiGatewayStageKind.KIND, "a1b2c3d4e5_prod");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(prod, "owner", "checkout");
      assertThat(node(collect(kind), AwsApiGatewayStageKind.KIND, "a1b2c3d4e5_prod").tags())
          .isEqualTo(Map.of("env", "prod", "owner", "checkout"));
      tagging.delete(prod, "owner");
      assertThat(node(collect(kind), AwsApiGatewayStageKind.KIND, "a1b2c3d4e5_prod").tags())
          .isEqualTo(Map.of("env", "prod"));
    }
  }
}
