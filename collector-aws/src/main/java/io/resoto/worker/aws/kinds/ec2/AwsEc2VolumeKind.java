package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECTS;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.metrics.MetricData;
import io.resoto.worker.aws.metrics.MetricQuery;
import io.resoto.worker.aws.metrics.MetricWindow;
import io.resoto.worker.aws.metrics.Usage;
import io.resoto.worker.aws.metrics.UsageMetrics;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * {@code aws_ec2_volume}: EBS volumes (DescribeVolumes).
 *
 * <p>atime and mtime, as the original derives them: an attached (in-use) volume is used now; for
 * an unattached (available) one CloudWatch is asked for VolumeReadOps and VolumeWriteOps over
 * {@code cloudwatch_metrics_for_atime_mtime_period} in periods of
 * {@code cloudwatch_metrics_for_atime_mtime_granularity}: the newest period with reads is the
 * atime, with writes the mtime; without one, the later of ctime and the window's start (it was
 * not used since then). Other states get neither.
 *
 * <p>Usage (AWS/EBS, by VolumeId), min/avg/max of the window's 5-minute sums:
 * {@code volume_read_bytes} / {@code volume_write_bytes} in MB/s, {@code volume_read_iops} /
 * {@code volume_write_iops}, {@code volume_total_write_time_seconds} and
 * {@code volume_idle_time_seconds}; and {@code volume_queue_length_count} (Minimum, Average,
 * Maximum over the window).
 */
public final class AwsEc2VolumeKind extends DeclaredKind implements UsageMetrics {

  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

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
  public List<String> apiCalls() {
    return List.of("cloudwatch:GetMetricData", "ec2:DescribeVolumes");
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

  @Override
  public List<MetricQuery> metricQueries(Node node, MetricWindow window) {
    String id = node.resourceId();
    List<MetricQuery> queries = new ArrayList<>();
    for (String op : List.of("Write", "Read")) {
      String metric = "volume_" + op.toLowerCase(Locale.ROOT);
      queries.add(ebs(id, "Volume" + op + "Bytes", FIVE_MINUTES, "Sum", "Bytes")
          .usage(Usage.series(metric, Usage.BYTES, Usage.bytesToMegabytesPerSecond(FIVE_MINUTES))));
      queries.add(ebs(id, "Volume" + op + "Ops", FIVE_MINUTES, "Sum", "Count")
          .usage(Usage.series(metric, Usage.IOPS, Usage.perSecond(FIVE_MINUTES))));
    }
    queries.add(ebs(id, "VolumeTotalWriteTime", FIVE_MINUTES, "Sum", "Seconds")
        .usage(Usage.series("volume_total_write_time", Usage.SECONDS, v -> v)));
    queries.add(ebs(id, "VolumeIdleTime", FIVE_MINUTES, "Sum", "Seconds")
        .usage(Usage.series("volume_idle_time", Usage.SECONDS, v -> v)));
    for (String stat : List.of("Minimum", "Average", "Maximum")) {
      queries.add(ebs(id, "VolumeQueueLength", window.usage(), stat, "Count")
          .usage(Usage.latest("volume_queue_length", Usage.COUNT)));
    }
    if ("available".equals(node.properties().get("volume_status"))) {
      queries.add(lastUse(id, "VolumeReadOps", window));
      queries.add(lastUse(id, "VolumeWriteOps", window));
    }
    return queries;
  }

  @Override
  public Node withMetrics(Node node, Map<MetricQuery, MetricData> answers, MetricWindow window) {
    Object status = node.properties().get("volume_status");
    if ("in-use".equals(status)) {
      return node.toBuilder().atime(window.now()).mtime(window.now()).build();
    }
    if (!"available".equals(status)) {
      return node;
    }
    // not used within the window: the later of its creation and the window's start
    Instant start = window.atimeMtimeStart();
    Instant unused = node.ctime() != null && node.ctime().isAfter(start) ? node.ctime() : start;
    Instant atime = lastNonZero(answers.get(lastUse(node.resourceId(), "VolumeReadOps", window)));
    Instant mtime = lastNonZero(answers.get(lastUse(node.resourceId(), "VolumeWriteOps", window)));
    return node.toBuilder().atime(atime != null ? atime : unused).mtime(mtime != null ? mtime : unused).build();
  }

  /** The newest period with a non-zero value (answers come newest first), or null. */
  private static Instant lastNonZero(MetricData data) {
    return data == null ? null : data.firstNonZero().orElse(null);
  }

  /** The query for the last use of an unattached volume: sums per granularity over the atime/mtime period. */
  static MetricQuery lastUse(String volumeId, String metric, MetricWindow window) {
    return ebs(volumeId, metric, window.atimeMtimeGranularity(), "Sum", "Count").over(window.atimeMtimePeriod());
  }

  private static MetricQuery ebs(String volumeId, String metric, Duration period, String stat, String unit) {
    return MetricQuery.of("AWS/EBS", metric, "VolumeId", volumeId, period, stat, unit);
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
