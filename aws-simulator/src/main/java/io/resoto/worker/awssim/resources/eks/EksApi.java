package io.resoto.worker.awssim.resources.eks;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.DescribeClusterRequest;
import software.amazon.awssdk.services.eks.model.DescribeClusterResponse;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsRequest;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.TagResourceRequest;
import software.amazon.awssdk.services.eks.model.TagResourceResponse;
import software.amazon.awssdk.services.eks.model.UntagResourceRequest;
import software.amazon.awssdk.services.eks.model.UntagResourceResponse;

/**
 * EKS (REST-JSON): ListClusters, DescribeCluster, ListNodegroups, DescribeNodegroup, TagResource
 * and UntagResource, from the estate's {@code eks} collections {@code Clusters} ({@link Cluster},
 * DescribeCluster's {@code cluster}) and {@code Nodegroups} ({@link Nodegroup}, DescribeNodegroup's
 * {@code nodegroup}, each naming its cluster in {@code clusterName}).
 *
 * <p>As in AWS: the listings page by {@code maxResults} (1..100, default 100) and
 * {@code nextToken}, a bad size or foreign token is {@code InvalidParameterException}; an unknown
 * cluster or node group is {@code ResourceNotFoundException}; the tag calls name the resource by
 * ARN ({@code NotFoundException} for an unknown one, {@code BadRequestException} for tag keys
 * starting with {@code aws:}); a resource holds at most 50 tags.
 */
public final class EksApi implements ResourceApi {

  private static final int MAX_RESULTS = 100;
  private static final int MAX_TAGS = 50;
  private static final ItemKey<Cluster> CLUSTER_BY_ARN = ItemKey.of("arn", Cluster::arn);
  private static final ItemKey<Nodegroup> NODEGROUP_BY_ARN = ItemKey.of("nodegroupArn", Nodegroup::nodegroupArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public EksApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListClustersRequest.class, (ctx, req) -> {
      List<String> names = clusters(store, ctx).stream().map(Cluster::name).toList();
      Page<String> page = page(names, "eks:ListClusters:" + ctx.caller().accountId() + ":" + ctx.region(),
          req.nextToken(), req.maxResults());
      return ListClustersResponse.builder().clusters(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeClusterRequest.class, (ctx, req) ->
        DescribeClusterResponse.builder().cluster(cluster(store, ctx, req.name())).build());
    registry.on(ListNodegroupsRequest.class, (ctx, req) -> {
      Cluster cluster = cluster(store, ctx, req.clusterName());
      List<String> names = nodegroups(store, ctx).stream().filter(n -> cluster.name().equals(n.clusterName()))
          .map(Nodegroup::nodegroupName).toList();
      Page<String> page = page(names, "eks:ListNodegroups:" + cluster.arn(), req.nextToken(), req.maxResults());
      return ListNodegroupsResponse.builder().nodegroups(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeNodegroupRequest.class, (ctx, req) -> {
      Cluster cluster = cluster(store, ctx, req.clusterName());
      Nodegroup ng = nodegroups(store, ctx).stream()
          .filter(n -> cluster.name().equals(n.clusterName()) && n.nodegroupName().equals(req.nodegroupName()))
          .findFirst().orElseThrow(() -> AwsError.of(404, "ResourceNotFoundException",
              "No node group found for name: " + req.nodegroupName() + "."));
      return DescribeNodegroupResponse.builder().nodegroup(ng).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      for (String key : req.tags().keySet()) {
        if (key.startsWith("aws:")) {
          throw AwsError.of(400, "BadRequestException", "Tag keys starting with aws: are reserved.");
        }
      }
      change(store, ctx, req.resourceArn(), tags -> tags.putAll(req.tags()));
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      change(store, ctx, req.resourceArn(), tags -> req.tagKeys().forEach(tags::remove));
      return UntagResourceResponse.builder().build();
    });
  }

  private static List<Cluster> clusters(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, "eks", "Clusters", Cluster.class);
  }

  private static List<Nodegroup> nodegroups(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, "eks", "Nodegroups", Nodegroup.class);
  }

  private static Cluster cluster(ResourceStore store, CallContext ctx, String name) {
    return clusters(store, ctx).stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> AwsError.of(404, "ResourceNotFoundException", "No cluster found for name: " + name + "."));
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, Integer maxResults) {
    try {
      return Page.of(all, listing, token, maxResults, MAX_RESULTS, MAX_RESULTS);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterException", e.getMessage());
    }
  }

  /** Changes the tags of the cluster or node group with this ARN. */
  private static void change(ResourceStore store, CallContext ctx, String arn,
      java.util.function.Consumer<Map<String, String>> change) {
    if (store.findRegional(ctx, "eks", "Clusters", Cluster.class, CLUSTER_BY_ARN, arn) != null) {
      store.updateRegional(ctx, "eks", "Clusters", Cluster.class, CLUSTER_BY_ARN, arn,
          c -> c.toBuilder().tags(changed(c.tags(), change)).build());
    } else if (store.findRegional(ctx, "eks", "Nodegroups", Nodegroup.class, NODEGROUP_BY_ARN, arn) != null) {
      store.updateRegional(ctx, "eks", "Nodegroups", Nodegroup.class, NODEGROUP_BY_ARN, arn,
          n -> n.toBuilder().tags(changed(n.tags(), change)).build());
    } else {
      throw AwsError.of(404, "NotFoundException", "Resource " + arn + " not found.");
    }
  }

  private static Map<String, String> changed(Map<String, String> tags,
      java.util.function.Consumer<Map<String, String>> change) {
    Map<String, String> out = new HashMap<>(tags);
    change.accept(out);
    if (out.size() > MAX_TAGS) {
      throw AwsError.of(400, "BadRequestException", "A resource can have at most " + MAX_TAGS + " tags.");
    }
    return out;
  }
}
