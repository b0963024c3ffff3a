package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsEc2ImageKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2ImageKind());
  }

  @Test
  void ownImagesOnlyWithNameCtimeArnAndEdges() {
    assertThat(nodes(demo, AwsEc2ImageKind.KIND)).extracting(Node::resourceId)
        .containsExactly("ami-0a11c0e0000000001");
    Node i = node(demo, AwsEc2ImageKind.KIND, "ami-0a11c0e0000000001");
    assertThat(i.name()).isEqualTo("web-base-2024-03");
    assertThat(i.ctime()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
    assertThat(i.tags()).containsEntry("team", "platform");
    assertArn(i, "arn:aws:ec2:us-east-1:111111111111:image/ami-0a11c0e0000000001");
    assertThat(successors(demo, i, EdgeType.DEFAULT)).containsExactlyInAnyOrder(
        "aws_ec2_snapshot:snap-0a11c0e0000000001", "aws_ec2_instance:i-0a11c0e0000000001",
        "aws_ec2_instance:i-0a11c0e0000000002", "aws_ec2_instance:i-0a11c0e0000000003");
  }
}
