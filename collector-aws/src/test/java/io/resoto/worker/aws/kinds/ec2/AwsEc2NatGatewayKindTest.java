package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2NatGatewayKindTest extends Ec2NetworkTestBase {

  @Test
  void natGatewaysHangUnderVpcAndSubnetAndOwnTheirInterface() {
    assertCleanRun();
    Node nat = node("aws_ec2_nat_gateway", "nat-0a1b2c3d4e5f60001");
    assertThat(nat.name()).isEqualTo("prod-nat-a");
    assertThat(nat.tags()).containsEntry("Name", "prod-nat-a");
    assertThat(nat.ctime()).isEqualTo(java.time.Instant.parse("2024-02-01T09:30:00Z"));
    assertThat(nat.properties().get("arn")).isEqualTo(arn("us-east-1", "nat-gateway", "nat-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2NatGatewayKind(), nat);
    for (EdgeType type : new EdgeType[] {EdgeType.DEFAULT, EdgeType.DELETE}) {
      assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_nat_gateway", "nat-0a1b2c3d4e5f60001", type)).isTrue();
      assertThat(edge("aws_ec2_subnet", "subnet-0a1b2c3d4e5f60101", "aws_ec2_nat_gateway", "nat-0a1b2c3d4e5f60001",
          type)).isTrue();
    }
    assertThat(edge("aws_ec2_nat_gateway", "nat-0a1b2c3d4e5f60001", "aws_ec2_network_interface",
        "eni-0a1b2c3d4e5f60002", EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_ec2_network_interface", "eni-0a1b2c3d4e5f60002", "aws_ec2_nat_gateway",
        "nat-0a1b2c3d4e5f60001", EdgeType.DELETE)).isTrue();
  }
}
