package io.resoto.worker.awssim.resources.elasticache;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.elasticache.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.elasticache.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.CacheNode;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheClustersRequest;
import software.amazon.awssdk.services.elasticache.model.DescribeCacheClustersResponse;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsRequest;
import software.amazon.awssdk.services.elasticache.model.DescribeReplicationGroupsResponse;
import software.amazon.awssdk.services.elasticache.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.elasticache.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.elasticache.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.elasticache.model.RemoveTagsFromResourceResponse;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * ElastiCache (AWS query): DescribeCacheClusters, DescribeReplicationGroups, ListTagsForResource,
 * AddTagsToResource and RemoveTagsFromResource, from the estate's {@code elasticache} collections
 * {@code CacheClusters} ({@link CacheCluster}), {@code ReplicationGroups} ({@link ReplicationGroup})
 * and, as neither carries its tags, {@code Tags} ({@link AddTagsToResourceRequest}: ResourceName
 * (the ARN), Tags).
 *
 * <p>As in AWS: the listings page by {@code MaxRecords} (20..100, default 100) and {@code Marker}
 * ({@code InvalidParameterValue} otherwise); a cluster's {@code CacheNodes} are answered only with
 * {@code ShowCacheNodeInfo}; an unknown id is {@code CacheClusterNotFound} /
 * {@code ReplicationGroupNotFoundFault}; the tag calls take the resource's ARN ({@code InvalidARN}
 * when it is no ElastiCache ARN, the not-found fault of its type when unknown), refuse {@code aws:}
 * keys and allow 50 tags.
 */
public final class ElastiCacheApi implements ResourceApi {

  private static final String S = "elasticache";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<CacheCluster> CLUSTER_BY_ARN = ItemKey.of("ARN", CacheCluster::arn);
  private static final ItemKey<ReplicationGroup> GROUP_BY_ARN = ItemKey.of("ARN", ReplicationGroup::arn);
  private static final ItemKey<AddTagsToResourceRequest> TAGS =
      ItemKey.of("ResourceName", AddTagsToResourceRequest::resourceName);

  /** Registered in {@code ResourceApis.ALL}. */
  public ElastiCacheApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeCacheClustersRequest.class, (ctx, req) -> {
      List<CacheCluster> all = store.regional(ctx, S, "CacheClusters", CacheCluster.class).stream()
          .filter(c -> req.cacheClusterId() == null || c.cacheClusterId().equals(req.cacheClusterId())).toList();
      if (req.cacheClusterId() != null && all.isEmpty()) {
        throw AwsError.of(404, "CacheClusterNotFound", "CacheCluster not found: " + req.cacheClusterId());
      }
      Page<CacheCluster> page = page(all, "elasticache:DescribeCacheClusters:" + ctx.caller().accountId() + ":"
          + ctx.region() + ":" + req.cacheClusterId(), req.marker(), req.maxRecords());
      boolean nodes = Boolean.TRUE.equals(req.showCacheNodeInfo());
      return DescribeCacheClustersResponse.builder().marker(page.nextToken()).cacheClusters(page.items().stream()
          .map(c -> nodes ? c : c.toBuilder().cacheNodes((List<CacheNode>) null).build()).toList()).build();
    });
    registry.on(DescribeReplicationGroupsRequest.class, (ctx, req) -> {
      List<ReplicationGroup> all = store.regional(ctx, S, "ReplicationGroups", ReplicationGroup.class).stream()
          .filter(g -> req.replicationGroupId() == null || g.replicationGroupId().equals(req.replicationGroupId()))
          .toList();
      if (req.replicationGroupId() != null && all.isEmpty()) {
        throw AwsError.of(404, "ReplicationGroupNotFoundFault",
            "ReplicationGroup not found: " + req.replicationGroupId());
      }
      Page<ReplicationGroup> page = page(all, "elasticache:DescribeReplicationGroups:" + ctx.caller().accountId()
          + ":" + ctx.region() + ":" + req.replicationGroupId(), req.marker(), req.maxRecords());
      return DescribeReplicationGroupsResponse.builder().marker(page.nextToken()).replicationGroups(page.items())
          .build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) ->
        ListTagsForResourceResponse.builder().tagList(tags(store, ctx, req.resourceName())).build());
    registry.on(AddTagsToResourceRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        if (t.key() == null || t.key().isEmpty() || t.key().startsWith("aws:")) {
          throw AwsError.of(400, "InvalidParameterValue", "Tag key " + t.key() + " is not valid.");
        }
      }
      List<Tag> out = retag(store, ctx, req.resourceName(), tags -> {
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
      });
      return AddTagsToResourceResponse.builder().tagList(out).build();
    });
    registry.on(RemoveTagsFromResourceRequest.class, (ctx, req) -> {
      List<Tag> out = retag(store, ctx, req.resourceName(), tags -> {
        req.tagKeys().forEach(tags::remove);
        return tags;
      });
      return RemoveTagsFromResourceResponse.builder().tagList(out).build();
    });
  }

  private static <T> Page<T> page(List<T> all, String listing, String marker, Integer maxRecords) {
    if (maxRecords != null && (maxRecords < 20 || maxRecords > 100)) {
      throw AwsError.of(400, "InvalidParameterValue", "MaxRecords must be between 20 and 100.");
    }
    try {
      return Page.of(all, listing, marker, maxRecords, 100, 100);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterValue", "Invalid marker.");
    }
  }

  /** The tags of the cluster or group with this ARN; refuses ARNs of no such resource. */
  private static List<Tag> tags(ResourceStore store, CallContext ctx, String arn) {
    requireResource(store, ctx, arn);
    AddTagsToResourceRequest t = store.findRegional(ctx, S, "Tags", AddTagsToResourceRequest.class, TAGS, arn);
    return t == null ? List.of() : t.tags();
  }

  private static void requireResource(ResourceStore store, CallContext ctx, String arn) {
    if (arn == null || !arn.startsWith("arn:") || !arn.contains(":elasticache:")) {
      throw AwsError.of(400, "InvalidARN", "ARN " + arn + " is invalid.");
    }
    if (arn.contains(":cluster:")) {
      if (store.findRegional(ctx, S, "CacheClusters", CacheCluster.class, CLUSTER_BY_ARN, arn) == null) {
        throw AwsError.of(404, "CacheClusterNotFound", "CacheCluster not found: " + arn);
      }
    } else if (arn.contains(":replicationgroup:")) {
      if (store.findRegional(ctx, S, "ReplicationGroups", ReplicationGroup.class, GROUP_BY_ARN, arn) == null) {
        throw AwsError.of(404, "ReplicationGroupNotFoundFault", "ReplicationGroup not found: " + arn);
      }
    } else {
      throw AwsError.of(400, "InvalidARN", "ARN " + arn + " names no cluster or replication group.");
    }
  }

  private static List<Tag> retag(ResourceStore store, CallContext ctx, String arn,
      UnaryOperator<Map<String, String>> change) {
    requireResource(store, ctx, arn);
    AddTagsToResourceRequest next = store.updateRegional(ctx, S, "Tags", AddTagsToResourceRequest.class, TAGS, arn,
        item -> {
          Map<String, String> map = new LinkedHashMap<>();
          if (item != null) {
            item.tags().forEach(t -> map.put(t.key(), t.value()));
          }
          Map<String, String> out = change.apply(map);
          if (out.size() > MAX_TAGS) {
            throw AwsError.of(400, "TagQuotaPerResourceExceeded", "At most " + MAX_TAGS + " tags per resource.");
          }
          return AddTagsToResourceRequest.builder().resourceName(arn).tags(out.entrySet().stream()
              .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
        });
    return next.tags();
  }
}
