package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.CopyJob;

/**
 * {@code aws_backup_copy_job}: the copy jobs of a region (ListCopyJobs). id and name are the job
 * id (the listing has no tags), ctime its CreationDate; like the original, no ARN. A copy job
 * points to its destination vault and destination recovery point; the plan that started it points
 * to it. The original looks that plan up by ARN with the plan's id, which matches no plan; here it
 * is found by the plan id, the plan's id.
 */
public final class AwsBackupCopyJobKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_copy_job";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("job", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupVaultKind.KIND, AwsBackupRecoveryPointKind.KIND)
      .property("account_id", "string", "The account that owns the copy job.")
      .property("copy_job_id", "string", "The id of the copy job.")
      .property("source_backup_vault_arn", "string", "The ARN of the vault the copy is made from.")
      .property("source_recovery_point_arn", "string", "The ARN of the recovery point being copied.")
      .property("destination_backup_vault_arn", "string", "The ARN of the vault the copy goes to.")
      .property("destination_recovery_point_arn", "string", "The ARN of the recovery point the copy creates.")
      .property("resource_arn", "string", "The ARN of the resource whose backup is copied.")
      .property("creation_date", "datetime", "When the copy job was created.")
      .property("completion_date", "datetime", "When the copy job completed.")
      .property("state", "string", "The state: CREATED, RUNNING, COMPLETED, FAILED or PARTIAL.")
      .property("status_message", "string", "A message explaining the job's state.")
      .property("backup_size_in_bytes", "int64", "The size of the copied backup, in bytes.")
      .property("iam_role_arn", "string", "The IAM role the job runs as.")
      .property("copy_job_created_by", "dictionary[string, any]",
          "The backup plan (id, ARN, version) and rule that started the copy.")
      .property("resource_type", "string", "The type of the resource whose backup is copied, e.g. EBS or RDS.")
      .property("parent_job_id", "string", "The id of the composite (parent) copy job this job belongs to.")
      .property("is_parent", "boolean", "Whether this is a composite (parent) copy job.")
      .property("composite_member_identifier", "string", "The member's logical id within its composite recovery point.")
      .property("number_of_child_jobs", "int64", "How many child copy jobs a composite job has.")
      .property("child_jobs_in_state", "dictionary[string, int64]", "How many child copy jobs are in each state.")
      .property("resource_name", "string", "The name of the resource whose backup is copied (not unique).")
      .property("message_category", "string", "The category of the job's status message, e.g. SUCCESS or AccessDenied.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupCopyJobKind() {
    this(1000);
  }

  /** The kind listing jobs in pages of this size (1..1000). */
  AwsBackupCopyJobKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListCopyJobs");
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (CopyJob j : backup.listCopyJobsPaginator(r -> r.maxResults(pageSize)).copyJobs()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, j));
      if (j.createdBy() != null) {
        ctx.edgeFrom(AwsBackupPlanKind.KIND, j.createdBy().backupPlanId(), node, EdgeType.DEFAULT);
      }
      ctx.edge(node, AwsBackupVaultKind.KIND, j.destinationBackupVaultArn(), EdgeType.DEFAULT);
      ctx.edge(node, AwsBackupRecoveryPointKind.KIND, j.destinationRecoveryPointArn(), EdgeType.DEFAULT);
    }
  }

  /** Maps a copy job: id and name = CopyJobId. */
  static Node node(KindContext ctx, CopyJob j) {
    Map<String, Long> children = j.hasChildJobsInState() && !j.childJobsInStateAsStrings().isEmpty()
        ? new TreeMap<>(j.childJobsInStateAsStrings()) : null;
    return ctx.node(KIND, j.copyJobId()).name(j.copyJobId())
        .ctime(j.creationDate())
        .property("account_id", j.accountId())
        .property("copy_job_id", j.copyJobId())
        .property("source_backup_vault_arn", j.sourceBackupVaultArn())
        .property("source_recovery_point_arn", j.sourceRecoveryPointArn())
        .property("destination_backup_vault_arn", j.destinationBackupVaultArn())
        .property("destination_recovery_point_arn", j.destinationRecoveryPointArn())
        .property("resource_arn", j.resourceArn())
        .property("creation_date", j.creationDate())
        .property("completion_date", j.completionDate())
        .property("state", j.stateAsString())
        .property("status_message", j.statusMessage())
        .property("backup_size_in_bytes", j.backupSizeInBytes())
        .property("iam_role_arn", j.iamRoleArn())
        .property("copy_job_created_by", BackupValues.plain(j.createdBy()))
        .property("resource_type", j.resourceType())
        .property("parent_job_id", j.parentJobId())
        .property("is_parent", j.isParent())
        .property("composite_member_identifier", j.compositeMemberIdentifier())
        .property("number_of_child_jobs", j.numberOfChildJobs())
        .property("child_jobs_in_state", children)
        .property("resource_name", j.resourceName())
        .property("message_category", j.messageCategory())
        .build();
  }
}
