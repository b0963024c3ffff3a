package io.resoto.worker.aws.kinds.athena;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupSummary;

/**
 * {@code aws_athena_work_group}: Athena work groups (ListWorkGroups, then GetWorkGroup and
 * ListTagsForResource per group). id and name are the group name, ctime its creation time, the ARN
 * {@code arn:<partition>:athena:<region>:<account>:workgroup/<name>}. A group whose query results
 * are encrypted with a KMS key points to it (and the key to the group over a delete edge), and to
 * the S3 bucket of its result location.
 */
public final class AwsAthenaWorkGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_athena_work_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("resource", "database")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND, "aws_s3_bucket")
      .property("workgroup_state", "string", "Whether queries may run in the work group: ENABLED or DISABLED.")
      .property("workgroup_configuration", OBJECT,
          "The work group's settings: result_configuration (output location, encryption, expected bucket owner), "
              + "enforce_work_group_configuration, publish_cloud_watch_metrics_enabled, bytes_scanned_cutoff_per_query, "
              + "requester_pays_enabled, engine_version, ...")
      .property("description", "string", "The work group's description.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsAthenaWorkGroupKind() {
    this(50);
  }

  /** The kind listing work groups in pages of this size (1..50; tests page small estates with it). */
  AwsAthenaWorkGroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "athena", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("athena:ListWorkGroups", "athena:GetWorkGroup", "athena:ListTagsForResource");
  }

  /** Tags through athena:TagResource and athena:UntagResource with the group's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return AthenaTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    AthenaClient athena = ctx.client(AthenaClient.builder());
    // the SDK's paginator flattens no items for this operation: every page's groups
    for (WorkGroupSummary summary : (Iterable<WorkGroupSummary>) athena.listWorkGroupsPaginator(
        b -> b.maxResults(pageSize)).stream().flatMap(page -> page.workGroups().stream())::iterator) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        WorkGroup group = athena.getWorkGroup(b -> b.workGroup(summary.name())).workGroup();
        String arn = AthenaTags.arn(ctx, "workgroup", group.name());
        Node node = ctx.add(node(ctx, group, arn, AthenaTags.tags(athena, arn)));
        ResultConfiguration result = group.configuration() == null ? null
            : group.configuration().resultConfiguration();
        if (result != null) {
          if (result.encryptionConfiguration() != null) {
            String key = AwsKmsKeyKind.keyId(result.encryptionConfiguration().kmsKey());
            ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
            ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
          }
          ctx.edge(node, "aws_s3_bucket", bucketName(result.outputLocation()), EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps a work group: id and name = the group name. */
  static Node node(KindContext ctx, WorkGroup g, String arn, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, g.name()).name(g.name()).ctime(g.creationTime()).tags(tags);
    put(b, "workgroup_state", g.stateAsString());
    put(b, "workgroup_configuration", plain(g.configuration()));
    put(b, "description", g.description());
    return KindContext.arn(b, arn).build();
  }

  /** "s3://bucket/prefix/" -> "bucket". */
  static String bucketName(String location) {
    if (location == null || !location.startsWith("s3://")) {
      return null;
    }
    String rest = location.substring("s3://".length());
    int slash = rest.indexOf('/');
    String name = slash < 0 ? rest : rest.substring(0, slash);
    return name.isEmpty() ? null : name;
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
