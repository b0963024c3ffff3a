package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupVaultKindTest extends BackupTestBase {

  @Test
  void vaultsAreMappedWithTheirTagsAndPolicy() throws Exception {
    AwsBackupVaultKind kind = new AwsBackupVaultKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupVaultKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("Default", "prod-vault", "dr-vault");
    Node prod = node(g, AwsBackupVaultKind.KIND, VAULTS + "prod-vault");
    assertThat(prod.region()).isEqualTo("us-east-1");
    assertThat(prod.ctime()).isEqualTo(Instant.parse("2023-04-01T10:00:00Z"));
    assertThat(prod.tags()).isEqualTo(Map.of("team", "platform", "env", "prod"));
    assertThat(prod.properties())
        .containsEntry("arn", VAULTS + "prod-vault")
        .containsEntry("backup_vault_name", "prod-vault")
        .containsEntry("locked", true)
        .containsEntry("min_retention_days", 7L)
        .containsEntry("max_retention_days", 365L)
        .containsEntry("number_of_recovery_points", 4L)
        .containsEntry("lock_date", Instant.parse("2023-04-04T10:00:00Z"))
        .containsEntry("encryption_key_arn",
            "arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001");
    assertThat((String) prod.properties().get("vault_policy")).contains("backup:DeleteRecoveryPoint");
    // a vault without a policy (AWS: ResourceNotFoundException) and without tags
    Node dr = node(g, AwsBackupVaultKind.KIND, VAULTS + "dr-vault");
    assertThat(dr.tags()).isEmpty();
    assertThat(dr.properties()).containsEntry("locked", false);
    assertThat(dr.properties().get("vault_policy")).isNull();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupVaultKind.KIND + ":prod-vault"))
        .containsExactlyInAnyOrder(
            "aws_backup_vault:prod-vault -> aws_backup_recovery_point:web-root-2024-06-01",
            "aws_backup_vault:prod-vault -> aws_backup_recovery_point:" + RP_EC2,
            "aws_backup_vault:prod-vault -> aws_backup_recovery_point:"
                + "arn:aws:backup:us-east-1:111111111111:recovery-point:continuous:demo-mgmt-artifacts-0a11c0e0",
            "aws_backup_vault:prod-vault -> aws_backup_job:0a11c0e0-b100-4000-8000-000000000001",
            "aws_backup_vault:prod-vault -> aws_backup_job:0a11c0e0-b100-4000-8000-000000000002",
            "aws_backup_vault:prod-vault -> aws_backup_protected_resource:web-root",
            "aws_backup_vault:prod-vault -> aws_backup_protected_resource:web-1",
            "aws_backup_vault:prod-vault -> aws_backup_protected_resource:demo-mgmt-artifacts");
  }

  @Test
  void tagsAreSetAndRemovedThroughTheVaultsArn() throws Exception {
    tagRoundTrip(new AwsBackupVaultKind(), VAULTS + "dr-vault", "dr-vault", VAULTS + "dr-vault");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("BackupVaults", i -> Map.of("BackupVaultName", "v-" + i,
        "BackupVaultArn", "arn:aws:backup:us-west-2:111111111111:backup-vault:v-" + i,
        "CreationDate", "2024-01-0" + (i + 1) + "T00:00:00Z")))) {
      Graph g = collect(big, new AwsBackupVaultKind(3));
      assertThat(nodes(g, AwsBackupVaultKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupVaultKind.KIND, "arn:aws:backup:us-west-2:111111111111:backup-vault:v-6").ctime())
          .isEqualTo(Instant.parse("2024-01-07T00:00:00Z"));
    }
  }
}
