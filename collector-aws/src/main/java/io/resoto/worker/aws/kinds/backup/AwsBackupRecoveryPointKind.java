package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;

/**
 * {@code aws_backup_recovery_point}: the recovery points of each backup vault of a region
 * (ListBackupVaults, then ListRecoveryPointsByBackupVault per vault), each with its tags
 * (ListTags). As in the original, only COMPLETED and PARTIAL recovery points are kept (creating,
 * expired and deleting ones are not backups one can restore). id and ARN are the recovery point's
 * ARN, name its {@code Name} tag (else the id), ctime its CreationDate. The vault holding it and
 * the backup plan that created it point to it.
 *
 * <p>The original collects recovery points inside the vault kind; here they are a kind of their
 * own that lists the vaults again (one ListBackupVaults per region), so each kind can be collected
 * alone. Recovery points have no tag calls, as in the original.
 */
public final class AwsBackupRecoveryPointKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_recovery_point";

  private static final Set<RecoveryPointStatus> KEPT = Set.of(RecoveryPointStatus.COMPLETED, RecoveryPointStatus.PARTIAL);

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("backup", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupProtectedResourceKind.KIND, AwsBackupRestoreJobKind.KIND)
      .property("recovery_point_arn", "string", "The ARN of the recovery point.")
      .property("backup_vault_name", "string", "The name of the vault that holds the recovery point.")
      .property("backup_vault_arn", "string", "The ARN of the vault that holds the recovery point.")
      .property("source_backup_vault_arn", "string", "The vault the recovery point was copied from, if it is a copy.")
      .property("resource_arn", "string", "The ARN of the backed-up resource.")
      .property("resource_type", "string", "The type of the backed-up resource, e.g. EBS, EC2, RDS or S3.")
      .property("recovery_point_created_by", "dictionary[string, any]",
          "The backup plan (id, ARN, version) and rule that created the recovery point.")
      .property("iam_role_arn", "string", "The IAM role the recovery point was created with.")
      .property("status", "string", "The status: COMPLETED or PARTIAL (others are not collected).")
      .property("status_message", "string", "Why the recovery point is partial or could not be deleted.")
      .property("creation_date", "datetime", "When the recovery point was created.")
      .property("completion_date", "datetime", "When the backup job that created it completed.")
      .property("backup_size_in_bytes", "int64", "The size of the backup, in bytes.")
      .property("calculated_lifecycle", "dictionary[string, any]",
          "When the recovery point moves to cold storage and when it is deleted.")
      .property("lifecycle", "dictionary[string, any]",
          "The lifecycle rule: days to cold storage, days to deletion, archive opt-in.")
      .property("encryption_key_arn", "string", "The ARN of the KMS key that encrypts the recovery point.")
      .property("is_encrypted", "boolean", "Whether the recovery point is encrypted.")
      .property("last_restore_time", "datetime", "When the recovery point was last restored.")
      .property("parent_recovery_point_arn", "string", "The composite (parent) recovery point this one belongs to.")
      .property("composite_member_identifier", "string", "The member's logical id within its composite recovery point.")
      .property("is_parent", "boolean", "Whether this is a composite (parent) recovery point.")
      .property("resource_name", "string", "The name of the backed-up resource (not unique).")
      .property("vault_type", "string", "The type of the vault holding the recovery point.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupRecoveryPointKind() {
    this(1000);
  }

  /** The kind listing vaults and recovery points in pages of this size (1..1000). */
  AwsBackupRecoveryPointKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListBackupVaults", "backup:ListRecoveryPointsByBackupVault", BackupValues.LIST_TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (BackupVaultListMember v : backup.listBackupVaultsPaginator(r -> r.maxResults(pageSize)).backupVaultList()) {
      ctx.submit(() -> {
        for (RecoveryPointByBackupVault p : backup.listRecoveryPointsByBackupVaultPaginator(
            r -> r.backupVaultName(v.backupVaultName()).maxResults(pageSize)).recoveryPoints()) {
          if (ctx.isCancelled()) {
            return;
          }
          if (!KEPT.contains(p.status())) {
            continue;
          }
          ctx.submit(() -> {
            Node node = ctx.add(node(ctx, p, BackupValues.tags(backup, p.recoveryPointArn())));
            ctx.edgeFrom(AwsBackupVaultKind.KIND, p.backupVaultArn(), node, EdgeType.DEFAULT);
            if (p.createdBy() != null) {
              ctx.edgeFrom(AwsBackupPlanKind.KIND, p.createdBy().backupPlanId(), node, EdgeType.DEFAULT);
            }
          });
        }
      });
    }
  }

  /** Maps a recovery point: id = its ARN, name = its Name tag, else the id. */
  static Node node(KindContext ctx, RecoveryPointByBackupVault p, Map<String, String> tags) {
    String arn = p.recoveryPointArn();
    Node.Builder b = ctx.node(KIND, arn).name(BackupValues.nameTag(tags, arn)).tags(tags)
        .ctime(p.creationDate())
        .property("recovery_point_arn", arn)
        .property("backup_vault_name", p.backupVaultName())
        .property("backup_vault_arn", p.backupVaultArn())
        .property("source_backup_vault_arn", p.sourceBackupVaultArn())
        .property("resource_arn", p.resourceArn())
        .property("resource_type", p.resourceType())
        .property("recovery_point_created_by", BackupValues.plain(p.createdBy()))
        .property("iam_role_arn", p.iamRoleArn())
        .property("status", p.statusAsString())
        .property("status_message", p.statusMessage())
        .property("creation_date", p.creationDate())
        .property("completion_date", p.completionDate())
        .property("backup_size_in_bytes", p.backupSizeInBytes())
        .property("calculated_lifecycle", BackupValues.plain(p.calculatedLifecycle()))
        .property("lifecycle", BackupValues.plain(p.lifecycle()))
        .property("encryption_key_arn", p.encryptionKeyArn())
        .property("is_encrypted", p.isEncrypted())
        .property("last_restore_time", p.lastRestoreTime())
        .property("parent_recovery_point_arn", p.parentRecoveryPointArn())
        .property("composite_member_identifier", p.compositeMemberIdentifier())
        .property("is_parent", p.isParent())
        .property("resource_name", p.resourceName())
        .property("vault_type", p.vaultTypeAsString());
    return KindContext.arn(b, arn).build();
  }
}
