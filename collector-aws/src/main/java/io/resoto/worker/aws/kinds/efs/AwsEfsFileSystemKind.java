package io.resoto.worker.aws.kinds.efs;

import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkValues;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;
import software.amazon.awssdk.services.efs.model.PolicyNotFoundException;
import software.amazon.awssdk.services.efs.model.Tag;

/**
 * {@code aws_efs_file_system}: EFS file systems (DescribeFileSystems, then
 * DescribeFileSystemPolicy per file system; a file system without a policy answers
 * {@code PolicyNotFound}, which means none). id is the file system id, name its {@code Name},
 * ctime {@code CreationTime}; {@code share_size} is the metered size rounded up to GiB and
 * {@code share_throughput} the provisioned throughput in bytes per second, as the original.
 *
 * <p>Edges: the file system points to its KMS key, its mount targets ({@link AwsEfsMountTargetKind})
 * and its access points ({@link AwsEfsAccessPointKind}, default and delete). The original's network
 * share base also has {@code share_type} and {@code share_iops}, which it never fills for EFS;
 * they are left out. Tags change through elasticfilesystem:TagResource / UntagResource with the
 * file system id (the original calls them without declaring them).
 */
public final class AwsEfsFileSystemKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_efs_file_system";

  private static final long GIB = 1024L * 1024 * 1024;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("network_share", KindModel.AWS_RESOURCE)
      .display("network_share", "storage")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND, AwsEfsMountTargetKind.KIND, AwsEfsAccessPointKind.KIND)
      .successors(EdgeType.DELETE, AwsEfsAccessPointKind.KIND)
      .property("share_size", "int64", "The metered size of the file system, in GiB (rounded up).")
      .property("share_status", "string", "The life cycle state: creating, available, updating, deleting, deleted, error.")
      .property("share_encrypted", "boolean", "Whether the file system is encrypted at rest.")
      .property("share_throughput", "int64", "The provisioned throughput, in bytes per second.")
      .property("owner_id", "string", "The account that owns the file system.")
      .property("creation_token", "string", "The idempotency token the file system was created with.")
      .property("number_of_mount_targets", "int64", "The number of mount targets of the file system.")
      .property("performance_mode", "string", "The performance mode: generalPurpose or maxIO.")
      .property("throughput_mode", "string", "The throughput mode: bursting, provisioned or elastic.")
      .property("provisioned_throughput_in_mibps", "double", "The provisioned throughput, in MiB per second.")
      .property("availability_zone_name", "string", "The availability zone of a One Zone file system.")
      .property("file_system_policy", "string", "The file system's resource policy (JSON), if it has one.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEfsFileSystemKind() {
    this(100);
  }

  /** The kind listing file systems in pages of this size (MaxItems, 1..100). */
  AwsEfsFileSystemKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "efs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeFileSystemPolicy");
  }

  /** Tags through elasticfilesystem:TagResource and UntagResource with the file system id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EfsTags.BY_ID;
  }

  @Override
  public void collect(KindContext ctx) {
    EfsClient efs = ctx.client(EfsClient.builder());
    for (FileSystemDescription fs : efs.describeFileSystemsPaginator(b -> b.maxItems(pageSize)).fileSystems()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        String policy;
        try {
          policy = efs.describeFileSystemPolicy(b -> b.fileSystemId(fs.fileSystemId())).policy();
        } catch (PolicyNotFoundException e) {
          policy = null;
        }
        Node node = ctx.add(node(ctx, fs, policy));
        ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(fs.kmsKeyId()), EdgeType.DEFAULT);
      });
    }
  }

  /** Maps a file system: id = its id, name = its Name (else the id). */
  static Node node(KindContext ctx, FileSystemDescription fs, String policy) {
    String id = fs.fileSystemId();
    Node.Builder b = ctx.node(KIND, id).name(fs.name() == null ? id : fs.name()).ctime(fs.creationTime())
        .tags(tags(fs.tags())).categories("storage");
    if (fs.sizeInBytes() != null && fs.sizeInBytes().value() != null) {
      put(b, "share_size", (fs.sizeInBytes().value() + GIB - 1) / GIB);
    }
    put(b, "share_status", fs.lifeCycleStateAsString());
    put(b, "share_encrypted", fs.encrypted());
    if (fs.provisionedThroughputInMibps() != null) {
      put(b, "share_throughput", Math.round(fs.provisionedThroughputInMibps() * 1024 * 1024));
    }
    put(b, "owner_id", fs.ownerId());
    put(b, "creation_token", fs.creationToken());
    put(b, "number_of_mount_targets", fs.numberOfMountTargets());
    put(b, "performance_mode", fs.performanceModeAsString());
    put(b, "throughput_mode", fs.throughputModeAsString());
    put(b, "provisioned_throughput_in_mibps", fs.provisionedThroughputInMibps());
    put(b, "availability_zone_name", fs.availabilityZoneName());
    put(b, "file_system_policy", policy);
    return KindContext.arn(b, fs.fileSystemArn()).build();
  }

  static Map<String, String> tags(List<Tag> tags) {
    return SdkValues.tags(tags, Tag::key, Tag::value);
  }
}
