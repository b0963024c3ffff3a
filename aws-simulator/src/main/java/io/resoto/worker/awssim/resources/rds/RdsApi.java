package io.resoto.worker.awssim.resources.rds;

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
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.rds.model.AddTagsToResourceResponse;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttributesResult;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotAttributesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotAttributesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClusterSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotAttributesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotAttributesResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbSnapshotsResponse;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.rds.model.RemoveTagsFromResourceResponse;
import software.amazon.awssdk.services.rds.model.Tag;

/**
 * RDS (query protocol): DescribeDBInstances, DescribeDBClusters, DescribeDBSnapshots,
 * DescribeDBSnapshotAttributes, DescribeDBClusterSnapshots, DescribeDBClusterSnapshotAttributes,
 * AddTagsToResource and RemoveTagsFromResource, from the estate's {@code rds} collections:
 * {@code DBInstances} ({@link DBInstance}), {@code DBClusters} ({@link DBCluster}),
 * {@code DBSnapshots} ({@link DBSnapshot}), {@code DBClusterSnapshots} ({@link DBClusterSnapshot}),
 * {@code DBSnapshotAttributes} ({@link DBSnapshotAttributesResult}) and
 * {@code DBClusterSnapshotAttributes} ({@link DBClusterSnapshotAttributesResult}). Tags are each
 * item's {@code TagList}, which the tag calls change.
 *
 * <p>As in AWS: listings page by {@code MaxRecords} (20..100, default 100) and {@code Marker}
 * ({@code InvalidParameterValue} otherwise); an identifier filter naming nothing is
 * {@code DBInstanceNotFound}, {@code DBClusterNotFoundFault}, {@code DBSnapshotNotFound} or
 * {@code DBClusterSnapshotNotFoundFault}; a snapshot without attribute entry has the one attribute
 * every snapshot has, {@code restore} with no accounts; the tag calls take the resource ARN
 * (a resource holds at most 50 tags, {@code aws:} keys are refused).
 */
public final class RdsApi implements ResourceApi {

  private static final String S = "rds";
  private static final int MAX_TAGS = 50;

  private static final ItemKey<DBInstance> INSTANCE_ARN = ItemKey.of("DBInstanceArn", DBInstance::dbInstanceArn);
  private static final ItemKey<DBCluster> CLUSTER_ARN = ItemKey.of("DBClusterArn", DBCluster::dbClusterArn);
  private static final ItemKey<DBSnapshot> SNAPSHOT_ARN = ItemKey.of("DBSnapshotArn", DBSnapshot::dbSnapshotArn);
  private static final ItemKey<DBClusterSnapshot> CLUSTER_SNAPSHOT_ARN =
      ItemKey.of("DBClusterSnapshotArn", DBClusterSnapshot::dbClusterSnapshotArn);
  private static final ItemKey<DBSnapshot> SNAPSHOT_ID = ItemKey.of("DBSnapshotIdentifier", DBSnapshot::dbSnapshotIdentifier);
  private static final ItemKey<DBClusterSnapshot> CLUSTER_SNAPSHOT_ID =
      ItemKey.of("DBClusterSnapshotIdentifier", DBClusterSnapshot::dbClusterSnapshotIdentifier);
  private static final ItemKey<DBSnapshotAttributesResult> SNAPSHOT_ATTRIBUTES =
      ItemKey.of("DBSnapshotIdentifier", DBSnapshotAttributesResult::dbSnapshotIdentifier);
  private static final ItemKey<DBClusterSnapshotAttributesResult> CLUSTER_SNAPSHOT_ATTRIBUTES =
      ItemKey.of("DBClusterSnapshotIdentifier", DBClusterSnapshotAttributesResult::dbClusterSnapshotIdentifier);

  /** Registered in {@code ResourceApis.ALL}. */
  public RdsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeDbInstancesRequest.class, (ctx, req) -> {
      Page<DBInstance> page = page(ctx, "DescribeDBInstances", store.regional(ctx, S, "DBInstances", DBInstance.class),
          DBInstance::dbInstanceIdentifier, req.dbInstanceIdentifier(), "DBInstanceNotFound",
          req.marker(), req.maxRecords());
      return DescribeDbInstancesResponse.builder().dbInstances(page.items()).marker(page.nextToken()).build();
    });
    registry.on(DescribeDbClustersRequest.class, (ctx, req) -> {
      Page<DBCluster> page = page(ctx, "DescribeDBClusters", store.regional(ctx, S, "DBClusters", DBCluster.class),
          DBCluster::dbClusterIdentifier, req.dbClusterIdentifier(), "DBClusterNotFoundFault",
          req.marker(), req.maxRecords());
      return DescribeDbClustersResponse.builder().dbClusters(page.items()).marker(page.nextToken()).build();
    });
    registry.on(DescribeDbSnapshotsRequest.class, (ctx, req) -> {
      Page<DBSnapshot> page = page(ctx, "DescribeDBSnapshots", store.regional(ctx, S, "DBSnapshots", DBSnapshot.class),
          DBSnapshot::dbSnapshotIdentifier, req.dbSnapshotIdentifier(), "DBSnapshotNotFound",
          req.marker(), req.maxRecords());
      return DescribeDbSnapshotsResponse.builder().dbSnapshots(page.items()).marker(page.nextToken()).build();
    });
    registry.on(DescribeDbClusterSnapshotsRequest.class, (ctx, req) -> {
      Page<DBClusterSnapshot> page = page(ctx, "DescribeDBClusterSnapshots",
          store.regional(ctx, S, "DBClusterSnapshots", DBClusterSnapshot.class),
          DBClusterSnapshot::dbClusterSnapshotIdentifier, req.dbClusterSnapshotIdentifier(),
          "DBClusterSnapshotNotFoundFault", req.marker(), req.maxRecords());
      return DescribeDbClusterSnapshotsResponse.builder().dbClusterSnapshots(page.items()).marker(page.nextToken()).build();
    });
    registry.on(DescribeDbSnapshotAttributesRequest.class, (ctx, req) -> {
      String id = req.dbSnapshotIdentifier();
      if (id == null || store.findRegional(ctx, S, "DBSnapshots", DBSnapshot.class, SNAPSHOT_ID, id) == null) {
        throw AwsError.of(404, "DBSnapshotNotFound", "DBSnapshot " + id + " not found.");
      }
      DBSnapshotAttributesResult r = store.findRegional(ctx, S, "DBSnapshotAttributes", DBSnapshotAttributesResult.class,
          SNAPSHOT_ATTRIBUTES, id);
      return DescribeDbSnapshotAttributesResponse.builder().dbSnapshotAttributesResult(r != null ? r
          : DBSnapshotAttributesResult.builder().dbSnapshotIdentifier(id)
              .dbSnapshotAttributes(a -> a.attributeName("restore").attributeValues(List.of())).build()).build();
    });
    registry.on(DescribeDbClusterSnapshotAttributesRequest.class, (ctx, req) -> {
      String id = req.dbClusterSnapshotIdentifier();
      if (id == null || store.findRegional(ctx, S, "DBClusterSnapshots", DBClusterSnapshot.class, CLUSTER_SNAPSHOT_ID, id) == null) {
        throw AwsError.of(404, "DBClusterSnapshotNotFoundFault", "DBClusterSnapshot " + id + " not found.");
      }
      DBClusterSnapshotAttributesResult r = store.findRegional(ctx, S, "DBClusterSnapshotAttributes",
          DBClusterSnapshotAttributesResult.class, CLUSTER_SNAPSHOT_ATTRIBUTES, id);
      return DescribeDbClusterSnapshotAttributesResponse.builder().dbClusterSnapshotAttributesResult(r != null ? r
          : DBClusterSnapshotAttributesResult.builder().dbClusterSnapshotIdentifier(id)
              .dbClusterSnapshotAttributes(a -> a.attributeName("restore").attributeValues(List.of())).build()).build();
    });
    registry.on(AddTagsToResourceRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())) {
          throw AwsError.of(400, "InvalidParameterValue", "Tag key " + t.key() + " is not valid.");
        }
      }
      changeTags(store, ctx, req.resourceName(), tags -> {
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TagQuotaPerResourceExceeded", "Too many tags for resource " + req.resourceName());
        }
      });
      return AddTagsToResourceResponse.builder().build();
    });
    registry.on(RemoveTagsFromResourceRequest.class, (ctx, req) -> {
      changeTags(store, ctx, req.resourceName(), tags -> req.tagKeys().forEach(tags::remove));
      return RemoveTagsFromResourceResponse.builder().build();
    });
  }

  private interface TagChange {
    void apply(Map<String, String> tags);
  }

  /** Changes the TagList of the resource an ARN names, whichever collection it is in. */
  private static void changeTags(ResourceStore store, CallContext ctx, String arn, TagChange change) {
    String type = arn == null ? "" : arn.split(":").length > 5 ? arn.split(":")[5] : "";
    switch (type) {
      case "db" -> update(store, ctx, "DBInstances", DBInstance.class, INSTANCE_ARN, arn, "DBInstanceNotFound",
          i -> i.toBuilder().tagList(changed(i.tagList(), change)).build());
      case "cluster" -> update(store, ctx, "DBClusters", DBCluster.class, CLUSTER_ARN, arn, "DBClusterNotFoundFault",
          c -> c.toBuilder().tagList(changed(c.tagList(), change)).build());
      case "snapshot" -> update(store, ctx, "DBSnapshots", DBSnapshot.class, SNAPSHOT_ARN, arn, "DBSnapshotNotFound",
          s -> s.toBuilder().tagList(changed(s.tagList(), change)).build());
      case "cluster-snapshot" -> update(store, ctx, "DBClusterSnapshots", DBClusterSnapshot.class, CLUSTER_SNAPSHOT_ARN,
          arn, "DBClusterSnapshotNotFoundFault", s -> s.toBuilder().tagList(changed(s.tagList(), change)).build());
      default -> throw AwsError.of(400, "InvalidParameterValue", "Invalid resource name: " + arn);
    }
  }

  private static <T extends SdkPojo> void update(ResourceStore store, CallContext ctx, String collection, Class<T> type,
      ItemKey<T> key, String arn, String notFound, UnaryOperator<T> change) {
    store.updateRegional(ctx, S, collection, type, key, arn, item -> {
      if (item == null) {
        throw AwsError.of(404, notFound, arn + " not found.");
      }
      return change.apply(item);
    });
  }

  private static List<Tag> changed(List<Tag> tagList, TagChange change) {
    Map<String, String> tags = new LinkedHashMap<>();
    tagList.forEach(t -> tags.put(t.key(), t.value()));
    change.apply(tags);
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static <T> Page<T> page(CallContext ctx, String op, List<T> all, Function<T, String> id, String wanted,
      String notFound, String marker, Integer maxRecords) {
    List<T> items = all;
    if (wanted != null) {
      items = all.stream().filter(i -> wanted.equals(id.apply(i)) || wanted.endsWith(":" + id.apply(i))).toList();
      if (items.isEmpty()) {
        throw AwsError.of(404, notFound, wanted + " not found.");
      }
    }
    if (maxRecords != null && (maxRecords < 20 || maxRecords > 100)) {
      throw AwsError.of(400, "InvalidParameterValue", "Invalid value " + maxRecords + " for MaxRecords. Must be between 20 and 100");
    }
    try {
      return Page.of(items, "rds:" + op + ":" + ctx.caller().accountId() + ":" + ctx.region() + ":" + wanted,
          marker, maxRecords, 100, 100);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterValue", "The marker is not valid for this listing.");
    }
  }
}
