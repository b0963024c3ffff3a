package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupJobKindTest extends BackupTestBase {

  static final String JOB_1 = "0a11c0e0-b100-4000-8000-000000000001";
  static final String JOB_2 = "0a11c0e0-b100-4000-8000-000000000002";

  @Test
  void backupJobsAreMappedAndLinked() throws Exception {
    AwsBackupJobKind kind = new AwsBackupJobKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupJobKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(JOB_1, JOB_2);
    Node job = node(g, AwsBackupJobKind.KIND, JOB_1);
    assertThat(job.name()).isEqualTo(JOB_1);
    assertThat(job.ctime()).isEqualTo(Instant.parse("2024-06-01T05:00:00Z"));
    assertThat(job.tags()).isEmpty();
    assertThat(job.properties())
        .containsEntry("account_id", "111111111111")
        .containsEntry("state", "COMPLETED")
        .containsEntry("percent_done", "100.0")
        .containsEntry("bytes_transferred", 8589934592L)
        .containsEntry("completion_date", Instant.parse("2024-06-01T05:12:30Z"))
        .containsEntry("parent_job_id", JOB_2)
        .doesNotContainKey("arn");
    assertThat(node(g, AwsBackupJobKind.KIND, JOB_2).properties())
        .containsEntry("backup_options", Map.of("WindowsVSS", "enabled"))
        .containsEntry("is_parent", true);

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupJobKind.KIND + ":" + JOB_1))
        .containsExactlyInAnyOrder(
            "aws_backup_job:" + JOB_1 + " -> aws_backup_protected_resource:web-root",
            "aws_backup_job:" + JOB_1 + " -> aws_backup_recovery_point:web-root-2024-06-01");
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_backup_plan:daily-ebs -> aws_backup_job:" + JOB_1,
        "aws_backup_vault:prod-vault -> aws_backup_job:" + JOB_1);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("BackupJobs", i -> Map.of("BackupJobId", "job-" + i,
        "State", "COMPLETED", "CreationDate", "2024-01-0" + (i + 1) + "T00:00:00Z")))) {
      Graph g = collect(big, new AwsBackupJobKind(3));
      assertThat(nodes(g, AwsBackupJobKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupJobKind.KIND, "job-6").ctime()).isEqualTo(Instant.parse("2024-01-07T00:00:00Z"));
    }
  }
}
