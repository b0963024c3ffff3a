package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2ElasticIpKindTest extends Ec2NetworkTestBase {

  @Test
  void addressesHangUnderTheirInterface() {
    assertCleanRun();
    Node ip = node("aws_ec2_elastic_ip", "203.0.113.10");
    // named after the instance it is associated with, as the original does
    assertThat(ip.name()).isEqualTo("i-0a1b2c3d4e5f60001");
    assertThat(ip.tags()).isEqualTo(Map.of("Name", "prod-web-ip"));
    assertThat(ip.properties().get("arn")).isEqualTo(arn("us-east-1", "elastic-ip", "i-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2ElasticIpKind(), ip);
    assertThat(edge("aws_ec2_network_interface", "eni-0a1b2c3d4e5f60001", "aws_ec2_elastic_ip", "203.0.113.10",
        EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_ec2_elastic_ip", "203.0.113.10", "aws_ec2_network_interface", "eni-0a1b2c3d4e5f60001",
        EdgeType.DELETE)).isTrue();
    // no instance: the Name tag names it
    assertThat(node("aws_ec2_elastic_ip", "203.0.113.20").name()).isEqualTo("prod-nat-ip");
  }
}
