package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsEc2HostKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2HostKind());
  }

  @Test
  void idNameArnAndItsInstancesOverBothEdgeTypes() {
    Node h = node(demo, AwsEc2HostKind.KIND, "h-0a11c0e0000000001");
    assertThat(h.name()).isEqualTo("gpu-host");
    assertThat(h.ctime()).isEqualTo(Instant.parse("2024-06-09T12:00:00Z"));
    assertArn(h, "arn:aws:ec2:us-east-1:111111111111:host/h-0a11c0e0000000001");
    assertThat(successors(demo, h, EdgeType.DEFAULT)).containsExactly("aws_ec2_instance:i-0a11c0e0000000003");
    assertThat(successors(demo, h, EdgeType.DELETE)).containsExactly("aws_ec2_instance:i-0a11c0e0000000003");
  }
}
