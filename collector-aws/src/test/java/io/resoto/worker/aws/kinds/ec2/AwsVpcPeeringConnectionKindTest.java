package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsVpcPeeringConnectionKindTest extends Ec2NetworkTestBase {

  @Test
  void peeringsHangUnderBothVpcs() {
    assertCleanRun();
    Node pcx = node("aws_vpc_peering_connection", "pcx-0a1b2c3d4e5f60001");
    assertThat(pcx.name()).isEqualTo("prod-to-shared");
    assertThat(pcx.tags()).isEqualTo(Map.of("Name", "prod-to-shared"));
    assertThat(pcx.properties().get("arn"))
        .isEqualTo(arn("us-east-1", "vpc-peering-connection", "pcx-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsVpcPeeringConnectionKind(), pcx);
    for (String vpc : new String[] {"vpc-0a1b2c3d4e5f60001", "vpc-0a1b2c3d4e5f60002"}) {
      assertThat(edge("aws_vpc", vpc, "aws_vpc_peering_connection", "pcx-0a1b2c3d4e5f60001", EdgeType.DEFAULT)).isTrue();
      assertThat(edge("aws_vpc", vpc, "aws_vpc_peering_connection", "pcx-0a1b2c3d4e5f60001", EdgeType.DELETE)).isTrue();
    }
  }
}
