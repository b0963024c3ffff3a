package io.resoto.worker.aws.kinds.efs;

import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.MountTargetDescription;

/**
 * {@code aws_efs_mount_target}: the mount targets of every EFS file system (DescribeFileSystems,
 * then DescribeMountTargets per file system; the original collects them inside the file system
 * with the same calls). id and name are the mount target id; the ARN follows the original's
 * template {@code arn:{partition}:efs:{region}:{account}:mount-target/{id}} (EFS gives mount targets
 * none). No tags.
 *
 * <p>Edges as the original: its file system and its network interface point to it.
 */
public final class AwsEfsMountTargetKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_efs_mount_target";

  static final String NETWORK_INTERFACE = "aws_ec2_network_interface";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_network_interface")
      .display("endpoint", "storage")
      .property("owner_id", "string", "The account that owns the mount target.")
      .property("life_cycle_state", "string", "The life cycle state: creating, available, updating, deleting, deleted, error.")
      .property("ip_address", "string", "The IPv4 address the file system is reachable at through this mount target.")
      .property("availability_zone_name", "string", "The availability zone of the mount target.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEfsMountTargetKind() {
    this(100);
  }

  /** The kind listing in pages of this size (MaxItems, 1..100). */
  AwsEfsMountTargetKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "efs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeMountTargets");
  }

  @Override
  public void collect(KindContext ctx) {
    EfsClient efs = ctx.client(EfsClient.builder());
    for (FileSystemDescription fs : efs.describeFileSystemsPaginator(b -> b.maxItems(pageSize)).fileSystems()) {
      ctx.submit(() -> {
        for (MountTargetDescription mt : efs.describeMountTargetsPaginator(b -> b.fileSystemId(fs.fileSystemId())
            .maxItems(pageSize)).mountTargets()) {
          if (ctx.isCancelled()) {
            return;
          }
          Node node = ctx.add(node(ctx, mt));
          ctx.edgeFrom(AwsEfsFileSystemKind.KIND, mt.fileSystemId(), node, EdgeType.DEFAULT);
          ctx.edgeFrom(NETWORK_INTERFACE, mt.networkInterfaceId(), node, EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps a mount target: id and name = its id. */
  static Node node(KindContext ctx, MountTargetDescription mt) {
    String id = mt.mountTargetId();
    Node.Builder b = ctx.node(KIND, id).name(id).categories("storage");
    put(b, "owner_id", mt.ownerId());
    put(b, "life_cycle_state", mt.lifeCycleStateAsString());
    put(b, "ip_address", mt.ipAddress());
    put(b, "availability_zone_name", mt.availabilityZoneName());
    String arn = "arn:" + ctx.partition() + ":efs:" + ctx.regionName() + ":" + ctx.account().id() + ":mount-target/" + id;
    return KindContext.arn(b, arn).build();
  }
}
