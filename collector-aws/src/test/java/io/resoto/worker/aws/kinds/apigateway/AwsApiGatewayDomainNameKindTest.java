package io.resoto.worker.aws.kinds.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.NodeTagging;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Domain names are read page by page in AwsApiGatewayRestApiKindTest's many-pages estate. */
class AwsApiGatewayDomainNameKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void domainsAreMapped() throws Exception {
    AwsApiGatewayDomainNameKind kind = new AwsApiGatewayDomainNameKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsApiGatewayDomainNameKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("api.demo.example", "edge.demo.example");
    Node api = node(g, AwsApiGatewayDomainNameKind.KIND, "api.demo.example");
    assertThat(api.name()).isEqualTo("api.demo.example");
    assertThat(api.tags()).isEqualTo(Map.of("team", "checkout"));
    assertThat(api.properties())
        .containsEntry("arn", "arn:aws:apigateway:us-east-1::/domainnames/api.demo.example")
        .containsEntry("domain_regional_hosted_zone_id", "Z1UJRXOUMOOFQ8")
        .containsEntry("domain_domain_name_status", "AVAILABLE")
        .containsEntry("domain_security_policy", "TLS_1_2")
        .containsEntry("domain_endpoint_configuration", Map.of("types", List.of("REGIONAL")));
    assertThat((Map<String, Object>) api.properties().get("domain_mutual_tls_authentication"))
        .containsEntry("truststore_version", "3");
    Node edge = node(g, AwsApiGatewayDomainNameKind.KIND, "edge.demo.example");
    assertThat(edge.tags()).isEmpty();
    assertThat(edge.properties())
        .containsEntry("domain_certificate_upload_date", Instant.parse("2024-01-15T00:00:00Z"))
        .containsEntry("domain_distribution_domain_name", "d1a2b3c4d5e6f7.cloudfront.net")
        .containsEntry("domain_domain_name_status_message", "The certificate is being rotated.");
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsApiGatewayDomainNameKind kind = new AwsApiGatewayDomainNameKind();
    Node edge = node(collect(kind), AwsApiGatewayDomainNameKind.KIND, "edge.demo.example");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(edge, "owner", "web");
      assertThat(node(collect(kind), AwsApiGatewayDomainNameKind.KIND, "edge.demo.example").tags())
          .isEqualTo(Map.of("owner", "web"));
      tagging.delete(edge, "owner");
      assertThat(node(collect(kind), AwsApiGatewayDomainNameKind.KIND, "edge.demo.example").tags()).isEmpty();
    }
  }
}
