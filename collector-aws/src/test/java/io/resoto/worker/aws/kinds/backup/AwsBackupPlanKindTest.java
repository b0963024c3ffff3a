package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupPlanKindTest extends BackupTestBase {

  static final String PLAN_ARN = "arn:aws:backup:us-east-1:111111111111:backup-plan:" + PLAN_1;

  @Test
  void plansAreMappedWithTheirTagsAndDeletedPlansAreLeftOut() throws Exception {
    AwsBackupPlanKind kind = new AwsBackupPlanKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupPlanKind.KIND)).extracting(Node::name).containsExactlyInAnyOrder("daily-ebs", "weekly-s3");
    Node daily = node(g, AwsBackupPlanKind.KIND, PLAN_1);
    assertThat(daily.ctime()).isEqualTo(Instant.parse("2023-04-01T10:10:00Z"));
    assertThat(daily.tags()).isEqualTo(Map.of("team", "platform", "schedule", "daily"));
    assertThat(daily.properties())
        .containsEntry("arn", PLAN_ARN)
        .containsEntry("backup_plan_arn", PLAN_ARN)
        .containsEntry("backup_plan_id", PLAN_1)
        .containsEntry("version_id", "NjQ5ZjE0ZGEtMGRmMy00YjQ0LWI3ZTMtOTkzNjQ3YjA0MTQx")
        .containsEntry("last_execution_date", Instant.parse("2024-06-01T05:00:00Z"))
        .containsEntry("advanced_backup_settings",
            List.of(Map.of("resource_type", "EC2", "backup_options", Map.of("WindowsVSS", "enabled"))));
    assertThat(node(g, AwsBackupPlanKind.KIND, "0a11c0e0-bb00-4000-8000-000000000002").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_backup_plan:daily-ebs"))
        .containsExactlyInAnyOrder(
            "aws_backup_plan:daily-ebs -> aws_backup_recovery_point:web-root-2024-06-01",
            "aws_backup_plan:daily-ebs -> aws_backup_recovery_point:" + RP_EC2,
            "aws_backup_plan:daily-ebs -> aws_backup_recovery_point:arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000103",
            "aws_backup_plan:daily-ebs -> aws_backup_job:0a11c0e0-b100-4000-8000-000000000001",
            "aws_backup_plan:daily-ebs -> aws_backup_job:0a11c0e0-b100-4000-8000-000000000002",
            "aws_backup_plan:daily-ebs -> aws_backup_copy_job:0a11c0e0-c100-4000-8000-000000000001");
  }

  @Test
  void tagsAreSetAndRemovedThroughThePlansArn() throws Exception {
    tagRoundTrip(new AwsBackupPlanKind(), PLAN_1, "daily-ebs", PLAN_ARN);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("BackupPlans", i -> Map.of("BackupPlanName", "p-" + i,
        "BackupPlanId", "id-" + i, "BackupPlanArn", "arn:aws:backup:us-west-2:111111111111:backup-plan:id-" + i)))) {
      Graph g = collect(big, new AwsBackupPlanKind(3));
      assertThat(nodes(g, AwsBackupPlanKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupPlanKind.KIND, "id-6").name()).isEqualTo("p-6");
    }
  }
}
