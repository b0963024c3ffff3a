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
import software.amazon.awssdk.services.backup.model.Framework;
import software.amazon.awssdk.services.backup.model.ListFrameworksResponse;

/**
 * {@code aws_backup_framework}: the Backup Audit Manager frameworks of a region (ListFrameworks),
 * each with its tags (ListTags). id and ARN are the framework's ARN, name its name, ctime its
 * CreationTime. A framework points to the report plans that cover it (the report plan kind makes
 * the edge).
 */
public final class AwsBackupFrameworkKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_framework";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("backup", "storage")
      .successors(EdgeType.DEFAULT, AwsBackupReportPlanKind.KIND)
      .property("framework_name", "string", "The unique name of the framework.")
      .property("framework_arn", "string", "The ARN of the framework.")
      .property("framework_description", "string", "The description of the framework.")
      .property("number_of_controls", "int64", "How many controls the framework holds.")
      .property("creation_time", "datetime", "When the framework was created.")
      .property("framework_deployment_status", "string",
          "The deployment status: CREATE_IN_PROGRESS, UPDATE_IN_PROGRESS, DELETE_IN_PROGRESS, COMPLETED or FAILED.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupFrameworkKind() {
    this(1000);
  }

  /** The kind listing frameworks in pages of this size (1..1000). */
  AwsBackupFrameworkKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListFrameworks", BackupValues.LIST_TAGS);
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(BackupValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    // the SDK flattens no item list for this paginator: each page's Frameworks
    for (ListFrameworksResponse page : backup.listFrameworksPaginator(r -> r.maxResults(pageSize))) {
      for (Framework f : page.frameworks()) {
        if (ctx.isCancelled()) {
          return;
        }
        ctx.submit(() -> {
          ctx.add(node(ctx, f, BackupValues.tags(backup, f.frameworkArn())));
        });
      }
    }
  }

  /** Maps a framework: id = its ARN, name = FrameworkName. */
  static Node node(KindContext ctx, Framework f, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, f.frameworkArn()).name(f.frameworkName()).tags(tags)
        .ctime(f.creationTime())
        .property("framework_name", f.frameworkName())
        .property("framework_arn", f.frameworkArn())
        .property("framework_description", f.frameworkDescription())
        .property("number_of_controls", f.numberOfControls() == null ? null : f.numberOfControls().longValue())
        .property("creation_time", f.creationTime())
        .property("framework_deployment_status", f.deploymentStatus());
    return KindContext.arn(b, f.frameworkArn()).build();
  }
}
