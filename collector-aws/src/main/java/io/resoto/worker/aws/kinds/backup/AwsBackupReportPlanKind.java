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
import software.amazon.awssdk.services.backup.model.ListReportPlansResponse;
import software.amazon.awssdk.services.backup.model.ReportPlan;

/**
 * {@code aws_backup_report_plan}: the Backup Audit Manager report plans of a region
 * (ListReportPlans), each with its tags (ListTags). id and ARN are the plan's ARN, name its name,
 * ctime its CreationTime. Each framework the report covers points to it.
 */
public final class AwsBackupReportPlanKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_report_plan";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("plan", "storage")
      .property("report_plan_arn", "string", "The ARN of the report plan.")
      .property("report_plan_name", "string", "The unique name of the report plan.")
      .property("report_plan_description", "string", "The description of the report plan.")
      .property("report_setting", "dictionary[string, any]",
          "The report template and what the report covers: frameworks, accounts, organizational units, regions.")
      .property("report_delivery_channel", "dictionary[string, any]",
          "Where reports are delivered: S3 bucket, key prefix and formats.")
      .property("plan_deployment_status", "string",
          "The deployment status: CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS or COMPLETED.")
      .property("creation_time", "datetime", "When the report plan was created.")
      .property("last_attempted_execution_time", "datetime", "When a report job of the plan last tried to run.")
      .property("last_successful_execution_time", "datetime", "When a report job of the plan last ran successfully.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupReportPlanKind() {
    this(1000);
  }

  /** The kind listing report plans in pages of this size (1..1000). */
  AwsBackupReportPlanKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListReportPlans", BackupValues.LIST_TAGS);
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(BackupValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    // the SDK flattens no item list for this paginator: each page's ReportPlans
    for (ListReportPlansResponse page : backup.listReportPlansPaginator(r -> r.maxResults(pageSize))) {
      for (ReportPlan p : page.reportPlans()) {
        if (ctx.isCancelled()) {
          return;
        }
        ctx.submit(() -> {
          Node node = ctx.add(node(ctx, p, BackupValues.tags(backup, p.reportPlanArn())));
          if (p.reportSetting() != null) {
            for (String framework : p.reportSetting().frameworkArns()) {
              ctx.edgeFrom(AwsBackupFrameworkKind.KIND, framework, node, EdgeType.DEFAULT);
            }
          }
        });
      }
    }
  }

  /** Maps a report plan: id = its ARN, name = ReportPlanName. */
  static Node node(KindContext ctx, ReportPlan p, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, p.reportPlanArn()).name(p.reportPlanName()).tags(tags)
        .ctime(p.creationTime())
        .property("report_plan_arn", p.reportPlanArn())
        .property("report_plan_name", p.reportPlanName())
        .property("report_plan_description", p.reportPlanDescription())
        .property("report_setting", BackupValues.plain(p.reportSetting()))
        .property("report_delivery_channel", BackupValues.plain(p.reportDeliveryChannel()))
        .property("plan_deployment_status", p.deploymentStatus())
        .property("creation_time", p.creationTime())
        .property("last_attempted_execution_time", p.lastAttemptedExecutionTime())
        .property("last_successful_execution_time", p.lastSuccessfulExecutionTime());
    return KindContext.arn(b, p.reportPlanArn()).build();
  }
}
