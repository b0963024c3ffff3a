package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupCopyJobKindTest extends BackupTestBase {

  static final String COPY_1 = "0a11c0e0-c100-4000-8000-000000000001";
  static final String COPY_2 = "0a11c0e0-c100-4000-8000-000000000002";

  @Test
  void copyJobsAreMappedAndLinked() throws Exception {
    AwsBackupCopyJobKind kind = new AwsBackupCopyJobKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupCopyJobKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(COPY_1, COPY_2);
    Node copy = node(g, AwsBackupCopyJobKind.KIND, COPY_1);
    assertThat(copy.name()).isEqualTo(COPY_1);
    assertThat(copy.ctime()).isEqualTo(Instant.parse("2024-06-01T06:00:00Z"));
    assertThat(copy.properties())
        .containsEntry("state", "COMPLETED")
        .containsEntry("source_backup_vault_arn", VAULTS + "prod-vault")
        .containsEntry("destination_backup_vault_arn", VAULTS + "dr-vault")
        .containsEntry("composite_member_identifier", "RootVolume");
    assertThat(node(g, AwsBackupCopyJobKind.KIND, COPY_2).properties())
        .containsEntry("number_of_child_jobs", 2L)
        .containsEntry("child_jobs_in_state", Map.of("COMPLETED", 1L, "RUNNING", 1L))
        .containsEntry("is_parent", true);

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_backup_copy_job:") && !e.startsWith("aws_region:"))
        .containsExactlyInAnyOrder(
            "aws_backup_plan:daily-ebs -> aws_backup_copy_job:" + COPY_1,
            "aws_backup_copy_job:" + COPY_1 + " -> aws_backup_vault:dr-vault",
            "aws_backup_copy_job:" + COPY_1 + " -> aws_backup_recovery_point:"
                + "arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000103",
            "aws_backup_copy_job:" + COPY_2 + " -> aws_backup_vault:dr-vault");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("CopyJobs", i -> Map.of("CopyJobId", "copy-" + i,
        "State", "COMPLETED", "CreationDate", "2024-01-0" + (i + 1) + "T00:00:00Z")))) {
      Graph g = collect(big, new AwsBackupCopyJobKind(3));
      assertThat(nodes(g, AwsBackupCopyJobKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupCopyJobKind.KIND, "copy-6").ctime()).isEqualTo(Instant.parse("2024-01-07T00:00:00Z"));
    }
  }
}
