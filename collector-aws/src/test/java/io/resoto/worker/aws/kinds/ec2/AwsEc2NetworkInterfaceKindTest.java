package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2NetworkInterfaceKindTest extends Ec2NetworkTestBase {

  @Test
  void interfacesHangUnderVpcSubnetAndSecurityGroup() {
    assertCleanRun();
    Node eni = node("aws_ec2_network_interface", "eni-0a1b2c3d4e5f60001");
    assertThat(eni.name()).isEqualTo("prod-web-eth0");
    assertThat(eni.tags()).isEqualTo(Map.of("Name", "prod-web-eth0"));
    assertThat(eni.properties().get("arn")).isEqualTo(arn("us-east-1", "network-interface", "eni-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2NetworkInterfaceKind(), eni);
    assertThat(eni.properties()).containsEntry("public_ips", java.util.List.of("203.0.113.10"))
        .containsEntry("private_ips", java.util.List.of("10.0.1.10")).containsEntry("mac", "0a:1b:2c:3d:4e:01");
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_network_interface", "eni-0a1b2c3d4e5f60001",
        EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_network_interface", "eni-0a1b2c3d4e5f60001",
        EdgeType.DELETE)).isTrue();
    assertThat(edge("aws_ec2_subnet", "subnet-0a1b2c3d4e5f60101", "aws_ec2_network_interface",
        "eni-0a1b2c3d4e5f60001", EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_ec2_security_group", "sg-0a1b2c3d4e5f60001", "aws_ec2_network_interface",
        "eni-0a1b2c3d4e5f60003", EdgeType.DEFAULT)).isTrue();
    assertThat(nodes(g, "aws_ec2_network_interface")).hasSize(3);
  }
}
