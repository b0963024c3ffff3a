package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsVpcKindTest extends Ec2NetworkTestBase {

  @Test
  void vpcsOfEveryRegionAreCollectedWithIdNameTagsAndArn() {
    assertCleanRun();
    Node prod = node("aws_vpc", "vpc-0a1b2c3d4e5f60001");
    assertThat(prod.name()).isEqualTo("prod");
    assertThat(prod.tags()).isEqualTo(Map.of("Name", "prod", "env", "production"));
    assertThat(prod.region()).isEqualTo("us-east-1");
    assertThat(prod.properties().get("arn")).isEqualTo(arn("us-east-1", "vpc", "vpc-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsVpcKind(), prod);
    assertThat(prod.properties()).containsEntry("vpc_cidr_block", "10.0.0.0/16").containsEntry("vpc_is_default", false)
        .containsEntry("cidr_blocks", java.util.List.of("10.0.0.0/16"));
    // no Name tag: the id is the name
    Node eu = node("aws_vpc", "vpc-0b1c2d3e4f5a60001");
    assertThat(eu.name()).isEqualTo("vpc-0b1c2d3e4f5a60001");
    assertThat(eu.region()).isEqualTo("eu-central-1");
    assertThat(nodes(g, "aws_vpc")).hasSize(3);
  }
}
