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
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;

/**
 * {@code aws_backup_plan}: the backup plans of a region (ListBackupPlans), each with its tags
 * (ListTags). id is the plan id, name the plan name, ctime its CreationDate, ARN its BackupPlanArn.
 * A plan points to the backup jobs, recovery points and copy jobs it created (those kinds make the
 * edges, by the plan id in their CreatedBy).
 *
 * <p>Like the original, the listing leaves deleted plans out (no IncludeDeleted), so the
 * original's {@code deletion_date} could never be set; it is not declared here.
 */
public final class AwsBackupPlanKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_plan";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("plan", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupJobKind.KIND, AwsBackupRecoveryPointKind.KIND, AwsBackupCopyJobKind.KIND)
      .property("backup_plan_arn", "string", "The ARN of the backup plan.")
      .property("backup_plan_id", "string", "The id of the backup plan.")
      .property("creation_date", "datetime", "When the backup plan was created.")
      .property("version_id", "string", "The id of the plan's current version.")
      .property("backup_plan_name", "string", "The display name of the backup plan.")
      .property("creator_request_id", "string", "The idempotency token the plan was created with, if any.")
      .property("last_execution_date", "datetime", "When a backup job last ran with one of the plan's rules.")
      .property("advanced_backup_settings", "dictionary[string, any][]",
          "Backup options per resource type, e.g. Windows VSS for EC2.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupPlanKind() {
    this(1000);
  }

  /** The kind listing plans in pages of this size (1..1000). */
  AwsBackupPlanKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListBackupPlans", BackupValues.LIST_TAGS);
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(BackupValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (BackupPlansListMember p : backup.listBackupPlansPaginator(r -> r.maxResults(pageSize)).backupPlansList()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        ctx.add(node(ctx, p, BackupValues.tags(backup, p.backupPlanArn())));
      });
    }
  }

  /** Maps a plan: id = BackupPlanId, name = BackupPlanName. */
  static Node node(KindContext ctx, BackupPlansListMember p, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, p.backupPlanId()).name(p.backupPlanName()).tags(tags)
        .ctime(p.creationDate())
        .property("backup_plan_arn", p.backupPlanArn())
        .property("backup_plan_id", p.backupPlanId())
        .property("creation_date", p.creationDate())
        .property("version_id", p.versionId())
        .property("backup_plan_name", p.backupPlanName())
        .property("creator_request_id", p.creatorRequestId())
        .property("last_execution_date", p.lastExecutionDate())
        .property("advanced_backup_settings", BackupValues.plain(p.advancedBackupSettings()));
    return KindContext.arn(b, p.backupPlanArn()).build();
  }
}
