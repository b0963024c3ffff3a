package io.resoto.worker.awssim.resources.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.BackupJobState;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

/** AWS Backup over the wire (REST-JSON), from the demo estate's us-east-1 backups. */
class BackupApiTest {

  private static final String PROD = "arn:aws:backup:us-east-1:111111111111:backup-vault:prod-vault";
  private static final String RP = "arn:aws:ec2:us-east-1::snapshot/snap-0a11c0e0000000101";
  private static Simulation sim;
  private static BackupClient backup;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    backup = DemoClients.client(sim, BackupClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    backup.close();
    sim.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void vaultsArePagedAndForeignTokensAreRefused() {
    ListBackupVaultsResponse first = backup.listBackupVaults(r -> r.maxResults(2));
    assertThat(first.backupVaultList()).hasSize(2);
    ListBackupVaultsResponse second = backup.listBackupVaults(r -> r.maxResults(2).nextToken(first.nextToken()));
    assertThat(second.backupVaultList()).hasSize(1);
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(() -> backup.listBackupPlans(r -> r.nextToken(first.nextToken())))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValueException"));
    assertThatThrownBy(() -> backup.listBackupVaults(r -> r.maxResults(1001)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValueException"));
  }

  @Test
  void recoveryPointsAreListedPerVaultWithTheirFilters() {
    assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("prod-vault")).recoveryPoints())
        .hasSize(4).allMatch(p -> p.backupVaultArn().equals(PROD));
    assertThat(backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("prod-vault").byResourceType("S3"))
        .recoveryPoints()).extracting(RecoveryPointByBackupVault::resourceName).containsExactly("demo-mgmt-artifacts");
    assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(r -> r.backupVaultName("nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ResourceNotFoundException"));
  }

  @Test
  void aVaultWithoutAnAccessPolicyHasNone() {
    assertThat(backup.getBackupVaultAccessPolicy(r -> r.backupVaultName("prod-vault")).policy())
        .contains("backup:DeleteRecoveryPoint");
    assertThat(backup.getBackupVaultAccessPolicy(r -> r.backupVaultName("prod-vault")).backupVaultArn())
        .isEqualTo(PROD);
    assertThatThrownBy(() -> backup.getBackupVaultAccessPolicy(r -> r.backupVaultName("dr-vault")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ResourceNotFoundException"));
  }

  @Test
  void deletedPlansAreListedOnlyWhenAskedFor() {
    assertThat(backup.listBackupPlans(r -> {}).backupPlansList()).extracting(BackupPlansListMember::backupPlanName)
        .containsExactly("daily-ebs", "weekly-s3");
    assertThat(backup.listBackupPlans(r -> r.includeDeleted(true)).backupPlansList())
        .extracting(BackupPlansListMember::backupPlanName).containsExactly("daily-ebs", "weekly-s3", "legacy-nightly");
  }

  @Test
  void jobsAreFilteredByState() {
    assertThat(backup.listBackupJobs(r -> r.byState(BackupJobState.PARTIAL)).backupJobs())
        .extracting(BackupJob::resourceName).containsExactly("web-1");
  }

  @Test
  void tagsOfARecoveryPointAreReadAndWrittenByItsArn() {
    assertThat(backup.listTags(r -> r.resourceArn(RP)).tags())
        .isEqualTo(Map.of("Name", "web-root-2024-06-01", "team", "platform"));
    backup.tagResource(r -> r.resourceArn(RP).tags(Map.of("owner", "ops")));
    assertThat(backup.listTags(r -> r.resourceArn(RP)).tags()).containsEntry("owner", "ops").hasSize(3);
    backup.untagResource(r -> r.resourceArn(RP).tagKeyList("owner"));
    assertThat(backup.listTags(r -> r.resourceArn(RP)).tags()).doesNotContainKey("owner").hasSize(2);
    assertThatThrownBy(() -> backup.tagResource(r -> r.resourceArn(RP).tags(Map.of("aws:x", "y"))))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValueException"));
    assertThatThrownBy(() -> backup.listTags(r -> r.resourceArn(PROD + "-nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ResourceNotFoundException"));
  }
}
