package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.RestoreJobsListMember;

/**
 * {@code aws_backup_restore_job}: the restore jobs of a region (ListRestoreJobs). id and name are
 * the job id (the listing has no tags), ctime its CreationDate; like the original, no ARN. The
 * recovery point it restores and the restore testing plan that started it point to it.
 *
 * <p>The original declares its predecessor as {@code aws_backup_testing_plan}, a kind that does
 * not exist; the edge it makes comes from {@code aws_backup_restore_testing_plan}, which is what
 * that kind declares here.
 */
public final class AwsBackupRestoreJobKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_restore_job";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("job", "storage")
      .property("account_id", "string", "The account that owns the restore job.")
      .property("restore_job_id", "string", "The id of the restore job.")
      .property("recovery_point_arn", "string", "The ARN of the recovery point being restored.")
      .property("creation_date", "datetime", "When the restore job was created.")
      .property("completion_date", "datetime", "When the restore job completed.")
      .property("status", "string", "The status: PENDING, RUNNING, COMPLETED, ABORTED or FAILED.")
      .property("status_message", "string", "A message explaining the job's status.")
      .property("percent_done", "string", "The estimated percentage of the job done when it was listed.")
      .property("backup_size_in_bytes", "int64", "The size of the restored resource, in bytes.")
      .property("iam_role_arn", "string", "The IAM role the job runs as.")
      .property("expected_completion_time_minutes", "int64", "How long the restore is expected to take, in minutes.")
      .property("created_resource_arn", "string", "The ARN of the resource the restore created.")
      .property("resource_type", "string", "The type of the restored resource, e.g. EBS, EC2 or RDS.")
      .property("recovery_point_creation_date", "datetime", "When the restored recovery point was created.")
      .property("restore_job_created_by", "string", "The ARN of the restore testing plan that started the job, if any.")
      .property("validation_status", "string", "The status of the validation run on the restored resource.")
      .property("validation_status_message", "string", "A message explaining the validation status.")
      .property("deletion_status", "string", "The status of deleting a restore test's data: DELETING, FAILED or SUCCESSFUL.")
      .property("deletion_status_message", "string", "A message explaining the deletion status.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupRestoreJobKind() {
    this(1000);
  }

  /** The kind listing jobs in pages of this size (1..1000). */
  AwsBackupRestoreJobKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListRestoreJobs");
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (RestoreJobsListMember j : backup.listRestoreJobsPaginator(r -> r.maxResults(pageSize)).restoreJobs()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, j));
      ctx.edgeFrom(AwsBackupRestoreTestingPlanKind.KIND, testingPlan(j), node, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsBackupRecoveryPointKind.KIND, j.recoveryPointArn(), node, EdgeType.DEFAULT);
    }
  }

  private static String testingPlan(RestoreJobsListMember j) {
    return j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn();
  }

  /** Maps a restore job: id and name = RestoreJobId. */
  static Node node(KindContext ctx, RestoreJobsListMember j) {
    return ctx.node(KIND, j.restoreJobId()).name(j.restoreJobId())
        .ctime(j.creationDate())
        .property("account_id", j.accountId())
        .property("restore_job_id", j.restoreJobId())
        .property("recovery_point_arn", j.recoveryPointArn())
        .property("creation_date", j.creationDate())
        .property("completion_date", j.completionDate())
        .property("status", j.statusAsString())
        .property("status_message", j.statusMessage())
        .property("percent_done", j.percentDone())
        .property("backup_size_in_bytes", j.backupSizeInBytes())
        .property("iam_role_arn", j.iamRoleArn())
        .property("expected_completion_time_minutes", j.expectedCompletionTimeMinutes())
        .property("created_resource_arn", j.createdResourceArn())
        .property("resource_type", j.resourceType())
        .property("recovery_point_creation_date", j.recoveryPointCreationDate())
        .property("restore_job_created_by", testingPlan(j))
        .property("validation_status", j.validationStatusAsString())
        .property("validation_status_message", j.validationStatusMessage())
        .property("deletion_status", j.deletionStatusAsString())
        .property("deletion_status_message", j.deletionStatusMessage())
        .build();
  }
}
