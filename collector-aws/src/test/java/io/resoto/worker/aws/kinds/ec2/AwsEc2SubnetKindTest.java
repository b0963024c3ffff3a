package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2SubnetKindTest extends Ec2NetworkTestBase {

  @Test
  void subnetsHangUnderTheirVpc() {
    assertCleanRun();
    Node s = node("aws_ec2_subnet", "subnet-0a1b2c3d4e5f60101");
    assertThat(s.name()).isEqualTo("prod-public-a");
    assertThat(s.tags()).containsEntry("tier", "public");
    assertThat(s.properties().get("arn")).isEqualTo(arn("us-east-1", "subnet", "subnet-0a1b2c3d4e5f60101"));
    assertThat(s.ctime()).isNull();
    assertAllPropertiesFilled(new AwsEc2SubnetKind(), s);
    assertThat(s.properties()).containsEntry("subnet_state", "available").containsEntry("available_ip_address_count", 248);
    for (EdgeType type : EdgeType.values()) {
      if (type != EdgeType.DEFAULT && type != EdgeType.DELETE) {
        continue;
      }
      assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_subnet", "subnet-0a1b2c3d4e5f60101", type)).isTrue();
      assertThat(edge("aws_vpc", "vpc-0b1c2d3e4f5a60001", "aws_ec2_subnet", "subnet-0b1c2d3e4f5a60101", type)).isTrue();
    }
    assertThat(nodes(g, "aws_ec2_subnet")).hasSize(4);
  }
}
