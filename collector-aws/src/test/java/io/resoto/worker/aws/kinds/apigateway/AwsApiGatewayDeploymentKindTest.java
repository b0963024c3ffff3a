package io.resoto.worker.aws.kinds.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deployments are read page by page in AwsApiGatewayRestApiKindTest's many-pages estate. */
class AwsApiGatewayDeploymentKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void deploymentsAreMappedWithTheirStagesUnderThem() throws Exception {
    AwsApiGatewayDeploymentKind kind = new AwsApiGatewayDeploymentKind();
    Graph g = collect(kind, new AwsApiGatewayStageKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsApiGatewayDeploymentKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("dep0a1b2c1", "dep0a1b2c2", "dep0p9q8r1");
    Node d = node(g, AwsApiGatewayDeploymentKind.KIND, "dep0a1b2c2");
    assertThat(d.name()).isEqualTo("dep0a1b2c2");
    assertThat(d.ctime()).isEqualTo(Instant.parse("2024-05-20T09:00:00Z"));
    assertThat(d.properties())
        .containsEntry("arn", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/deployments/dep0a1b2c2")
        .containsEntry("description", "Adds order search")
        .containsEntry("api_link", "a1b2c3d4e5");
    Map<String, Object> summary = (Map<String, Object>) d.properties().get("deployment_api_summary");
    assertThat((Map<String, Object>) summary.get("/orders"))
        .containsEntry("GET", Map.of("authorization_type", "CUSTOM", "api_key_required", true));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsApiGatewayDeploymentKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_apigateway_deployment:dep0a1b2c2 -> aws_apigateway_stage:prod",
            "aws_apigateway_deployment:dep0a1b2c1 -> aws_apigateway_stage:staging",
            "aws_apigateway_deployment:dep0p9q8r1 -> aws_apigateway_stage:prod");
  }
}
