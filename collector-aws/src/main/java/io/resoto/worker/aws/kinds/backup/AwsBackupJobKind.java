package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;

/**
 * {@code aws_backup_job}: the backup jobs of a region (ListBackupJobs, AWS's default window of
 * recent jobs). id is the job id, name the same (the listing carries no tags, so the original's
 * {@code Name} tag is never there), ctime its CreationDate; like the original, no ARN. A job points
 * to the protected resource it backs up and the recovery point it made; the plan that started it
 * (CreatedBy's plan id) and its vault point to it. The original finds the vault by name; here it
 * is found by the job's BackupVaultArn, the vault's id.
 */
public final class AwsBackupJobKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_job";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("job", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupProtectedResourceKind.KIND, AwsBackupRecoveryPointKind.KIND)
      .property("account_id", "string", "The account that owns the backup job.")
      .property("backup_job_id", "string", "The id of the backup job.")
      .property("backup_vault_name", "string", "The name of the vault the backup goes to.")
      .property("backup_vault_arn", "string", "The ARN of the vault the backup goes to.")
      .property("recovery_point_arn", "string", "The ARN of the recovery point the job creates.")
      .property("resource_arn", "string", "The ARN of the resource being backed up.")
      .property("creation_date", "datetime", "When the backup job was created.")
      .property("completion_date", "datetime", "When the backup job completed.")
      .property("state", "string", "The state: CREATED, PENDING, RUNNING, ABORTING, ABORTED, COMPLETED, FAILED, EXPIRED or PARTIAL.")
      .property("status_message", "string", "A message explaining the job's state.")
      .property("percent_done", "string", "The estimated percentage of the job done when it was listed.")
      .property("backup_size_in_bytes", "int64", "The size of the backup, in bytes.")
      .property("iam_role_arn", "string", "The IAM role the job runs as.")
      .property("job_created_by", "dictionary[string, any]",
          "The backup plan (id, ARN, version) and rule that started the job.")
      .property("expected_completion_date", "datetime", "When the job is expected to complete.")
      .property("start_by", "datetime", "When the job must have started, or it is cancelled.")
      .property("resource_type", "string", "The type of the resource being backed up, e.g. EBS, EC2 or RDS.")
      .property("bytes_transferred", "int64", "The bytes transferred to the vault when the job was listed.")
      .property("backup_options", "dictionary[string, string]", "The backup options of the job, e.g. WindowsVSS.")
      .property("backup_type", "string", "The type of backup the job makes.")
      .property("parent_job_id", "string", "The id of the composite (parent) job this job belongs to.")
      .property("is_parent", "boolean", "Whether this is a composite (parent) job.")
      .property("resource_name", "string", "The name of the resource being backed up (not unique).")
      .property("initiation_date", "datetime", "When the job was initiated.")
      .property("message_category", "string", "The category of the job's status message, e.g. SUCCESS or AccessDenied.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupJobKind() {
    this(1000);
  }

  /** The kind listing jobs in pages of this size (1..1000). */
  AwsBackupJobKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListBackupJobs");
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (BackupJob j : backup.listBackupJobsPaginator(r -> r.maxResults(pageSize)).backupJobs()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, j));
      ctx.edge(node, AwsBackupProtectedResourceKind.KIND, BackupValues.idFromArn(j.resourceArn()), EdgeType.DEFAULT);
      ctx.edge(node, AwsBackupRecoveryPointKind.KIND, j.recoveryPointArn(), EdgeType.DEFAULT);
      if (j.createdBy() != null) {
        ctx.edgeFrom(AwsBackupPlanKind.KIND, j.createdBy().backupPlanId(), node, EdgeType.DEFAULT);
      }
      ctx.edgeFrom(AwsBackupVaultKind.KIND, j.backupVaultArn(), node, EdgeType.DEFAULT);
    }
  }

  /** Maps a backup job: id and name = BackupJobId. */
  static Node node(KindContext ctx, BackupJob j) {
    return ctx.node(KIND, j.backupJobId()).name(j.backupJobId())
        .ctime(j.creationDate())
        .property("account_id", j.accountId())
        .property("backup_job_id", j.backupJobId())
        .property("backup_vault_name", j.backupVaultName())
        .property("backup_vault_arn", j.backupVaultArn())
        .property("recovery_point_arn", j.recoveryPointArn())
        .property("resource_arn", j.resourceArn())
        .property("creation_date", j.creationDate())
        .property("completion_date", j.completionDate())
        .property("state", j.stateAsString())
        .property("status_message", j.statusMessage())
        .property("percent_done", j.percentDone())
        .property("backup_size_in_bytes", j.backupSizeInBytes())
        .property("iam_role_arn", j.iamRoleArn())
        .property("job_created_by", BackupValues.plain(j.createdBy()))
        .property("expected_completion_date", j.expectedCompletionDate())
        .property("start_by", j.startBy())
        .property("resource_type", j.resourceType())
        .property("bytes_transferred", j.bytesTransferred())
        .property("backup_options", BackupValues.map(j.backupOptions()))
        .property("backup_type", j.backupType())
        .property("parent_job_id", j.parentJobId())
        .property("is_parent", j.isParent())
        .property("resource_name", j.resourceName())
        .property("initiation_date", j.initiationDate())
        .property("message_category", j.messageCategory())
        .build();
  }
}
