package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsEc2KeypairKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2KeypairKind());
  }

  @Test
  void idIsTheKeyPairIdNameTheKeyNameAndItsInstancesAreLinked() {
    Node k = node(demo, AwsEc2KeypairKind.KIND, "key-0a11c0e0000000001");
    assertThat(k.name()).isEqualTo("demo-deploy");
    assertThat(k.ctime()).isEqualTo(Instant.parse("2023-09-01T10:00:00Z"));
    assertThat(k.tags()).containsEntry("owner", "ops");
    assertArn(k, "arn:aws:ec2:us-east-1:111111111111:keypair/demo-deploy");
    assertThat(successors(demo, k, EdgeType.DELETE)).containsExactlyInAnyOrder(
        "aws_ec2_instance:i-0a11c0e0000000001", "aws_ec2_instance:i-0a11c0e0000000002");
    assertThat(predecessors(demo, k, EdgeType.DEFAULT)).contains(
        "aws_ec2_instance:i-0a11c0e0000000001", "aws_ec2_instance:i-0a11c0e0000000002");
    Node unused = node(demo, AwsEc2KeypairKind.KIND, "key-0a11c0e0000000002");
    assertThat(successors(demo, unused, EdgeType.DELETE)).isEmpty();
    Node eu = node(demo, AwsEc2KeypairKind.KIND, "key-0a11c0e0000000e01");
    assertThat(successors(demo, eu, EdgeType.DELETE)).containsExactly("aws_ec2_instance:i-0a11c0e0000000e01");
  }
}
