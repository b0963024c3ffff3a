package io.resoto.worker.aws.kinds.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resources are read page by page in AwsApiGatewayRestApiKindTest's many-pages estate. */
class AwsApiGatewayResourceKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void resourcesComeWithTheirMethodsAndPointToTheirAuthorizers() throws Exception {
    AwsApiGatewayResourceKind kind = new AwsApiGatewayResourceKind();
    Graph g = collect(kind, new AwsApiGatewayAuthorizerKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsApiGatewayResourceKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("r00t000001", "res0a1b001", "res0a1b002", "r00t000002");
    Node orders = node(g, AwsApiGatewayResourceKind.KIND, "res0a1b001");
    assertThat(orders.name()).isEqualTo("res0a1b001");
    assertThat(orders.properties())
        .containsEntry("arn", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/resources/res0a1b001")
        .containsEntry("resource_parent_id", "r00t000001")
        .containsEntry("resource_path_part", "orders")
        .containsEntry("resource_path", "/orders")
        .containsEntry("api_link", "a1b2c3d4e5");
    Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) orders.properties()
        .get("resource_methods")).get("GET");
    assertThat(get).containsEntry("authorizer_id", "auth0a1b01").containsEntry("api_key_required", true);
    assertThat((Map<String, Object>) get.get("method_integration")).containsEntry("type", "AWS_PROXY")
        .containsEntry("timeout_in_millis", 29000);
    assertThat(node(g, AwsApiGatewayResourceKind.KIND, "res0a1b002").properties().get("resource_methods"))
        .isEqualTo(Map.of("GET", Map.of("http_method", "GET", "authorization_type", "COGNITO_USER_POOLS",
            "authorizer_id", "auth0a1b02", "api_key_required", false, "authorization_scopes", List.of("orders/read"))));
    assertThat(node(g, AwsApiGatewayResourceKind.KIND, "r00t000001").properties())
        .doesNotContainKeys("resource_methods", "resource_parent_id");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsApiGatewayResourceKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_apigateway_resource:res0a1b001 -> aws_apigateway_authorizer:jwt-lambda",
            "aws_apigateway_resource:res0a1b002 -> aws_apigateway_authorizer:customers");
  }
}
