package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsEc2InstanceTypeKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2InstanceTypeKind(), "instance_type", "instance_cores", "instance_memory");
  }

  @Test
  void onlyTypesInUsePerRegionWithTheirInstancesAndReservations() {
    assertThat(nodes(demo, AwsEc2InstanceTypeKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId())
        .containsExactlyInAnyOrder("us-east-1/m5.large", "us-east-1/t3.micro", "us-east-1/g4dn.xlarge",
            "eu-central-1/t3.micro");
    Node m5 = node(demo, AwsEc2InstanceTypeKind.KIND, "m5.large");
    assertThat(m5.name()).isEqualTo("m5.large");
    assertArn(m5, "arn:aws:ec2:us-east-1:111111111111:instance/m5.large");
    assertThat(m5.properties()).containsEntry("instance_cores", 2.0).containsEntry("instance_memory", 8.0);
    assertThat(successors(demo, m5, EdgeType.DEFAULT)).containsExactlyInAnyOrder(
        "aws_ec2_instance:i-0a11c0e0000000001", "aws_ec2_reserved_instances:0a11c0e0-0000-4000-8000-00000000r001");
  }
}
