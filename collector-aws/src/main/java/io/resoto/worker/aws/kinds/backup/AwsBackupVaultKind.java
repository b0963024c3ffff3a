package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * {@code aws_backup_vault}: the backup vaults of a region (ListBackupVaults), each with its tags
 * (ListTags) and its access policy (GetBackupVaultAccessPolicy; a vault without one answers
 * ResourceNotFoundException and has none). id is the vault's ARN, name its name, ctime its
 * CreationDate. A vault holds its recovery points and the backup jobs and protected resources
 * whose last backup went into it: those kinds make the edges from the vault.
 *
 * <p>The original also lists each vault's recovery points here; they are the kind
 * {@code aws_backup_recovery_point} of their own ({@link AwsBackupRecoveryPointKind}), so that
 * each kind name is one class and can be collected alone.
 */
public final class AwsBackupVaultKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_vault";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("bucket", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupJobKind.KIND, AwsBackupProtectedResourceKind.KIND,
          AwsBackupRecoveryPointKind.KIND)
      .property("backup_vault_name", "string", "The name of the vault, unique in its account and region.")
      .property("backup_vault_arn", "string", "The ARN of the vault.")
      .property("creation_date", "datetime", "When the vault was created.")
      .property("encryption_key_arn", "string", "The ARN of the KMS key that encrypts the backups in the vault.")
      .property("creator_request_id", "string", "The idempotency token the vault was created with, if any.")
      .property("number_of_recovery_points", "int64", "How many recovery points the vault holds.")
      .property("locked", "boolean", "Whether Backup Vault Lock protects the vault's recovery points from deletion and change.")
      .property("min_retention_days", "int64", "The shortest retention, in days, that Vault Lock allows for recovery points.")
      .property("max_retention_days", "int64", "The longest retention, in days, that Vault Lock allows for recovery points.")
      .property("lock_date", "datetime", "When the Vault Lock configuration becomes immutable.")
      .property("vault_policy", "string", "The vault's access policy (JSON), if it has one.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupVaultKind() {
    this(1000);
  }

  /** The kind listing vaults in pages of this size (1..1000; tests page small estates with it). */
  AwsBackupVaultKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListBackupVaults", BackupValues.LIST_TAGS, "backup:GetBackupVaultAccessPolicy");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(BackupValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (BackupVaultListMember v : backup.listBackupVaultsPaginator(r -> r.maxResults(pageSize)).backupVaultList()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Map<String, String> tags = BackupValues.tags(backup, v.backupVaultArn());
        ctx.add(node(ctx, v, tags, policy(backup, v.backupVaultName())));
      });
    }
  }

  /** The vault's access policy (a JSON document), or null when it has none. */
  private static String policy(BackupClient backup, String vaultName) {
    try {
      String text = backup.getBackupVaultAccessPolicy(r -> r.backupVaultName(vaultName)).policy();
      return text == null || text.isEmpty() ? null : text;
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  /** Maps a vault: id = its ARN, name = its name. */
  static Node node(KindContext ctx, BackupVaultListMember v, Map<String, String> tags, String policy) {
    Node.Builder b = ctx.node(KIND, v.backupVaultArn()).name(v.backupVaultName()).tags(tags)
        .ctime(v.creationDate())
        .property("backup_vault_name", v.backupVaultName())
        .property("backup_vault_arn", v.backupVaultArn())
        .property("creation_date", v.creationDate())
        .property("encryption_key_arn", v.encryptionKeyArn())
        .property("creator_request_id", v.creatorRequestId())
        .property("number_of_recovery_points", v.numberOfRecoveryPoints())
        .property("locked", v.locked())
        .property("min_retention_days", v.minRetentionDays())
        .property("max_retention_days", v.maxRetentionDays())
        .property("lock_date", v.lockDate())
        .property("vault_policy", policy);
    return KindContext.arn(b, v.backupVaultArn()).build();
  }
}
