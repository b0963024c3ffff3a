package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2InternetGatewayKindTest extends Ec2NetworkTestBase {

  @Test
  void internetGatewaysHangUnderTheVpcTheyAreAttachedTo() {
    assertCleanRun();
    Node igw = node("aws_ec2_internet_gateway", "igw-0a1b2c3d4e5f60001");
    assertThat(igw.name()).isEqualTo("prod-igw");
    assertThat(igw.tags()).isEqualTo(Map.of("Name", "prod-igw"));
    assertThat(igw.properties().get("arn")).isEqualTo(arn("us-east-1", "internet-gateway", "igw-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2InternetGatewayKind(), igw);
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_internet_gateway", "igw-0a1b2c3d4e5f60001",
        EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_internet_gateway", "igw-0a1b2c3d4e5f60001",
        EdgeType.DELETE)).isTrue();
    assertThat(node("aws_ec2_internet_gateway", "igw-0b1c2d3e4f5a60001").name()).isEqualTo("igw-0b1c2d3e4f5a60001");
  }
}
