package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsVpcEndpointKindTest extends Ec2NetworkTestBase {

  @Test
  void endpointsHangUnderVpcSubnetGroupAndRouteTableAndOwnTheirInterfaces() {
    assertCleanRun();
    Node ep = node("aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001");
    assertThat(ep.name()).isEqualTo("prod-ssm");
    assertThat(ep.tags()).isEqualTo(Map.of("Name", "prod-ssm"));
    assertThat(ep.ctime()).isNull();
    assertThat(ep.properties().get("arn")).isEqualTo(arn("us-east-1", "vpc-endpoint", "vpce-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsVpcEndpointKind(), ep);
    for (EdgeType type : new EdgeType[] {EdgeType.DEFAULT, EdgeType.DELETE}) {
      assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001", type)).isTrue();
      assertThat(edge("aws_ec2_subnet", "subnet-0a1b2c3d4e5f60102", "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001",
          type)).isTrue();
      assertThat(edge("aws_ec2_security_group", "sg-0a1b2c3d4e5f60001", "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001",
          type)).isTrue();
      assertThat(edge("aws_ec2_route_table", "rtb-0a1b2c3d4e5f60001", "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60002",
          type)).isTrue();
    }
    assertThat(edge("aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60001", "aws_ec2_network_interface",
        "eni-0a1b2c3d4e5f60003", EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_ec2_network_interface", "eni-0a1b2c3d4e5f60003", "aws_vpc_endpoint",
        "vpce-0a1b2c3d4e5f60001", EdgeType.DELETE)).isTrue();
  }
}
