package io.resoto.worker.aws.kinds.kinesis;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;

/**
 * {@code aws_kinesis_stream}: Kinesis data streams (ListStreams, then per stream DescribeStream
 * (every page of shards), ListTagsForStream and GetResourcePolicy), over the SDK's default CBOR
 * protocol. id and name are the stream name; ctime, mtime and atime the creation time, as in the
 * original; the ARN the StreamARN. A stream encrypted with a customer KMS key points to the key, the
 * key to the stream (delete edge). A stream without a resource policy answers {@code {}}: no policy.
 */
public final class AwsKinesisStreamKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_kinesis_stream";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("queue", "misc")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("kinesis_stream_status", "string", "The stream's state: CREATING, DELETING, ACTIVE or UPDATING.")
      .property("kinesis_stream_mode_details", "dictionary[string, any]",
          "How the stream's capacity is managed: PROVISIONED or ON_DEMAND.")
      .property("kinesis_shards", "dictionary[string, any][]",
          "The stream's shards: id, parent shards, hash key range and sequence number range.")
      .property("kinesis_retention_period_hours", "int64", "How long the stream keeps records, in hours.")
      .property("kinesis_enhanced_monitoring", "dictionary[string, any][]",
          "The shard-level metrics published to CloudWatch.")
      .property("kinesis_encryption_type", "string", "The server-side encryption: NONE or KMS.")
      .property("kinesis_key_id", "string", "The KMS key (id, ARN or alias) that encrypts the stream, if any.")
      .property("kinesis_policy", "string", "The stream's resource-based policy, a JSON document, if any.")
      .property("kinesis_open_shard_count", "int64", "The number of open shards (those without an ending sequence number).")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsKinesisStreamKind() {
    this(100);
  }

  /** The kind listing streams, shards and tags in pages of this size (1..50; tests page small estates). */
  AwsKinesisStreamKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "kinesis", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("kinesis:ListStreams", "kinesis:DescribeStream", "kinesis:ListTagsForStream",
        "kinesis:GetResourcePolicy");
  }

  /** Tags through kinesis:AddTagsToStream and kinesis:RemoveTagsFromStream with the stream's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("kinesis:AddTagsToStream"),
        (ctx, key, value) -> ctx.client(KinesisClient.builder())
            .addTagsToStream(r -> r.streamARN(ctx.arn()).tags(Map.of(key, value))),
        List.of("kinesis:RemoveTagsFromStream"),
        (ctx, key) -> ctx.client(KinesisClient.builder())
            .removeTagsFromStream(r -> r.streamARN(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    KinesisClient kinesis = ctx.client(KinesisClient.builder());
    for (String name : kinesis.listStreamsPaginator(b -> b.limit(pageSize)).streamNames()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        StreamDescription first = null;
        List<Shard> shards = new ArrayList<>();
        String after = null;
        boolean more;
        do {
          String start = after;
          StreamDescription page = kinesis.describeStream(b -> b.streamName(name).limit(pageSize)
              .exclusiveStartShardId(start)).streamDescription();
          first = first == null ? page : first;
          shards.addAll(page.shards());
          more = Boolean.TRUE.equals(page.hasMoreShards()) && !page.shards().isEmpty();
          after = more ? page.shards().get(page.shards().size() - 1).shardId() : null;
        } while (more);
        StreamDescription s = first.toBuilder().shards(shards).hasMoreShards(false).build();
        Map<String, String> tags = tags(kinesis, name);
        String policy = kinesis.getResourcePolicy(b -> b.resourceARN(s.streamARN())).policy();
        Node node = ctx.add(node(ctx, s, tags, policy == null || policy.isBlank() || policy.equals("{}") ? null : policy));
        if ("KMS".equals(s.encryptionTypeAsString())) {
          String key = AwsKmsKeyKind.keyId(s.keyId());
          ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
        }
      });
    }
  }

  private Map<String, String> tags(KinesisClient kinesis, String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    String after = null;
    boolean more;
    do {
      String start = after;
      ListTagsForStreamResponse page = kinesis.listTagsForStream(b -> b.streamName(name)
          .limit(Math.min(pageSize, 50)).exclusiveStartTagKey(start));
      page.tags().forEach(t -> tags.put(t.key(), t.value()));
      more = Boolean.TRUE.equals(page.hasMoreTags()) && !page.tags().isEmpty();
      after = more ? page.tags().get(page.tags().size() - 1).key() : null;
    } while (more);
    return tags;
  }

  /** Maps a stream: id and name = StreamName, ctime = mtime = atime = StreamCreationTimestamp. */
  static Node node(KindContext ctx, StreamDescription s, Map<String, String> tags, String policy) {
    Node.Builder b = ctx.node(KIND, s.streamName()).name(s.streamName()).tags(tags)
        .ctime(s.streamCreationTimestamp()).mtime(s.streamCreationTimestamp()).atime(s.streamCreationTimestamp());
    put(b, "kinesis_stream_status", s.streamStatusAsString());
    put(b, "kinesis_stream_mode_details", plain(s.streamModeDetails()));
    put(b, "kinesis_shards", plain(s.shards()));
    put(b, "kinesis_retention_period_hours", s.retentionPeriodHours());
    put(b, "kinesis_enhanced_monitoring", plain(s.enhancedMonitoring()));
    put(b, "kinesis_encryption_type", s.encryptionTypeAsString());
    put(b, "kinesis_key_id", s.keyId());
    put(b, "kinesis_policy", policy);
    put(b, "kinesis_open_shard_count",
        s.shards().stream().filter(sh -> sh.sequenceNumberRange() == null
            || sh.sequenceNumberRange().endingSequenceNumber() == null).count());
    return KindContext.arn(b, s.streamARN()).build();
  }
}
