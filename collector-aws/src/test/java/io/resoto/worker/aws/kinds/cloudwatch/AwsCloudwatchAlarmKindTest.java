package io.resoto.worker.aws.kinds.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.TagChecks;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

class AwsCloudwatchAlarmKindTest extends KindTestHarness {

  static final String CPU_ARN = "arn:aws:cloudwatch:us-east-1:111111111111:alarm:web-1-high-cpu";

  @Test
  @SuppressWarnings("unchecked")
  void alarmsAreMappedWithTheirTagsAndInstances() throws Exception {
    AwsCloudwatchAlarmKind kind = new AwsCloudwatchAlarmKind();
    Graph g = collect(kind, new AwsEc2InstanceKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudwatchAlarmKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("web-1-high-cpu", "api-latency-p99", "checkout-errors", "web-anomaly");
    Node cpu = node(g, AwsCloudwatchAlarmKind.KIND, "web-1-high-cpu");
    assertThat(cpu.mtime()).isEqualTo(Instant.parse("2024-03-01T10:15:00Z"));
    assertThat(cpu.tags()).isEqualTo(Map.of("team", "platform", "severity", "high"));
    assertThat(cpu.properties()).containsEntry("arn", CPU_ARN)
        .containsEntry("cloudwatch_state_value", "OK")
        .containsEntry("cloudwatch_metric_name", "CPUUtilization")
        .containsEntry("cloudwatch_namespace", "AWS/EC2")
        .containsEntry("cloudwatch_period", 300L)
        .containsEntry("cloudwatch_threshold", 80.0)
        .containsEntry("cloudwatch_comparison_operator", "GreaterThanThreshold")
        .containsEntry("cloudwatch_alarm_actions", List.of("arn:aws:sns:us-east-1:111111111111:ops-alerts"));
    assertThat((List<Map<String, Object>>) node(g, AwsCloudwatchAlarmKind.KIND, "web-anomaly").properties()
        .get("cloudwatch_metrics")).extracting(m -> m.get("id")).containsExactly("m1", "ad1");
    assertThat(node(g, AwsCloudwatchAlarmKind.KIND, "api-latency-p99").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith("aws_cloudwatch_alarm:web-1-high-cpu"))
        .anyMatch(e -> e.startsWith("aws_ec2_instance:"));
    assertThat(edges(g, EdgeType.DELETE)).hasSize(1).allMatch(e -> e.startsWith("aws_ec2_instance:")
        && e.endsWith(" -> aws_cloudwatch_alarm:web-1-high-cpu"));
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> alarms = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      alarms.add(Map.of("AlarmName", "a-" + i, "AlarmArn", "arn:aws:cloudwatch:us-west-2:111111111111:alarm:a-" + i,
          "StateValue", "OK"));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-alarms", Map.of("111111111111",
        Map.of("us-west-2", Map.of("cloudwatch", Map.of("MetricAlarms", alarms))))))) {
      Graph g = collect(big, new AwsCloudwatchAlarmKind(3));
      assertThat(nodes(g, AwsCloudwatchAlarmKind.KIND)).hasSize(7);
    }
  }

  @Test
  void anAlarmIsTaggedAndUntaggedByItsArn() throws Exception {
    try (CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(TagChecks.demoCredentials()).build()) {
      TagChecks.tagAndUntag(sim, TagChecks.target(AwsCloudwatchAlarmKind.KIND, "web-1-high-cpu", "web-1-high-cpu",
          CPU_ARN, "us-east-1", Map.of()), () -> cw.listTagsForResource(r -> r.resourceARN(CPU_ARN)).tags().stream()
          .collect(Collectors.toMap(Tag::key, Tag::value)));
    }
  }
}
