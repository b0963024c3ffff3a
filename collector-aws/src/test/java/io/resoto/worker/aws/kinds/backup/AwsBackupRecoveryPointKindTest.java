package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupRecoveryPointKindTest extends BackupTestBase {

  @Test
  void completedAndPartialRecoveryPointsOfEveryVaultAreMapped() throws Exception {
    AwsBackupRecoveryPointKind kind = new AwsBackupRecoveryPointKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    // the expired recovery point snap-...100 is left out, as the original does
    assertThat(nodes(g, AwsBackupRecoveryPointKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(
        RP_EBS, RP_EC2,
        "arn:aws:backup:us-east-1:111111111111:recovery-point:continuous:demo-mgmt-artifacts-0a11c0e0",
        "arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000102",
        "arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000103");
    Node ebs = node(g, AwsBackupRecoveryPointKind.KIND, RP_EBS);
    assertThat(ebs.name()).isEqualTo("web-root-2024-06-01");
    assertThat(ebs.tags()).isEqualTo(Map.of("Name", "web-root-2024-06-01", "team", "platform"));
    assertThat(ebs.ctime()).isEqualTo(Instant.parse("2024-06-01T05:00:00Z"));
    assertThat(ebs.properties())
        .containsEntry("arn", RP_EBS)
        .containsEntry("status", "COMPLETED")
        .containsEntry("resource_type", "EBS")
        .containsEntry("backup_size_in_bytes", 8589934592L)
        .containsEntry("is_encrypted", true)
        .containsEntry("vault_type", "BACKUP_VAULT")
        .containsEntry("lifecycle", Map.of("move_to_cold_storage_after_days", 30L, "delete_after_days", 365L,
            "opt_in_to_archive_for_supported_resources", false))
        .containsEntry("calculated_lifecycle", Map.of("move_to_cold_storage_at", Instant.parse("2024-07-01T05:00:00Z"),
            "delete_at", Instant.parse("2025-06-01T05:00:00Z")));
    assertThat(ebs.properties().get("recovery_point_created_by")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
        .containsEntry("backup_plan_id", PLAN_1).containsEntry("backup_rule_id", "0a11c0e0-bb0e-4000-8000-000000000001");
    Node ec2 = node(g, AwsBackupRecoveryPointKind.KIND, RP_EC2);
    assertThat(ec2.name()).isEqualTo(RP_EC2);
    assertThat(ec2.properties()).containsEntry("status", "PARTIAL").containsEntry("is_parent", true);

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains(" -> " + AwsBackupRecoveryPointKind.KIND + ":"))
        .contains(
            "aws_backup_vault:prod-vault -> aws_backup_recovery_point:web-root-2024-06-01",
            "aws_backup_plan:daily-ebs -> aws_backup_recovery_point:web-root-2024-06-01",
            "aws_backup_vault:Default -> aws_backup_recovery_point:arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000102",
            "aws_backup_plan:weekly-s3 -> aws_backup_recovery_point:"
                + "arn:aws:backup:us-east-1:111111111111:recovery-point:continuous:demo-mgmt-artifacts-0a11c0e0");
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupRecoveryPointKind.KIND + ":"))
        .containsExactlyInAnyOrder(
            "aws_backup_recovery_point:web-root-2024-06-01 -> aws_backup_protected_resource:web-root",
            "aws_backup_recovery_point:" + RP_EC2 + " -> aws_backup_protected_resource:web-1",
            "aws_backup_recovery_point:arn:aws:backup:us-east-1:111111111111:recovery-point:continuous:"
                + "demo-mgmt-artifacts-0a11c0e0 -> aws_backup_protected_resource:demo-mgmt-artifacts",
            "aws_backup_recovery_point:web-root-2024-06-01 -> aws_backup_restore_job:0a11c0e0-e100-4000-8000-000000000001",
            "aws_backup_recovery_point:" + RP_EC2 + " -> aws_backup_restore_job:0a11c0e0-e100-4000-8000-000000000002");
  }

  @Test
  void theRecoveryPointsOfTheDemoResourcesReachThemThroughTheProtectedResources() throws Exception {
    Graph g = collect(new AwsBackupRecoveryPointKind(), new AwsBackupProtectedResourceKind(), new AwsEc2VolumeKind(),
        new AwsEc2InstanceKind());
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_backup_recovery_point:web-root-2024-06-01 -> aws_backup_protected_resource:web-root",
        "aws_backup_protected_resource:web-root -> aws_ec2_volume:"
            + node(g, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000001").name());
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of(
        "BackupVaults", i -> Map.of("BackupVaultName", "v-" + i,
            "BackupVaultArn", "arn:aws:backup:us-west-2:111111111111:backup-vault:v-" + i),
        "RecoveryPoints", i -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("RecoveryPointArn", "arn:aws:ec2:us-west-2::snapshot/snap-" + i);
          p.put("BackupVaultName", i < 4 ? "v-0" : "v-6");
          p.put("Status", "COMPLETED");
          p.put("CreationDate", "2024-01-0" + (i + 1) + "T00:00:00Z");
          return p;
        }))) {
      Graph g = collect(big, new AwsBackupRecoveryPointKind(3));
      assertThat(nodes(g, AwsBackupRecoveryPointKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupRecoveryPointKind.KIND, "arn:aws:ec2:us-west-2::snapshot/snap-6").ctime())
          .isEqualTo(Instant.parse("2024-01-07T00:00:00Z"));
    }
  }
}
