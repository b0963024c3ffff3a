package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontResponseHeadersPolicyKindTest extends CloudFrontTestBase {

  static final String ID = "0a11c0e0-cfeb-4000-8000-000000000001";

  @Test
  @SuppressWarnings("unchecked")
  void responseHeadersPoliciesAreMapped() throws Exception {
    AwsCloudFrontResponseHeadersPolicyKind kind = new AwsCloudFrontResponseHeadersPolicyKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudFrontResponseHeadersPolicyKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder(ID, "0a11c0e0-cfeb-4000-8000-000000000002");
    Node p = node(g, AwsCloudFrontResponseHeadersPolicyKind.KIND, ID);
    assertUnderGlobalRegion(g, p);
    assertThat(p.name()).isEqualTo(ID);
    assertThat(p.mtime()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
    assertThat(p.properties()).containsEntry("arn", "arn:aws:cloudfront::111111111111:response-headers-policy/" + ID)
        .containsEntry("response_headers_policy_type", "custom");
    Map<String, Object> config = (Map<String, Object>) p.properties().get("response_headers_policy_config");
    assertThat(config).containsEntry("name", "demo-web-security")
        .containsEntry("custom_headers_config", List.of(Map.of("header", "X-Demo", "value", "web", "override", false)))
        .containsEntry("server_timing_headers_config", Map.of("enabled", true, "sampling_rate", 5.0));
    assertThat((Map<String, Object>) config.get("cors_config"))
        .containsEntry("access_control_allow_origins", List.of("https://www.demo.example"))
        .containsEntry("access_control_max_age_sec", 600);
    assertThat((Map<String, Object>) config.get("security_headers_config"))
        .containsEntry("frame_options", Map.of("override", true, "frame_option", "DENY"))
        .containsEntry("content_type_options", Map.of("override", true));
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("ResponseHeadersPolicies", 7, i -> Map.of("Type", "custom",
        "ResponseHeadersPolicy", Map.of("Id", "rhp-" + i, "LastModifiedTime", "2024-01-01T00:00:00Z",
            "ResponseHeadersPolicyConfig", Map.of("Name", "policy-" + i))))) {
      Graph g = collect(big, new AwsCloudFrontResponseHeadersPolicyKind(3));
      assertThat(nodes(g, AwsCloudFrontResponseHeadersPolicyKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontResponseHeadersPolicyKind.KIND, "rhp-6").properties())
          .containsEntry("response_headers_policy_config", Map.of("name", "policy-6"));
    }
  }
}
