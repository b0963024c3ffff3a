package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontStreamingDistributionKindTest extends CloudFrontTestBase {

  static final String ARN = "arn:aws:cloudfront::111111111111:streaming-distribution/EDEMOSTREAM0001";

  @Test
  void streamingDistributionsAreMappedWithTheirTags() throws Exception {
    AwsCloudFrontStreamingDistributionKind kind = new AwsCloudFrontStreamingDistributionKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    Node s = node(g, AwsCloudFrontStreamingDistributionKind.KIND, "EDEMOSTREAM0001");
    assertUnderGlobalRegion(g, s);
    assertThat(s.name()).isEqualTo("EDEMOSTREAM0001");
    assertThat(s.mtime()).isEqualTo(Instant.parse("2019-06-01T10:00:00Z"));
    assertThat(s.tags()).isEqualTo(Map.of("lifecycle", "retired"));
    assertThat(s.properties()).containsEntry("arn", ARN)
        .containsEntry("streaming_distribution_status", "Deployed")
        .containsEntry("streaming_distribution_domain_name", "sdemostream0001.cloudfront.net")
        .containsEntry("streaming_distribution_aliases", List.of("media.demo.example"))
        .containsEntry("streaming_distribution_trusted_signers", List.of("self"))
        .containsEntry("streaming_distribution_price_class", "PriceClass_100")
        .containsEntry("streaming_distribution_enabled", false)
        .containsEntry("streaming_distribution_s3_origin", Map.of("domain_name", "demo-mgmt-artifacts.s3.amazonaws.com",
            "origin_access_identity", "origin-access-identity/cloudfront/E3DEMOOAI00001"));
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("StreamingDistributions", 7, i -> Map.of("Id", "S" + i,
        "ARN", "arn:aws:cloudfront::111111111111:streaming-distribution/S" + i, "Status", "Deployed",
        "Enabled", true))) {
      Graph g = collect(big, new AwsCloudFrontStreamingDistributionKind(3));
      assertThat(nodes(g, AwsCloudFrontStreamingDistributionKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontStreamingDistributionKind.KIND, "S6").properties())
          .containsEntry("streaming_distribution_enabled", true);
    }
  }

  @Test
  void tagsChangeThroughTagResource() throws Exception {
    assertTagsChange(AwsCloudFrontStreamingDistributionKind.KIND, "EDEMOSTREAM0001", ARN);
  }
}
