package io.resoto.worker.aws.kinds.efs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2NetworkInterfaceKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsEfsMountTargetKindTest extends KindTestHarness {

  @Test
  void mountTargetsOfEveryFileSystemAreMapped() throws Exception {
    AwsEfsMountTargetKind kind = new AwsEfsMountTargetKind();
    Graph g = collect(kind, new AwsEc2NetworkInterfaceKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEfsMountTargetKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("fsmt-0a11c0e000000001", "fsmt-0a11c0e000000002");
    Node mt = node(g, AwsEfsMountTargetKind.KIND, "fsmt-0a11c0e000000001");
    assertThat(mt.name()).isEqualTo("fsmt-0a11c0e000000001");
    assertThat(mt.tags()).isEmpty();
    assertThat(mt.properties())
        .containsEntry("arn", "arn:aws:efs:us-east-1:111111111111:mount-target/fsmt-0a11c0e000000001")
        .containsEntry("owner_id", "111111111111")
        .containsEntry("life_cycle_state", "available")
        .containsEntry("ip_address", "10.0.1.200")
        .containsEntry("availability_zone_name", "us-east-1a");
    // the network interface points to it
    String eni = node(g, AwsEfsMountTargetKind.NETWORK_INTERFACE, "eni-0a1b2c3d4e5f60001").name();
    assertThat(edges(g, EdgeType.DEFAULT))
        .contains("aws_ec2_network_interface:" + eni + " -> aws_efs_mount_target:fsmt-0a11c0e000000001");
  }
}
