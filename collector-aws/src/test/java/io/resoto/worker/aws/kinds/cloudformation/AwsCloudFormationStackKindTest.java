package io.resoto.worker.aws.kinds.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.aws.kinds.sqs.AwsSqsQueueKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

class AwsCloudFormationStackKindTest extends CloudFormationTestBase {

  static final String WEB = "arn:aws:cloudformation:us-east-1:111111111111:stack/demo-web/0a11c0e0-cf00-4000-8000-000000000001";
  static final String QUEUES =
      "arn:aws:cloudformation:us-east-1:111111111111:stack/demo-web-queues/0a11c0e0-cf00-4000-8000-000000000002";

  @Test
  @SuppressWarnings("unchecked")
  void stacksAreMappedWithTheirResourcesAsEdges() throws Exception {
    AwsCloudFormationStackKind kind = new AwsCloudFormationStackKind();
    Graph g = collect(kind, new AwsEc2InstanceKind(), new AwsS3BucketKind(), new AwsKmsKeyKind(),
        new AwsSqsQueueKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudFormationStackKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("demo-web", "demo-web-queues", "old-batch");
    Node web = node(g, AwsCloudFormationStackKind.KIND, WEB);
    assertThat(web.region()).isEqualTo("us-east-1");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2023-03-01T10:00:00Z"));
    assertThat(web.mtime()).isEqualTo(Instant.parse("2024-05-02T09:30:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(web.properties())
        .containsEntry("arn", WEB)
        .containsEntry("stack_status", "UPDATE_COMPLETE")
        .containsEntry("stack_parameters", Map.of("InstanceType", "t3.micro", "Environment", "prod"))
        .containsEntry("stack_timeout_in_minutes", 30L)
        .containsEntry("stack_capabilities", List.of("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"))
        .containsEntry("stack_enable_termination_protection", true)
        .containsEntry("stack_role_arn", "arn:aws:iam::111111111111:role/worker-node");
    assertThat((List<Map<String, Object>>) web.properties().get("stack_outputs")).singleElement()
        .isEqualTo(Map.of("output_key", "SiteBucket", "output_value", "demo-mgmt-artifacts",
            "description", "The site bucket", "export_name", "demo-web-SiteBucket"));
    assertThat((Map<String, Object>) web.properties().get("stack_rollback_configuration"))
        .containsEntry("monitoring_time_in_minutes", 10)
        .containsEntry("rollback_triggers", List.of(Map.of(
            "arn", "arn:aws:cloudwatch:us-east-1:111111111111:alarm:demo-web-5xx", "type", "AWS::CloudWatch::Alarm")));
    assertThat((Map<String, Object>) web.properties().get("stack_drift_information"))
        .containsEntry("stack_drift_status", "IN_SYNC")
        .containsEntry("last_check_timestamp", Instant.parse("2024-05-03T06:00:00Z"));
    Node queues = node(g, AwsCloudFormationStackKind.KIND, QUEUES);
    assertThat(queues.properties()).containsEntry("stack_parent_id", WEB).containsEntry("stack_root_id", WEB);

    // resources whose type spells a collected kind and whose physical id is its id; the queue's is a URL
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCloudFormationStackKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_cloudformation_stack:demo-web -> aws_ec2_instance:" + node(g, "aws_ec2_instance",
                "i-0a11c0e0000000001").name(),
            "aws_cloudformation_stack:demo-web -> aws_s3_bucket:demo-mgmt-artifacts",
            "aws_cloudformation_stack:demo-web -> aws_kms_key:" + node(g, "aws_kms_key",
                "0a11c0e0-0000-4000-8000-000000000001").name(),
            "aws_cloudformation_stack:demo-web -> aws_cloudformation_stack:demo-web-queues");
  }

  @Test
  void resourceTypesMapToKindNames() {
    assertThat(AwsCloudFormationStackKind.kindOf("AWS::EC2::Instance")).isEqualTo("aws_ec2_instance");
    assertThat(AwsCloudFormationStackKind.kindOf("AWS::S3::Bucket")).isEqualTo("aws_s3_bucket");
    assertThat(AwsCloudFormationStackKind.kindOf("Custom")).isNull();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> stacks = new ArrayList<>();
    for (int i = 0; i < 205; i++) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("StackId", "arn:aws:cloudformation:us-west-2:111111111111:stack/s-" + i + "/uuid-" + i);
      s.put("StackName", "s-" + i);
      s.put("CreationTime", "2024-01-01T00:00:00Z");
      s.put("StackStatus", "CREATE_COMPLETE");
      stacks.add(s);
    }
    try (Simulation big = withCollections(Map.of("Stacks", stacks))) {
      Graph g = collect(big, new AwsCloudFormationStackKind());
      assertThat(nodes(g, AwsCloudFormationStackKind.KIND)).hasSize(205);
      assertThat(node(g, AwsCloudFormationStackKind.KIND,
          "arn:aws:cloudformation:us-west-2:111111111111:stack/s-204/uuid-204").name()).isEqualTo("s-204");
    }
  }

  @Test
  void tagsChangeThroughUpdateStack() throws Exception {
    TagTarget stack = new TagTarget(AwsCloudFormationStackKind.KIND, WEB, "demo-web", WEB, TestSupport.MGMT,
        "us-east-1", null, Map.of(), Map.of());
    AwsCollectorPlugin plugin = plugin(sim);
    try (CloudFormationClient cfn = client(sim)) {
      Map<String, String> before = tags(cfn);
      plugin.updateTag(null, stack, "owner", "web-team");
      assertThat(tags(cfn)).containsEntry("owner", "web-team").containsAllEntriesOf(before);
      plugin.updateTag(null, stack, "owner", "web-team"); // no change: no update AWS would refuse
      plugin.deleteTag(null, stack, "owner");
      assertThat(tags(cfn)).isEqualTo(before);
      plugin.deleteTag(null, stack, "no-such-tag");
      // the last tag of a stack goes too (UpdateStack with an empty tag list, not without one)
      TagTarget queues = new TagTarget(AwsCloudFormationStackKind.KIND, QUEUES, "demo-web-queues", QUEUES,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, queues, "only", "one");
      plugin.deleteTag(null, queues, "only");
      assertThat(cfn.describeStacks(r -> r.stackName("demo-web-queues")).stacks().get(0).tags()).isEmpty();
      TagTarget unknown = new TagTarget(AwsCloudFormationStackKind.KIND, "x", "no-such-stack", null,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      assertThatThrownBy(() -> plugin.updateTag(null, unknown, "owner", "x"))
          .hasMessageStartingWith("cloudformation:DescribeStacks, cloudformation:UpdateStack in 111111111111/us-east-1: ")
          .hasMessageContaining("Stack with id no-such-stack does not exist");
    } finally {
      plugin.close();
    }
  }

  private static Map<String, String> tags(CloudFormationClient cfn) {
    return CloudFormationValues.tags(cfn.describeStacks(r -> r.stackName("demo-web")).stacks().get(0).tags());
  }
}
