package io.resoto.worker.aws.kinds.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.TagChecks;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class AwsCloudwatchLogGroupKindTest extends KindTestHarness {

  static final String CHECKOUT_ARN = "arn:aws:logs:us-east-1:111111111111:log-group:/demo/checkout";

  @Test
  @SuppressWarnings("unchecked")
  void logGroupsAreMappedWithTheirPoliciesTagsAndKeys() throws Exception {
    AwsCloudwatchLogGroupKind kind = new AwsCloudwatchLogGroupKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsCloudwatchMetricFilterKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudwatchLogGroupKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("/aws/lambda/orders-api", "/demo/checkout", "/demo/audit-archive");
    Node checkout = node(g, AwsCloudwatchLogGroupKind.KIND, "/demo/checkout");
    assertThat(checkout.ctime()).isEqualTo(Instant.ofEpochMilli(1709300000000L));
    assertThat(checkout.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(checkout.properties()).containsEntry("arn", CHECKOUT_ARN)
        .containsEntry("group_retention_in_days", 90L)
        .containsEntry("group_metric_filter_count", 2L)
        .containsEntry("group_data_protection_status", "ACTIVATED")
        .containsEntry("group_class", "STANDARD");
    // the account policy for /demo/* covers both /demo groups; the resource policy only its group
    assertThat((Map<String, String>) checkout.properties().get("group_resource_policies"))
        .containsOnlyKeys("route53-query-logs");
    assertThat((Map<String, String>) node(g, AwsCloudwatchLogGroupKind.KIND, "/demo/audit-archive").properties()
        .get("group_resource_policies")).containsOnlyKeys("route53-query-logs");
    assertThat((Map<String, String>) node(g, AwsCloudwatchLogGroupKind.KIND, "/aws/lambda/orders-api")
        .properties().get("group_resource_policies")).containsOnlyKeys("orders-api-delivery");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCloudwatchLogGroupKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_cloudwatch_log_group:/demo/checkout -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_cloudwatch_log_group:/demo/checkout -> aws_cloudwatch_metric_filter:checkout-errors",
            "aws_cloudwatch_log_group:/demo/checkout -> aws_cloudwatch_metric_filter:checkout-latency");
    assertThat(edges(g, EdgeType.DELETE)).contains(
        "aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_cloudwatch_log_group:/demo/checkout");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> groups = new ArrayList<>();
    List<Map<String, Object>> policies = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> group = new HashMap<>();
      group.put("logGroupName", "g-" + i);
      group.put("logGroupArn", "arn:aws:logs:us-west-2:111111111111:log-group:g-" + i);
      group.put("creationTime", 1700000000000L + i);
      groups.add(group);
      policies.add(Map.of("policyName", "p-" + i, "policyDocument",
          "{\"Statement\":[{\"Resource\":\"arn:aws:logs:us-west-2:111111111111:log-group:g-" + i + ":*\"}]}"));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-groups", Map.of("111111111111",
        Map.of("us-west-2", Map.of("logs", Map.of("LogGroups", groups, "ResourcePolicies", policies))))))) {
      Graph g = collect(big, new AwsCloudwatchLogGroupKind(3));
      assertThat(nodes(g, AwsCloudwatchLogGroupKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudwatchLogGroupKind.KIND, "g-6").properties().get("group_resource_policies"))
          .isEqualTo(Map.of("p-6", "{\"Statement\":[{\"Resource\":\"arn:aws:logs:us-west-2:111111111111:log-group:g-6:*\"}]}"));
    }
  }

  @Test
  void aLogGroupIsTaggedAndUntaggedByItsArn() throws Exception {
    try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(TagChecks.demoCredentials()).build()) {
      TagChecks.tagAndUntag(sim, TagChecks.target(AwsCloudwatchLogGroupKind.KIND, "/demo/checkout", "/demo/checkout",
          CHECKOUT_ARN, "us-east-1", Map.of()), () -> logs.listTagsForResource(r -> r.resourceArn(CHECKOUT_ARN)).tags());
    }
  }
}
