package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECTS;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * {@code aws_ec2_volume}: EBS volumes (DescribeVolumes). The original's last-access times of
 * unattached volumes come from CloudWatch metrics and are not reported here.
 */
public final class AwsEc2VolumeKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_volume";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("volume", KindModel.AWS_RESOURCE)
      .display("volume", "storage")
      // snapshots are taken of a volume; an attached volume goes before its instance can be deleted
      .successors(EdgeType.DEFAULT, AwsEc2SnapshotKind.KIND, Ec2ComputeValues.KMS_KEY)
      .successors(EdgeType.DELETE, AwsEc2InstanceKind.KIND)
      .property("volume_attachments", OBJECTS, "The attachments: attach time, device, instance id, state, delete on termination.")
      .property("availability_zone", "string", "The availability zone of the volume.")
      .property("volume_kms_key_id", "string", "The ARN of the KMS key that encrypts the volume.")
      .property("volume_outpost_arn", "string", "The ARN of the Outpost the volume is on, if any.")
      .property("volume_snapshot_id", "string", "The snapshot the volume was created from, if any.")
      .property("volume_fast_restored", "boolean", "Whether the volume was created from a snapshot with fast snapshot restore.")
      .property("volume_multi_attach_enabled", "boolean", "Whether Amazon EBS Multi-Attach is enabled.")
      .build();

  /** Declares the kind. */
  public AwsEc2VolumeKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public void collect(KindContext ctx) {
    for (Volume v : list(ctx.client(Ec2Client.builder()))) {
      Node node = ctx.add(node(ctx, v));
      for (VolumeAttachment a : v.attachments()) {
        ctx.edge(node, AwsEc2InstanceKind.KIND, a.instanceId(), EdgeType.DELETE);
      }
      ctx.edge(node, Ec2ComputeValues.KMS_KEY, Ec2ComputeValues.kmsKeyId(v.kmsKeyId()), EdgeType.DEFAULT);
    }
  }

  /** Every volume of the region, in the largest pages DescribeVolumes allows. */
  static List<Volume> list(Ec2Client ec2) {
    return ec2.describeVolumesPaginator(b -> b.maxResults(500)).volumes().stream().toList();
  }

  /** Maps a volume: name = Name tag, ctime = CreateTime, the ARN from the original's template. */
  static Node node(KindContext ctx, Volume v) {
    Node.Builder b = ctx.node(KIND, v.volumeId())
        .name(Ec2ComputeValues.tag(v.tags(), "Name"))
        .tags(Ec2ComputeValues.tags(v.tags()))
        .ctime(v.createTime())
        .categories("storage")
        .property("volume_size", v.size() == null ? null : v.size().longValue())
        .property("volume_type", v.volumeTypeAsString())
        .property("volume_status", status(v.stateAsString()))
        .property("volume_iops", v.iops() == null ? null : v.iops().longValue())
        .property("volume_throughput", v.throughput() == null ? null : v.throughput().longValue())
        .property("volume_encrypted", v.encrypted())
        .property("snapshot_before_delete", false)
        .property("volume_attachments", plain(v.attachments()))
        .property("availability_zone", v.availabilityZone())
        .property("volume_kms_key_id", v.kmsKeyId())
        .property("volume_outpost_arn", v.outpostArn())
        .property("volume_snapshot_id", v.snapshotId() == null || v.snapshotId().isEmpty() ? null : v.snapshotId())
        .property("volume_fast_restored", v.fastRestored())
        .property("volume_multi_attach_enabled", v.multiAttachEnabled());
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "volume", v.volumeId())).build();
  }

  /** The original's normalised volume status: creating and deleting are busy, unknown when missing or new. */
  static String status(String state) {
    if (state == null) {
      return "unknown";
    }
    return switch (state) {
      case "creating", "deleting" -> "busy";
      case "available", "in-use", "deleted", "error" -> state;
      default -> "unknown";
    };
  }
}
