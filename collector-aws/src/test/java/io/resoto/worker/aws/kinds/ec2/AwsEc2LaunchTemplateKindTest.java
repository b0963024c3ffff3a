package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsEc2LaunchTemplateKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2LaunchTemplateKind());
  }

  @Test
  void idNameArnAndTheInstancesLaunchedFromIt() {
    Node t = node(demo, AwsEc2LaunchTemplateKind.KIND, "lt-0a11c0e0000000001");
    assertThat(t.name()).isEqualTo("batch-spot");
    assertThat(t.ctime()).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
    assertThat(t.tags()).containsEntry("team", "data");
    assertArn(t, "arn:aws:ec2:us-east-1:111111111111:launch-template/lt-0a11c0e0000000001");
    assertThat(successors(demo, t, EdgeType.DEFAULT)).containsExactly("aws_ec2_instance:i-0a11c0e0000000002");
  }
}
