package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontCachePolicyKindTest extends CloudFrontTestBase {

  static final String ID = "0a11c0e0-cfcb-4000-8000-000000000001";

  @Test
  @SuppressWarnings("unchecked")
  void cachePoliciesAreMapped() throws Exception {
    AwsCloudFrontCachePolicyKind kind = new AwsCloudFrontCachePolicyKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudFrontCachePolicyKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("demo-web-cache", "Managed-CachingDisabled");
    Node p = node(g, AwsCloudFrontCachePolicyKind.KIND, ID);
    assertUnderGlobalRegion(g, p);
    assertThat(p.mtime()).isEqualTo(Instant.parse("2024-02-01T10:00:00Z"));
    assertThat(p.properties()).containsEntry("arn", "arn:aws:cloudfront::111111111111:cache-policy/" + ID);
    Map<String, Object> config = (Map<String, Object>) p.properties().get("cache_policy_config");
    assertThat(config).containsEntry("default_ttl", 86400L).containsEntry("min_ttl", 1L)
        .containsEntry("comment", "Caches the site for a day, keyed by language");
    assertThat((Map<String, Object>) config.get("parameters_in_cache_key_and_forwarded_to_origin"))
        .containsEntry("enable_accept_encoding_brotli", true)
        .containsEntry("headers_config", Map.of("header_behavior", "whitelist", "headers", List.of("Accept-Language")))
        .containsEntry("cookies_config", Map.of("cookie_behavior", "whitelist", "cookies", List.of("lang")));
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("CachePolicies", 7, i -> Map.of("Type", "custom", "CachePolicy",
        Map.of("Id", "cp-" + i, "LastModifiedTime", "2024-01-01T00:00:00Z",
            "CachePolicyConfig", Map.of("Name", "policy-" + i, "MinTTL", i))))) {
      Graph g = collect(big, new AwsCloudFrontCachePolicyKind(3));
      assertThat(nodes(g, AwsCloudFrontCachePolicyKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontCachePolicyKind.KIND, "cp-6").name()).isEqualTo("policy-6");
    }
  }
}
