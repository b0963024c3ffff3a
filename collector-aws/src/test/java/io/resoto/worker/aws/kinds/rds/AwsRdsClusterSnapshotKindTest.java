package io.resoto.worker.aws.kinds.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
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

class AwsRdsClusterSnapshotKindTest extends KindTestHarness {

  @Test
  void clusterSnapshotsAreMappedWithTheirRestoreAttribute() throws Exception {
    AwsRdsClusterSnapshotKind kind = new AwsRdsClusterSnapshotKind();
    Graph g = collect(kind, new AwsRdsClusterKind(), new AwsVpcKind(), new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(kind.tagSupport()).isEmpty();
    Node monthly = node(g, AwsRdsClusterSnapshotKind.KIND, "orders-analytics-monthly");
    assertThat(monthly.name()).isEqualTo("analytics June");
    assertThat(monthly.ctime()).isEqualTo(Instant.parse("2024-06-01T04:00:00Z"));
    assertThat(monthly.properties())
        .containsEntry("arn", "arn:aws:rds:us-east-1:111111111111:cluster-snapshot:orders-analytics-monthly")
        .containsEntry("rds_attributes", Map.of("restore", List.of("all")))
        .containsEntry("rds_db_cluster_identifier", "orders-analytics");
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_rds_cluster_snapshot:") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_rds_cluster:orders-analytics -> aws_rds_cluster_snapshot:analytics June",
            "aws_vpc:prod -> aws_rds_cluster_snapshot:analytics June",
            "aws_rds_cluster_snapshot:analytics June -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(RdsTestSupport.many("DBClusterSnapshots", 45, i -> Map.of(
        "DBClusterSnapshotIdentifier", "csnap-" + i, "Port", 3000 + i)))) {
      Graph g = collect(big, new AwsRdsClusterSnapshotKind(20));
      assertThat(nodes(g, AwsRdsClusterSnapshotKind.KIND)).hasSize(45);
      assertThat(node(g, AwsRdsClusterSnapshotKind.KIND, "csnap-44").properties()).containsEntry("rds_port", 3044L);
    }
  }
}
