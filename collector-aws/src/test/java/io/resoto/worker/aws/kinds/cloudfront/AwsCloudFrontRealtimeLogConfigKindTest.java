package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontRealtimeLogConfigKindTest extends CloudFrontTestBase {

  static final String ARN = "arn:aws:cloudfront::111111111111:realtime-log-config/demo-web-realtime";

  @Test
  void realtimeLogConfigsAreMappedWithTheirTags() throws Exception {
    AwsCloudFrontRealtimeLogConfigKind kind = new AwsCloudFrontRealtimeLogConfigKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudFrontRealtimeLogConfigKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-web-realtime", "debug-all");
    Node c = node(g, AwsCloudFrontRealtimeLogConfigKind.KIND, "demo-web-realtime");
    assertUnderGlobalRegion(g, c);
    assertThat(c.tags()).isEqualTo(Map.of("cost-center", "cdn"));
    assertThat(c.properties()).containsEntry("arn", ARN).containsEntry("realtime_log_sampling_rate", 10L)
        .containsEntry("realtime_log_fields", List.of("timestamp", "c-ip", "sc-status", "cs-uri-stem"))
        .containsEntry("realtime_log_end_points", List.of(Map.of("stream_type", "Kinesis",
            "kinesis_stream_config", Map.of("role_arn", "arn:aws:iam::111111111111:role/worker-node",
                "stream_arn", "arn:aws:kinesis:us-east-1:111111111111:stream/cdn-logs"))));
    assertThat(node(g, AwsCloudFrontRealtimeLogConfigKind.KIND, "debug-all").tags()).isEmpty();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("RealtimeLogConfigs", 7, i -> Map.of("Name", "rt-" + i,
        "ARN", "arn:aws:cloudfront::111111111111:realtime-log-config/rt-" + i, "SamplingRate", i + 1))) {
      Graph g = collect(big, new AwsCloudFrontRealtimeLogConfigKind(3));
      assertThat(nodes(g, AwsCloudFrontRealtimeLogConfigKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontRealtimeLogConfigKind.KIND, "rt-6").properties())
          .containsEntry("realtime_log_sampling_rate", 7L);
    }
  }

  @Test
  void tagsChangeThroughTagResource() throws Exception {
    assertTagsChange(AwsCloudFrontRealtimeLogConfigKind.KIND, "demo-web-realtime", ARN);
  }
}
