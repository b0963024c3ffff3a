package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupRestoreTestingPlanKindTest extends BackupTestBase {

  static final String PLAN =
      "arn:aws:backup:us-east-1:111111111111:restore-testing-plan:weekly_ebs_restore_test-0a11c0e0";

  @Test
  void restoreTestingPlansAreMappedAndPointToTheirRestoreJobs() throws Exception {
    AwsBackupRestoreTestingPlanKind kind = new AwsBackupRestoreTestingPlanKind();
    Graph g = collect(kind, new AwsBackupRestoreJobKind());

    assertEveryPropertyFilled(g, kind);
    Node plan = node(g, AwsBackupRestoreTestingPlanKind.KIND, PLAN);
    assertThat(plan.name()).isEqualTo("weekly_ebs_restore_test");
    assertThat(plan.ctime()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    assertThat(plan.mtime()).isEqualTo(Instant.parse("2024-04-15T08:30:00Z"));
    assertThat(plan.tags()).isEqualTo(Map.of("team", "platform"));
    assertThat(plan.properties())
        .containsEntry("arn", PLAN)
        .containsEntry("schedule_expression", "cron(0 11 ? * MON *)")
        .containsEntry("schedule_expression_timezone", "Europe/Berlin")
        .containsEntry("start_window_hours", 8L)
        .containsEntry("last_execution_time", Instant.parse("2024-06-03T11:00:00Z"));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupRestoreTestingPlanKind.KIND))
        .containsExactly("aws_backup_restore_testing_plan:weekly_ebs_restore_test -> "
            + "aws_backup_restore_job:0a11c0e0-e100-4000-8000-000000000001");
  }

  @Test
  void tagsAreSetAndRemovedThroughThePlansArn() throws Exception {
    tagRoundTrip(new AwsBackupRestoreTestingPlanKind(), PLAN, "weekly_ebs_restore_test", PLAN);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("RestoreTestingPlans", i -> Map.of("RestoreTestingPlanName", "test_" + i,
        "RestoreTestingPlanArn", "arn:aws:backup:us-west-2:111111111111:restore-testing-plan:test_" + i)))) {
      Graph g = collect(big, new AwsBackupRestoreTestingPlanKind(3));
      assertThat(nodes(g, AwsBackupRestoreTestingPlanKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupRestoreTestingPlanKind.KIND,
          "arn:aws:backup:us-west-2:111111111111:restore-testing-plan:test_6").name()).isEqualTo("test_6");
    }
  }
}
