package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsEc2ReservedInstancesKindTest extends Ec2ComputeTestBase {

  private static final String ID = "0a11c0e0-0000-4000-8000-00000000r001";

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2ReservedInstancesKind());
  }

  @Test
  void idNameArnAndTheTypeItReserves() {
    Node r = node(demo, AwsEc2ReservedInstancesKind.KIND, ID);
    assertThat(r.name()).isEqualTo("web-1-reservation");
    assertThat(r.tags()).containsEntry("Name", "web-1-reservation");
    assertArn(r, "arn:aws:ec2:us-east-1:111111111111:reserved-instances/" + ID);
    assertThat(r.properties()).containsEntry("reservation_fixed_price", 500.0)
        .containsEntry("reservation_instance_count", 1L);
    assertThat(predecessors(demo, r, EdgeType.DEFAULT)).containsExactlyInAnyOrder("aws_ec2_instance_type:m5.large", "aws_region:us-east-1");
  }
}
