package io.resoto.worker.aws.kinds.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.NodeTagging;
import io.resoto.worker.aws.kinds.ec2.AwsVpcEndpointKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsApiGatewayRestApiKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void apisAreMappedWithTheirChildrenUnderThem() throws Exception {
    AwsApiGatewayRestApiKind kind = new AwsApiGatewayRestApiKind();
    Graph g = collect(kind, new AwsApiGatewayDeploymentKind(), new AwsApiGatewayAuthorizerKind(),
        new AwsApiGatewayResourceKind(), new AwsVpcEndpointKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsApiGatewayRestApiKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("a1b2c3d4e5", "p9q8r7s6t5");
    Node orders = node(g, AwsApiGatewayRestApiKind.KIND, "a1b2c3d4e5");
    assertThat(orders.name()).isEqualTo("orders-api");
    assertThat(orders.ctime()).isEqualTo(Instant.parse("2024-03-10T12:00:00Z"));
    assertThat(orders.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(orders.properties())
        .containsEntry("arn", "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5")
        .containsEntry("api_version", "2024-05")
        .containsEntry("api_binary_media_types", List.of("image/png"))
        .containsEntry("api_minimum_compression_size", 1024)
        .containsEntry("api_key_source", "HEADER")
        .containsEntry("api_endpoint_configuration", Map.of("types", List.of("REGIONAL")))
        .containsEntry("api_disable_execute_api_endpoint", false);
    Node admin = node(g, AwsApiGatewayRestApiKind.KIND, "p9q8r7s6t5");
    assertThat(admin.tags()).isEmpty();
    assertThat((Map<String, Object>) admin.properties().get("api_endpoint_configuration"))
        .containsEntry("vpc_endpoint_ids", List.of("vpce-0a1b2c3d4e5f60001"));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsApiGatewayRestApiKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_deployment:dep0a1b2c1",
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_deployment:dep0a1b2c2",
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_authorizer:jwt-lambda",
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_authorizer:customers",
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_resource:r00t000001",
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_resource:res0a1b001",
            "aws_apigateway_rest_api:orders-api -> aws_apigateway_resource:res0a1b002",
            "aws_apigateway_rest_api:internal-admin -> aws_apigateway_deployment:dep0p9q8r1",
            "aws_apigateway_rest_api:internal-admin -> aws_apigateway_resource:r00t000002",
            "aws_apigateway_rest_api:internal-admin -> aws_vpc_endpoint:"
                + node(g, "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001").name());
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith(AwsApiGatewayRestApiKind.KIND))
        .containsExactly("aws_apigateway_rest_api:internal-admin -> aws_vpc_endpoint:"
            + node(g, "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001").name());
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsApiGatewayRestApiKind kind = new AwsApiGatewayRestApiKind();
    Node admin = node(collect(kind), AwsApiGatewayRestApiKind.KIND, "p9q8r7s6t5");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(admin, "owner", "platform");
      assertThat(node(collect(kind), AwsApiGatewayRestApiKind.KIND, "p9q8r7s6t5").tags())
          .isEqualTo(Map.of("owner", "platform"));
      tagging.delete(admin, "owner");
      assertThat(node(collect(kind), AwsApiGatewayRestApiKind.KIND, "p9q8r7s6t5").tags()).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void listingsOfSeveralPagesAreReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> apis = new ArrayList<>();
    List<Map<String, Object>> details = new ArrayList<>();
    List<Map<String, Object>> domains = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      apis.add(new LinkedHashMap<>(Map.of("id", "api" + i, "name", "api-" + i)));
      List<Map<String, Object>> deployments = new ArrayList<>();
      List<Map<String, Object>> authorizers = new ArrayList<>();
      List<Map<String, Object>> resources = new ArrayList<>();
      for (int j = 0; j < 4; j++) {
        deployments.add(Map.of("id", "d" + i + "x" + j));
        authorizers.add(Map.of("id", "a" + i + "x" + j, "name", "auth-" + i + "-" + j, "type", "TOKEN"));
        resources.add(Map.of("id", "r" + i + "x" + j, "path", "/p" + j));
      }
      details.add(Map.of("restApiId", "api" + i, "deployments", deployments, "authorizers", authorizers,
          "resources", resources));
      domains.add(Map.of("domainName", "d" + i + ".demo.example"));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("apigateway",
        Map.of("RestApis", apis, "ApiDetails", details, "DomainNames", domains)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-apis"))) {
      Graph g = collect(big, new AwsApiGatewayRestApiKind(3), new AwsApiGatewayDeploymentKind(3),
          new AwsApiGatewayAuthorizerKind(3), new AwsApiGatewayResourceKind(3), new AwsApiGatewayDomainNameKind(3));
      assertThat(nodes(g, AwsApiGatewayRestApiKind.KIND)).hasSize(7);
      assertThat(nodes(g, AwsApiGatewayDeploymentKind.KIND)).hasSize(28);
      assertThat(nodes(g, AwsApiGatewayAuthorizerKind.KIND)).hasSize(28);
      assertThat(nodes(g, AwsApiGatewayResourceKind.KIND)).hasSize(28);
      assertThat(nodes(g, AwsApiGatewayDomainNameKind.KIND)).hasSize(7);
      assertThat(node(g, AwsApiGatewayAuthorizerKind.KIND, "a6x3").properties()).containsEntry("api_link", "api6");
    }
  }
}
