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
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForList;

/**
 * {@code aws_backup_restore_testing_plan}: the restore testing plans of a region
 * (ListRestoreTestingPlans), each with its tags (ListTags). id and ARN are the plan's ARN, name
 * its name, ctime its CreationTime, mtime its LastUpdateTime. It points to the restore jobs it
 * started (the restore job kind makes the edge); the original makes this edge without declaring
 * it, here it is declared.
 *
 * <p>The original's class lacks the attrs decorator, so its own eight fields never reach its
 * nodes (appendix A counts only the 7 base fields); they are reported here.
 */
public final class AwsBackupRestoreTestingPlanKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_restore_testing_plan";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("plan", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupRestoreJobKind.KIND)
      .property("creation_time", "datetime", "When the restore testing plan was created.")
      .property("last_execution_time", "datetime", "When a restore test of the plan last ran.")
      .property("last_update_time", "datetime", "When the restore testing plan was last updated.")
      .property("restore_testing_plan_arn", "string", "The ARN of the restore testing plan.")
      .property("restore_testing_plan_name", "string", "The name of the restore testing plan.")
      .property("schedule_expression", "string", "The cron expression of when restore tests run.")
      .property("schedule_expression_timezone", "string", "The timezone of the schedule expression (default UTC).")
      .property("start_window_hours", "int64", "How many hours after its scheduled time a restore test may still start.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupRestoreTestingPlanKind() {
    this(1000);
  }

  /** The kind listing restore testing plans in pages of this size (1..1000). */
  AwsBackupRestoreTestingPlanKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListRestoreTestingPlans", BackupValues.LIST_TAGS);
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(BackupValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (RestoreTestingPlanForList p : backup.listRestoreTestingPlansPaginator(r -> r.maxResults(pageSize))
        .restoreTestingPlans()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        ctx.add(node(ctx, p, BackupValues.tags(backup, p.restoreTestingPlanArn())));
      });
    }
  }

  /** Maps a restore testing plan: id = its ARN, name = RestoreTestingPlanName. */
  static Node node(KindContext ctx, RestoreTestingPlanForList p, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, p.restoreTestingPlanArn()).name(p.restoreTestingPlanName()).tags(tags)
        .ctime(p.creationTime())
        .mtime(p.lastUpdateTime())
        .property("creation_time", p.creationTime())
        .property("last_execution_time", p.lastExecutionTime())
        .property("last_update_time", p.lastUpdateTime())
        .property("restore_testing_plan_arn", p.restoreTestingPlanArn())
        .property("restore_testing_plan_name", p.restoreTestingPlanName())
        .property("schedule_expression", p.scheduleExpression())
        .property("schedule_expression_timezone", p.scheduleExpressionTimezone())
        .property("start_window_hours", p.startWindowHours() == null ? null : p.startWindowHours().longValue());
    return KindContext.arn(b, p.restoreTestingPlanArn()).build();
  }
}
