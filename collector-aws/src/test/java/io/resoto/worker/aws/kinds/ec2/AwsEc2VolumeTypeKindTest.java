package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsEc2VolumeTypeKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2VolumeTypeKind(), "volume_type");
  }

  @Test
  void oneNodePerTypeInUsePerRegionPointingAtItsVolumes() {
    assertThat(nodes(demo, AwsEc2VolumeTypeKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId())
        .containsExactlyInAnyOrder("us-east-1/gp3", "us-east-1/io2", "us-east-1/gp2", "us-east-1/st1",
            "eu-central-1/gp3");
    Node io2 = node(demo, AwsEc2VolumeTypeKind.KIND, "io2");
    assertThat(io2.name()).isEqualTo("io2");
    assertArn(io2, "arn:aws:ec2:us-east-1:111111111111:volume/io2");
    assertThat(successors(demo, io2, EdgeType.DEFAULT)).containsExactly("aws_ec2_volume:vol-0a11c0e0000000002");
  }
}
