package io.resoto.worker.aws.kinds.ec2;

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
import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * {@code aws_ec2_snapshot}: EBS snapshots the account owns (DescribeSnapshots with OwnerIds=self;
 * without it EC2 also lists every public snapshot).
 */
public final class AwsEc2SnapshotKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_snapshot";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("snapshot", KindModel.AWS_RESOURCE)
      .display("snapshot", "storage")
      .successors(EdgeType.DEFAULT, Ec2ComputeValues.KMS_KEY)
      .property("snapshot_status", "string", "The state of the snapshot: pending, completed, error, recoverable, recovering.")
      .property("description", "string", "The description of the snapshot.")
      .property("volume_id", "string", "The volume the snapshot was taken of.")
      .property("volume_size", "int64", "The size of the volume, in GiB.")
      .property("encrypted", "boolean", "Whether the snapshot is encrypted.")
      .property("owner_id", "string", "The id of the account that owns the snapshot.")
      .property("owner_alias", "string", "The alias of the owner (amazon, self) or the account alias.")
      .property("encrypted_kms_key_id", "string", "The ARN of the KMS key protecting the volume encryption key.")
      .property("snapshot_data_encryption_key_id", "string", "The data encryption key identifier of the snapshot.")
      .property("snapshot_progress", "string", "The progress of the snapshot, as a percentage.")
      .property("snapshot_state_message", "string", "The reason of a failed state change (set for state error).")
      .property("snapshot_outpost_arn", "string", "The ARN of the Outpost the snapshot is stored on, if any.")
      .property("snapshot_storage_tier", "string", "The storage tier of the snapshot: archive or standard.")
      .property("snapshot_restore_expiry_time", "datetime", "Until when a temporarily restored archived snapshot stays restored.")
      .build();

  /** Declares the kind. */
  public AwsEc2SnapshotKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeSnapshots");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Snapshot s : ec2.describeSnapshotsPaginator(b -> b.ownerIds("self").maxResults(1000)).snapshots()) {
      Node node = ctx.add(node(ctx, s));
      // the volume a snapshot was taken of points at it (the original's edge direction)
      ctx.edgeFrom(AwsEc2VolumeKind.KIND, s.volumeId(), node, EdgeType.DEFAULT);
      ctx.edge(node, Ec2ComputeValues.KMS_KEY, Ec2ComputeValues.kmsKeyId(s.kmsKeyId()), EdgeType.DEFAULT);
    }
  }

  /** Maps a snapshot: name = Name tag or the id, ctime = StartTime. */
  static Node node(KindContext ctx, Snapshot s) {
    String name = Ec2ComputeValues.tag(s.tags(), "Name");
    Node.Builder b = ctx.node(KIND, s.snapshotId())
        .name(name == null ? s.snapshotId() : name)
        .tags(Ec2ComputeValues.tags(s.tags()))
        .ctime(s.startTime())
        .categories("storage")
        .property("snapshot_status", s.stateAsString())
        .property("description", s.description())
        .property("volume_id", s.volumeId())
        .property("volume_size", s.volumeSize() == null ? null : s.volumeSize().longValue())
        .property("encrypted", s.encrypted())
        .property("owner_id", s.ownerId())
        .property("owner_alias", s.ownerAlias())
        .property("encrypted_kms_key_id", s.kmsKeyId())
        .property("snapshot_data_encryption_key_id", s.dataEncryptionKeyId())
        .property("snapshot_progress", s.progress())
        .property("snapshot_state_message", s.stateMessage())
        .property("snapshot_outpost_arn", s.outpostArn())
        .property("snapshot_storage_tier", s.storageTierAsString())
        .property("snapshot_restore_expiry_time", s.restoreExpiryTime());
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "snapshot", s.snapshotId())).build();
  }
}
