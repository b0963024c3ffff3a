package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupRestoreJobKindTest extends BackupTestBase {

  static final String RESTORE_1 = "0a11c0e0-e100-4000-8000-000000000001";
  static final String TESTING_PLAN =
      "arn:aws:backup:us-east-1:111111111111:restore-testing-plan:weekly_ebs_restore_test-0a11c0e0";

  @Test
  void restoreJobsAreMappedAndLinked() throws Exception {
    AwsBackupRestoreJobKind kind = new AwsBackupRestoreJobKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupRestoreJobKind.KIND)).hasSize(2);
    Node job = node(g, AwsBackupRestoreJobKind.KIND, RESTORE_1);
    assertThat(job.name()).isEqualTo(RESTORE_1);
    assertThat(job.ctime()).isEqualTo(Instant.parse("2024-06-03T11:00:00Z"));
    assertThat(job.properties())
        .containsEntry("status", "COMPLETED")
        .containsEntry("expected_completion_time_minutes", 6L)
        .containsEntry("restore_job_created_by", TESTING_PLAN)
        .containsEntry("validation_status", "SUCCESSFUL")
        .containsEntry("deletion_status", "SUCCESSFUL")
        .containsEntry("created_resource_arn", "arn:aws:ec2:us-east-1:111111111111:volume/vol-0a11c0e0000000901");
    assertThat(node(g, AwsBackupRestoreJobKind.KIND, "0a11c0e0-e100-4000-8000-000000000002").properties())
        .containsEntry("status", "FAILED");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith(" -> aws_backup_restore_job:" + RESTORE_1) && !e.startsWith("aws_region:"))
        .containsExactlyInAnyOrder(
            "aws_backup_restore_testing_plan:weekly_ebs_restore_test -> aws_backup_restore_job:" + RESTORE_1,
            "aws_backup_recovery_point:web-root-2024-06-01 -> aws_backup_restore_job:" + RESTORE_1);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("RestoreJobs", i -> Map.of("RestoreJobId", "restore-" + i,
        "Status", "COMPLETED", "CreationDate", "2024-01-0" + (i + 1) + "T00:00:00Z")))) {
      Graph g = collect(big, new AwsBackupRestoreJobKind(3));
      assertThat(nodes(g, AwsBackupRestoreJobKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupRestoreJobKind.KIND, "restore-6").ctime())
          .isEqualTo(Instant.parse("2024-01-07T00:00:00Z"));
    }
  }
}
