package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsEc2SnapshotKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2SnapshotKind());
  }

  @Test
  void ownSnapshotsOnlyWithNamesAndEdges() {
    assertThat(nodes(demo, AwsEc2SnapshotKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(
        "snap-0a11c0e0000000001", "snap-0a11c0e0000000002", "snap-0a11c0e0000000003", "snap-0a11c0e0000000e01");
    Node s = node(demo, AwsEc2SnapshotKind.KIND, "snap-0a11c0e0000000001");
    assertThat(s.name()).isEqualTo("web-1-root-nightly");
    assertThat(s.ctime()).isEqualTo(Instant.parse("2024-04-01T02:00:00Z"));
    assertThat(s.tags()).containsEntry("env", "prod");
    assertArn(s, "arn:aws:ec2:us-east-1:111111111111:snapshot/snap-0a11c0e0000000001");
    assertThat(predecessors(demo, s, EdgeType.DEFAULT)).contains("aws_ec2_volume:vol-0a11c0e0000000001",
        "aws_ec2_image:ami-0a11c0e0000000001");
    // untagged: the id is the name
    assertThat(node(demo, AwsEc2SnapshotKind.KIND, "snap-0a11c0e0000000002").name()).isEqualTo("snap-0a11c0e0000000002");
  }
}
