package io.resoto.worker.aws.kinds.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorizers are read page by page in AwsApiGatewayRestApiKindTest's many-pages estate. */
class AwsApiGatewayAuthorizerKindTest extends KindTestHarness {

  @Test
  void authorizersAreMapped() throws Exception {
    AwsApiGatewayAuthorizerKind kind = new AwsApiGatewayAuthorizerKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsApiGatewayAuthorizerKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("auth0a1b01", "auth0a1b02");
    Node jwt = node(g, AwsApiGatewayAuthorizerKind.KIND, "auth0a1b01");
    assertThat(jwt.name()).isEqualTo("jwt-lambda");
    assertThat(jwt.properties())
        .containsEntry("arn", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/authorizers/auth0a1b01")
        .containsEntry("authorizer_type", "TOKEN")
        .containsEntry("authorizer_result_ttl_in_seconds", 300)
        .containsEntry("authorizer_identity_source", "method.request.header.Authorization")
        .containsEntry("api_link", "a1b2c3d4e5");
    assertThat(node(g, AwsApiGatewayAuthorizerKind.KIND, "auth0a1b02").properties())
        .containsEntry("authorizer_type", "COGNITO_USER_POOLS")
        .containsEntry("authorizer_provider_arns",
            List.of("arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_DemoPool1"))
        .doesNotContainKey("authorizer_uri");
  }

  @Test
  void theFunctionIsNamedByTheAuthorizersUri() {
    assertThat(AwsApiGatewayAuthorizerKind.functionName("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:us-east-1:111111111111:function:orders-authorizer/invocations")).isEqualTo("orders-authorizer");
    assertThat(AwsApiGatewayAuthorizerKind.functionName("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
        + "arn:aws:lambda:us-east-1:111111111111:function:authz:live/invocations")).isEqualTo("authz");
    assertThat(AwsApiGatewayAuthorizerKind.functionName(null)).isNull();
    assertThat(AwsApiGatewayAuthorizerKind.functionName("https://example.com/authorize")).isNull();
  }
}
