package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2InstanceKindTest extends Ec2ComputeTestBase {

  private static final String I1 = "i-0a11c0e0000000001";

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2InstanceKind(),
        "instance_type", "instance_status", "instance_cores", "instance_memory");
  }

  @Test
  @SuppressWarnings("unchecked")
  void idNameCtimeTagsArnAndTypeData() {
    Node n = node(demo, AwsEc2InstanceKind.KIND, I1);
    assertThat(n.name()).isEqualTo("web-1");
    assertThat(n.ctime()).isEqualTo(Instant.parse("2024-03-04T09:15:00Z"));
    assertThat(n.tags()).containsEntry("env", "prod").containsEntry("Name", "web-1");
    assertThat(n.region()).isEqualTo("us-east-1");
    assertArn(n, "arn:aws:ec2:us-east-1:111111111111:instance/" + I1);
    Map<String, Object> p = n.properties();
    assertThat(p).containsEntry("instance_type", "m5.large").containsEntry("instance_status", "running")
        .containsEntry("instance_cores", 2.0).containsEntry("instance_memory", 8.0)
        .containsEntry("instance_user_data", "#!/bin/bash\necho hello > /tmp/hello\n")
        .containsEntry("instance_licenses", java.util.List.of(
            "arn:aws:license-manager:us-east-1:111111111111:license-configuration:lic-0a11c0e00000000000000000000001"));
    assertThat((Map<String, Object>) p.get("instance_placement")).containsEntry("availability_zone", "us-east-1a")
        .containsEntry("partition_number", 1);
    Node stopped = node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000002");
    assertThat(stopped.properties()).containsEntry("instance_status", "stopped");
    // not UTF-8 text: ignored, as the original does
    assertThat(stopped.properties().get("instance_user_data")).isNull();
    assertThat(node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000e01").region()).isEqualTo("eu-central-1");
  }

  @Test
  void edgesToVolumesKeyPairAndFromTypeImageTemplateHost() {
    Node n = node(demo, AwsEc2InstanceKind.KIND, I1);
    assertThat(successors(demo, n, EdgeType.DEFAULT)).containsExactlyInAnyOrder(
        "aws_ec2_volume:vol-0a11c0e0000000001", "aws_ec2_volume:vol-0a11c0e0000000002",
        "aws_ec2_keypair:key-0a11c0e0000000001");
    assertThat(predecessors(demo, n, EdgeType.DEFAULT)).contains(
        "aws_ec2_instance_type:m5.large", "aws_ec2_image:ami-0a11c0e0000000001");
    Node spot = node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000002");
    assertThat(predecessors(demo, spot, EdgeType.DEFAULT)).contains("aws_ec2_launch_template:lt-0a11c0e0000000001");
    Node onHost = node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000003");
    assertThat(predecessors(demo, onHost, EdgeType.DEFAULT)).contains("aws_ec2_host:h-0a11c0e0000000001");
    assertThat(demo.validate()).isEmpty();
  }

  @Test
  void statusIsNormalisedAsTheOriginal() {
    assertThat(AwsEc2InstanceKind.status("pending")).isEqualTo("busy");
    assertThat(AwsEc2InstanceKind.status("shutting-down")).isEqualTo("stopped");
    assertThat(AwsEc2InstanceKind.status("terminated")).isEqualTo("terminated");
    assertThat(AwsEc2InstanceKind.status("weird")).isEqualTo("unknown");
  }
}
