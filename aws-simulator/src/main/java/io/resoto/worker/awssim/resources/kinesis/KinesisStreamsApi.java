package io.resoto.worker.awssim.resources.kinesis;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamRequest;
import software.amazon.awssdk.services.kinesis.model.AddTagsToStreamResponse;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamResponse;
import software.amazon.awssdk.services.kinesis.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.kinesis.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.kinesis.model.ListStreamsRequest;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamRequest;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.kinesis.model.RemoveTagsFromStreamRequest;
import software.amazon.awssdk.services.kinesis.model.RemoveTagsFromStreamResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamSummary;
import software.amazon.awssdk.services.kinesis.model.Tag;

/**
 * Kinesis data streams (AWS JSON 1.1 with CBOR bodies, target prefix {@code Kinesis_20131202}, as
 * the SDK's default client speaks it; JSON requests are answered in JSON): ListStreams,
 * DescribeStream, ListTagsForStream, GetResourcePolicy, AddTagsToStream and RemoveTagsFromStream,
 * from the estate's regional {@code kinesis} collections {@code Streams} ({@link StreamDescription},
 * DescribeStream's shape, all shards), {@code Tags} ({@link AddTagsToStreamRequest}: StreamName,
 * Tags) and {@code ResourcePolicies} ({@link PutResourcePolicyRequest}: ResourceARN, Policy).
 *
 * <p>As in AWS: ListStreams pages by {@code Limit} (1..10000, default 100) and {@code NextToken}
 * (or the older {@code ExclusiveStartStreamName}), with {@code HasMoreStreams}; DescribeStream
 * pages shards by {@code Limit} (1..10000, default 100) and {@code ExclusiveStartShardId}, with
 * {@code HasMoreShards}; ListTagsForStream pages by {@code Limit} (1..50, default 50) and
 * {@code ExclusiveStartTagKey}, tags in key order, with {@code HasMoreTags}; a stream is named by
 * {@code StreamName} or {@code StreamARN} ({@code ResourceNotFoundException} otherwise);
 * GetResourcePolicy of a stream without a policy answers {@code {}}; tag keys starting with
 * {@code aws:} are refused ({@code InvalidArgumentException}); a stream holds at most 50 tags
 * ({@code LimitExceededException}).
 */
public final class KinesisStreamsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<StreamDescription> NAME = ItemKey.of("StreamName", StreamDescription::streamName);
  private static final ItemKey<StreamDescription> ARN = ItemKey.of("StreamARN", StreamDescription::streamARN);
  private static final ItemKey<AddTagsToStreamRequest> TAGS = ItemKey.of("StreamName", AddTagsToStreamRequest::streamName);
  private static final ItemKey<PutResourcePolicyRequest> POLICY =
      ItemKey.of("ResourceARN", PutResourcePolicyRequest::resourceARN);

  /** Registered in {@code ResourceApis.ALL}. */
  public KinesisStreamsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListStreamsRequest.class, (ctx, req) -> {
      List<StreamDescription> all = store.regional(ctx, "kinesis", "Streams", StreamDescription.class).stream()
          .filter(s -> req.exclusiveStartStreamName() == null
              || s.streamName().compareTo(req.exclusiveStartStreamName()) > 0)
          .sorted((a, b) -> a.streamName().compareTo(b.streamName())).toList();
      Page<StreamDescription> page = page(all, "kinesis:ListStreams:" + ctx.caller().accountId() + ":"
          + ctx.region() + ":" + req.exclusiveStartStreamName(), req.nextToken(), req.limit(), 100, 10000);
      return ListStreamsResponse.builder()
          .streamNames(page.items().stream().map(StreamDescription::streamName).toList())
          .streamSummaries(page.items().stream().map(s -> StreamSummary.builder().streamName(s.streamName())
              .streamARN(s.streamARN()).streamStatus(s.streamStatus()).streamModeDetails(s.streamModeDetails())
              .streamCreationTimestamp(s.streamCreationTimestamp()).build()).toList())
          .hasMoreStreams(page.nextToken() != null).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeStreamRequest.class, (ctx, req) -> {
      StreamDescription s = stream(store, ctx, req.streamName(), req.streamARN());
      int limit = limit(req.limit(), 100, 10000);
      List<Shard> after = s.shards().stream().filter(sh -> req.exclusiveStartShardId() == null
          || sh.shardId().compareTo(req.exclusiveStartShardId()) > 0).toList();
      List<Shard> shards = after.subList(0, Math.min(limit, after.size()));
      return DescribeStreamResponse.builder().streamDescription(s.toBuilder().shards(shards)
          .hasMoreShards(after.size() > limit).build()).build();
    });
    registry.on(ListTagsForStreamRequest.class, (ctx, req) -> {
      StreamDescription s = stream(store, ctx, req.streamName(), req.streamARN());
      int limit = limit(req.limit(), 50, 50);
      List<Map.Entry<String, String>> after = new TreeMap<>(tags(store, ctx, s.streamName())).entrySet().stream()
          .filter(e -> req.exclusiveStartTagKey() == null || e.getKey().compareTo(req.exclusiveStartTagKey()) > 0)
          .toList();
      List<Tag> page = after.subList(0, Math.min(limit, after.size())).stream()
          .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
      return ListTagsForStreamResponse.builder().tags(page).hasMoreTags(after.size() > limit).build();
    });
    registry.on(GetResourcePolicyRequest.class, (ctx, req) -> {
      StreamDescription s = stream(store, ctx, null, req.resourceARN());
      PutResourcePolicyRequest p = store.findRegional(ctx, "kinesis", "ResourcePolicies",
          PutResourcePolicyRequest.class, POLICY, s.streamARN());
      return GetResourcePolicyResponse.builder().policy(p == null ? "{}" : p.policy()).build();
    });
    registry.on(AddTagsToStreamRequest.class, (ctx, req) -> {
      StreamDescription s = stream(store, ctx, req.streamName(), req.streamARN());
      req.tags().forEach((k, v) -> {
        if (!TagRules.isUserKey(k) || !TagRules.isValue(v)) {
          throw AwsError.of(400, "InvalidArgumentException", "Tag " + k + " is not valid.");
        }
      });
      store.updateRegional(ctx, "kinesis", "Tags", AddTagsToStreamRequest.class, TAGS, s.streamName(), entry -> {
        Map<String, String> tags = new HashMap<>(entry == null ? Map.of() : entry.tags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "LimitExceededException", "A stream holds at most " + MAX_TAGS + " tags.");
        }
        return AddTagsToStreamRequest.builder().streamName(s.streamName()).tags(tags).build();
      });
      return AddTagsToStreamResponse.builder().build();
    });
    registry.on(RemoveTagsFromStreamRequest.class, (ctx, req) -> {
      StreamDescription s = stream(store, ctx, req.streamName(), req.streamARN());
      store.updateRegional(ctx, "kinesis", "Tags", AddTagsToStreamRequest.class, TAGS, s.streamName(), entry -> {
        Map<String, String> tags = new HashMap<>(entry == null ? Map.of() : entry.tags());
        req.tagKeys().forEach(tags::remove);
        return AddTagsToStreamRequest.builder().streamName(s.streamName()).tags(tags).build();
      });
      return RemoveTagsFromStreamResponse.builder().build();
    });
  }

  private static int limit(Integer limit, int dflt, int max) {
    if (limit != null && (limit < 1 || limit > max)) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and " + max);
    }
    return limit == null ? dflt : limit;
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, Integer limit, int dflt, int max) {
    limit(limit, dflt, max);
    try {
      return Page.of(all, listing, token, limit, dflt, max);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidArgumentException", "The NextToken is not valid.");
    }
  }

  private static Map<String, String> tags(ResourceStore store, CallContext ctx, String streamName) {
    AddTagsToStreamRequest entry = store.findRegional(ctx, "kinesis", "Tags", AddTagsToStreamRequest.class, TAGS,
        streamName);
    return entry == null ? Map.of() : entry.tags();
  }

  private static StreamDescription stream(ResourceStore store, CallContext ctx, String name, String arn) {
    StreamDescription s = arn != null
        ? store.findRegional(ctx, "kinesis", "Streams", StreamDescription.class, ARN, arn)
        : name != null ? store.findRegional(ctx, "kinesis", "Streams", StreamDescription.class, NAME, name) : null;
    if (s == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "Stream " + (arn != null ? arn : name)
          + " under account " + ctx.caller().accountId() + " not found.");
    }
    return s;
  }
}
