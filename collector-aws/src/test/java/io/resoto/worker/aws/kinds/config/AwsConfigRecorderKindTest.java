package io.resoto.worker.aws.kinds.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Neither DescribeConfigurationRecorders nor its status call pages, so there is no paging test. */
class AwsConfigRecorderKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void recordersAreMappedWithTheirStatus() throws Exception {
    AwsConfigRecorderKind kind = new AwsConfigRecorderKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsConfigRecorderKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId())
        .containsExactlyInAnyOrder("us-east-1/default", "eu-central-1/eu-recorder");
    Node us = node(g, AwsConfigRecorderKind.KIND, "default");
    assertThat(us.name()).isEqualTo("default");
    assertThat(us.mtime()).isEqualTo(Instant.parse("2024-06-01T12:00:00Z"));
    assertThat(us.tags()).isEmpty();
    assertThat(us.properties())
        .containsEntry("arn", "arn:aws:config:us-east-1:111111111111:configuration-recorder/default/c0f1c0e0aaaa0001")
        .containsEntry("recorder_role_arn",
            "arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
    assertThat((Map<String, Object>) us.properties().get("recorder_group")).containsEntry("all_supported", true)
        .containsEntry("recording_strategy", Map.of("use_only", "ALL_SUPPORTED_RESOURCE_TYPES"));
    assertThat((Map<String, Object>) us.properties().get("recorder_status")).containsEntry("recording", true)
        .containsEntry("last_status", "SUCCESS").doesNotContainKeys("name", "arn");

    Node eu = node(g, AwsConfigRecorderKind.KIND, "eu-recorder");
    // no ARN from the API: the recorder's ARN as AWS formats it, not the role's
    assertThat(eu.properties())
        .containsEntry("arn", "arn:aws:config:eu-central-1:111111111111:config-recorder/eu-recorder");
    assertThat((Map<String, Object>) eu.properties().get("recorder_group"))
        .containsEntry("resource_types", List.of("AWS::EC2::Instance", "AWS::S3::Bucket"));
    assertThat((Map<String, Object>) eu.properties().get("recorder_status"))
        .containsEntry("last_status", "FAILURE").containsEntry("last_error_code", "AccessDenied");
    assertThat(edges(g, EdgeType.DEFAULT)).noneMatch(e -> e.startsWith(AwsConfigRecorderKind.KIND));
  }
}
