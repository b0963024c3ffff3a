package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2SecurityGroupKindTest extends Ec2NetworkTestBase {

  @Test
  void securityGroupsAreNamedByGroupNameUnderTheirVpc() {
    assertCleanRun();
    Node sg = node("aws_ec2_security_group", "sg-0a1b2c3d4e5f60001");
    assertThat(sg.name()).isEqualTo("prod-web");
    assertThat(sg.tags()).containsEntry("env", "production");
    assertThat(sg.properties().get("arn")).isEqualTo(arn("us-east-1", "security-group", "sg-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2SecurityGroupKind(), sg);
    assertThat(sg.properties().get("group_ip_permissions").toString()).contains("from_port=443", "cidr_ip=0.0.0.0/0");
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_security_group", "sg-0a1b2c3d4e5f60001",
        EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_security_group", "sg-0a1b2c3d4e5f60001",
        EdgeType.DELETE)).isTrue();
    // the group protects the interfaces and the endpoint it is attached to
    assertThat(edge("aws_ec2_security_group", "sg-0a1b2c3d4e5f60001", "aws_ec2_network_interface",
        "eni-0a1b2c3d4e5f60001", EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_ec2_security_group", "sg-0a1b2c3d4e5f60001", "aws_vpc_endpoint",
        "vpce-0a1b2c3d4e5f60001", EdgeType.DELETE)).isTrue();
  }
}
