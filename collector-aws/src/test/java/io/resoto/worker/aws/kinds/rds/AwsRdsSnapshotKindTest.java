package io.resoto.worker.aws.kinds.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

class AwsRdsSnapshotKindTest extends KindTestHarness {

  static final String SNAPSHOT_ARN = "arn:aws:rds:us-east-1:111111111111:snapshot:orders-db-before-upgrade";

  @Test
  void snapshotsAreMappedWithTheirRestoreAttribute() throws Exception {
    AwsRdsSnapshotKind kind = new AwsRdsSnapshotKind();
    Graph g = collect(kind, new AwsRdsInstanceKind(), new AwsVpcKind(), new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    Node upgrade = node(g, AwsRdsSnapshotKind.KIND, "orders-db-before-upgrade");
    assertThat(upgrade.name()).isEqualTo("orders before 16 upgrade");
    assertThat(upgrade.ctime()).isEqualTo(Instant.parse("2024-05-01T02:00:00Z"));
    assertThat(upgrade.properties()).containsEntry("arn", SNAPSHOT_ARN)
        .containsEntry("rds_attributes", Map.of("restore", List.of("222222222222")))
        .containsEntry("rds_snapshot_type", "manual").containsEntry("rds_encrypted", true);
    // no Name tag: the id; no attribute entry: restore by nobody
    Node copy = node(g, AwsRdsSnapshotKind.KIND, "ledger-oracle-copy");
    assertThat(copy.name()).isEqualTo("ledger-oracle-copy");
    assertThat(copy.properties()).containsEntry("rds_attributes", Map.of("restore", List.of()));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_rds_snapshot:orders before") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_rds_instance:orders -> aws_rds_snapshot:orders before 16 upgrade",
            "aws_vpc:prod -> aws_rds_snapshot:orders before 16 upgrade",
            "aws_rds_snapshot:orders before 16 upgrade -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
  }

  @Test
  void aSnapshotIsTaggedAndUntaggedByItsArn() throws Exception {
    try (RdsClient rds = RdsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsRdsSnapshotKind.KIND, "orders-db-before-upgrade", "orders before 16 upgrade",
          SNAPSHOT_ARN, "us-east-1", Map.of(), () -> RdsTags.map(rds.describeDBSnapshots(
              r -> r.dbSnapshotIdentifier("orders-db-before-upgrade")).dbSnapshots().get(0).tagList()));
    }
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(RdsTestSupport.many("DBSnapshots", 45, i -> Map.of(
        "DBSnapshotIdentifier", "snap-" + i, "AllocatedStorage", 20 + i)))) {
      Graph g = collect(big, new AwsRdsSnapshotKind(20));
      assertThat(nodes(g, AwsRdsSnapshotKind.KIND)).hasSize(45);
      assertThat(node(g, AwsRdsSnapshotKind.KIND, "snap-44").properties()).containsEntry("rds_allocated_storage", 64L);
    }
  }
}
