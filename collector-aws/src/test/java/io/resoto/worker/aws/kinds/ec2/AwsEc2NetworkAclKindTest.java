package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2NetworkAclKindTest extends Ec2NetworkTestBase {

  @Test
  void networkAclsHangUnderVpcAndSubnets() {
    assertCleanRun();
    Node acl = node("aws_ec2_network_acl", "acl-0a1b2c3d4e5f60001");
    assertThat(acl.name()).isEqualTo("prod-acl");
    assertThat(acl.tags()).isEqualTo(Map.of("Name", "prod-acl"));
    assertThat(acl.properties().get("arn")).isEqualTo(arn("us-east-1", "network-acl", "acl-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2NetworkAclKind(), acl);
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_network_acl", "acl-0a1b2c3d4e5f60001",
        EdgeType.DEFAULT)).isTrue();
    for (String subnet : new String[] {"subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102"}) {
      assertThat(edge("aws_ec2_subnet", subnet, "aws_ec2_network_acl", "acl-0a1b2c3d4e5f60001", EdgeType.DEFAULT))
          .isTrue();
      assertThat(edge("aws_ec2_network_acl", "acl-0a1b2c3d4e5f60001", "aws_ec2_subnet", subnet, EdgeType.DELETE))
          .isTrue();
    }
  }

  @Test
  void aListingLongerThanOnePageIsReadInFull() throws Exception {
    // 230 ACLs: DescribeNetworkAcls pages hold at most 100, so the paginator must follow NextToken twice
    StringBuilder acls = new StringBuilder();
    for (int i = 0; i < 230; i++) {
      acls.append(String.format("        - {NetworkAclId: acl-%017x, VpcId: vpc-0a1b2c3d4e5f60001, IsDefault: false}%n", i));
    }
    String demo = new String(Ec2NetworkTestBase.class.getClassLoader().getResourceAsStream("estates/demo.yaml")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    String yaml = demo.replace("resources: {}", "resources:\n  \"111111111111\":\n    us-west-2:\n      ec2:\n"
        + "        NetworkAcls:\n" + acls);
    try (io.resoto.worker.awssim.cli.Simulation own = io.resoto.worker.awssim.cli.Simulation.start(
        io.resoto.worker.awssim.estate.Estate.parse(yaml, "many-acls"))) {
      var r = collect(own, java.util.List.of(new AwsEc2NetworkAclKind()));
      assertThat(r.problems()).noneMatch(p -> p.kind() != null);
      var got = nodes(r.graph().graph(), "aws_ec2_network_acl");
      assertThat(got).hasSize(230);
      assertThat(got).extracting(Node::resourceId).doesNotHaveDuplicates();
      assertThat(got).allSatisfy(n -> assertThat(n.region()).isEqualTo("us-west-2"));
    }
  }
}
