package io.resoto.worker.awssim.resources.redshift;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.CreateTagsRequest;
import software.amazon.awssdk.services.redshift.model.CreateTagsResponse;
import software.amazon.awssdk.services.redshift.model.DeleteTagsRequest;
import software.amazon.awssdk.services.redshift.model.DeleteTagsResponse;
import software.amazon.awssdk.services.redshift.model.DescribeClustersRequest;
import software.amazon.awssdk.services.redshift.model.DescribeClustersResponse;
import software.amazon.awssdk.services.redshift.model.DescribeLoggingStatusRequest;
import software.amazon.awssdk.services.redshift.model.DescribeLoggingStatusResponse;
import software.amazon.awssdk.services.redshift.model.EnableLoggingRequest;
import software.amazon.awssdk.services.redshift.model.Tag;

/**
 * Redshift clusters (query protocol): DescribeClusters, DescribeLoggingStatus, CreateTags and
 * DeleteTags, from the estate's {@code redshift} collections: {@code Clusters} ({@link Cluster},
 * tags in its {@code Tags}) and {@code LoggingStatuses} ({@link EnableLoggingRequest}:
 * ClusterIdentifier, BucketName, S3KeyPrefix, LogDestinationType, LogExports: the logging that is
 * on; a cluster without entry logs nothing).
 *
 * <p>As in AWS: DescribeClusters pages by {@code MaxRecords} (20..100, default 100) and
 * {@code Marker} ({@code InvalidParameterValue} otherwise); an unknown cluster is
 * {@code ClusterNotFound} (404); the tag calls take the cluster ARN
 * ({@code arn:aws:redshift:<region>:<account>:cluster:<id>}; another is {@code InvalidTag} /
 * {@code ResourceNotFound}), at most 50 tags per resource ({@code TagLimitExceeded}).
 */
public final class RedshiftApi implements ResourceApi {

  private static final String S = "redshift";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<Cluster> CLUSTER = ItemKey.of("ClusterIdentifier", Cluster::clusterIdentifier);
  private static final ItemKey<EnableLoggingRequest> LOGGING =
      ItemKey.of("ClusterIdentifier", EnableLoggingRequest::clusterIdentifier);

  /** Registered in {@code ResourceApis.ALL}. */
  public RedshiftApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeClustersRequest.class, (ctx, req) -> {
      List<Cluster> all = req.clusterIdentifier() == null ? store.regional(ctx, S, "Clusters", Cluster.class)
          : List.of(cluster(store, ctx, req.clusterIdentifier()));
      if (req.maxRecords() != null && (req.maxRecords() < 20 || req.maxRecords() > 100)) {
        throw AwsError.of(400, "InvalidParameterValue", "MaxRecords must be between 20 and 100");
      }
      Page<Cluster> page;
      try {
        page = Page.of(all, "redshift:DescribeClusters:" + ctx.caller().accountId() + ":" + ctx.region() + ":"
            + req.clusterIdentifier(), req.marker(), req.maxRecords(), 100, 100);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidParameterValue", "The marker is not valid for this listing.");
      }
      return DescribeClustersResponse.builder().clusters(page.items()).marker(page.nextToken()).build();
    });
    registry.on(DescribeLoggingStatusRequest.class, (ctx, req) -> {
      String id = cluster(store, ctx, req.clusterIdentifier()).clusterIdentifier();
      EnableLoggingRequest l = store.findRegional(ctx, S, "LoggingStatuses", EnableLoggingRequest.class, LOGGING, id);
      if (l == null) {
        return DescribeLoggingStatusResponse.builder().loggingEnabled(false).build();
      }
      return DescribeLoggingStatusResponse.builder().loggingEnabled(true).bucketName(l.bucketName())
          .s3KeyPrefix(l.s3KeyPrefix()).logDestinationType(l.logDestinationTypeAsString()).logExports(l.logExports())
          .build();
    });
    registry.on(CreateTagsRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())) {
          throw AwsError.of(400, "InvalidTagFault", "Tag key " + t.key() + " is not valid.");
        }
      }
      String id = clusterIdOf(store, ctx, req.resourceName());
      store.updateRegional(ctx, S, "Clusters", Cluster.class, CLUSTER, id, c -> {
        Map<String, String> tags = new LinkedHashMap<>();
        c.tags().forEach(t -> tags.put(t.key(), t.value()));
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TagLimitExceededFault", "You have exceeded the number of tags allowed.");
        }
        return c.toBuilder().tags(tags.entrySet().stream()
            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
      });
      return CreateTagsResponse.builder().build();
    });
    registry.on(DeleteTagsRequest.class, (ctx, req) -> {
      String id = clusterIdOf(store, ctx, req.resourceName());
      store.updateRegional(ctx, S, "Clusters", Cluster.class, CLUSTER, id,
          c -> c.toBuilder().tags(c.tags().stream().filter(t -> !req.tagKeys().contains(t.key())).toList()).build());
      return DeleteTagsResponse.builder().build();
    });
  }

  private static String clusterIdOf(ResourceStore store, CallContext ctx, String arn) {
    String prefix = "arn:aws:redshift:" + ctx.region() + ":" + ctx.caller().accountId() + ":cluster:";
    if (arn == null || !arn.startsWith(prefix)) {
      throw AwsError.of(400, "InvalidTagFault", "The ARN " + arn + " is not a cluster of this account and region.");
    }
    String id = arn.substring(prefix.length());
    if (store.findRegional(ctx, S, "Clusters", Cluster.class, CLUSTER, id) == null) {
      throw AwsError.of(404, "ResourceNotFoundFault", "The resource " + arn + " could not be found.");
    }
    return id;
  }

  private static Cluster cluster(ResourceStore store, CallContext ctx, String id) {
    Cluster c = id == null ? null : store.findRegional(ctx, S, "Clusters", Cluster.class, CLUSTER, id);
    if (c == null) {
      throw AwsError.of(404, "ClusterNotFound", "Cluster " + id + " not found.");
    }
    return c;
  }
}
