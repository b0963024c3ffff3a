package io.resoto.worker.aws.kinds.efs;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.AccessPointDescription;

/**
 * {@code aws_efs_access_point}: EFS access points (DescribeAccessPoints, every page). id is the
 * access point id, name its {@code Name} (else the id). The original has no tag calls for access
 * points, so neither has this kind.
 *
 * <p>Edges as the original: its file system points to it (default and delete).
 */
public final class AwsEfsAccessPointKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_efs_access_point";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("endpoint", "storage")
      .property("client_token", "string", "The idempotency token the access point was created with.")
      .property("posix_user", OBJECT, "The POSIX identity (uid, gid, secondary gids) applied to requests through the access point.")
      .property("root_directory", OBJECT,
          "The directory exposed as the root, and the owner and permissions it is created with if missing.")
      .property("owner_id", "string", "The account that owns the access point.")
      .property("life_cycle_state", "string", "The life cycle state: creating, available, updating, deleting, deleted, error.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEfsAccessPointKind() {
    this(100);
  }

  /** The kind listing in pages of this size (MaxResults, 1..120). */
  AwsEfsAccessPointKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "efs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticfilesystem:DescribeAccessPoints");
  }

  @Override
  public void collect(KindContext ctx) {
    EfsClient efs = ctx.client(EfsClient.builder());
    for (AccessPointDescription ap : efs.describeAccessPointsPaginator(b -> b.maxResults(pageSize)).accessPoints()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, ap));
      ctx.edgeFrom(AwsEfsFileSystemKind.KIND, ap.fileSystemId(), node, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsEfsFileSystemKind.KIND, ap.fileSystemId(), node, EdgeType.DELETE);
    }
  }

  /** Maps an access point: id = its id, name = its Name (else the id). */
  static Node node(KindContext ctx, AccessPointDescription ap) {
    String id = ap.accessPointId();
    Node.Builder b = ctx.node(KIND, id).name(ap.name() == null ? id : ap.name())
        .tags(AwsEfsFileSystemKind.tags(ap.tags())).categories("storage");
    put(b, "client_token", ap.clientToken());
    put(b, "posix_user", ap.posixUser());
    put(b, "root_directory", ap.rootDirectory());
    put(b, "owner_id", ap.ownerId());
    put(b, "life_cycle_state", ap.lifeCycleStateAsString());
    return KindContext.arn(b, ap.accessPointArn()).build();
  }
}
