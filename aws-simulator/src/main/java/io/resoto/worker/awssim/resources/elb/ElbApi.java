package io.resoto.worker.awssim.resources.elb;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancing.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancing.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.ConnectionDraining;
import software.amazon.awssdk.services.elasticloadbalancing.model.ConnectionSettings;
import software.amazon.awssdk.services.elasticloadbalancing.model.CrossZoneLoadBalancing;
import software.amazon.awssdk.services.elasticloadbalancing.model.AccessLog;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancerAttributesResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.ModifyLoadBalancerAttributesRequest;
import software.amazon.awssdk.services.elasticloadbalancing.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancing.model.RemoveTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagKeyOnly;

/**
 * Classic Elastic Load Balancing (query protocol): DescribeLoadBalancers,
 * DescribeLoadBalancerAttributes, DescribeTags, AddTags and RemoveTags, from the estate's
 * {@code elb} collections: {@code LoadBalancerDescriptions} ({@link LoadBalancerDescription}),
 * {@code Attributes} ({@link ModifyLoadBalancerAttributesRequest}: LoadBalancerName,
 * LoadBalancerAttributes) and {@code Tags} ({@link TagDescription}: LoadBalancerName, Tags).
 *
 * <p>As in AWS: DescribeLoadBalancers pages by {@code PageSize} (1..400) and {@code Marker} (a
 * foreign marker is {@code ValidationError}); load balancers are named by name, an unknown one is
 * {@code LoadBalancerNotFound}; a load balancer without attribute entry has AWS's defaults
 * (cross-zone off, access log off, connection draining off with 300 s, idle timeout 60 s);
 * DescribeTags takes 1..20 names; a load balancer holds at most 50 tags ({@code TooManyTags}).
 */
public final class ElbApi implements ResourceApi {

  private static final String S = "elb";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<LoadBalancerDescription> LB =
      ItemKey.of("LoadBalancerName", LoadBalancerDescription::loadBalancerName);
  private static final ItemKey<ModifyLoadBalancerAttributesRequest> ATTRIBUTES =
      ItemKey.of("LoadBalancerName", ModifyLoadBalancerAttributesRequest::loadBalancerName);
  private static final ItemKey<TagDescription> TAGS = ItemKey.of("LoadBalancerName", TagDescription::loadBalancerName);

  /** Registered in {@code ResourceApis.ALL}. */
  public ElbApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeLoadBalancersRequest.class, (ctx, req) -> {
      List<LoadBalancerDescription> out = store.regional(ctx, S, "LoadBalancerDescriptions", LoadBalancerDescription.class);
      if (!req.loadBalancerNames().isEmpty()) {
        out = new ArrayList<>();
        for (String name : req.loadBalancerNames()) {
          out.add(loadBalancer(store, ctx, name));
        }
      }
      Page<LoadBalancerDescription> page;
      try {
        page = Page.of(out, "elb:DescribeLoadBalancers:" + ctx.caller().accountId() + ":" + ctx.region() + ":"
            + req.loadBalancerNames(), req.marker(), req.pageSize(), 400, 400);
      } catch (AwsError e) {
        throw AwsError.of(400, "ValidationError", e.getMessage());
      }
      return DescribeLoadBalancersResponse.builder().loadBalancerDescriptions(page.items())
          .nextMarker(page.nextToken()).build();
    });
    registry.on(DescribeLoadBalancerAttributesRequest.class, (ctx, req) -> {
      String name = loadBalancer(store, ctx, req.loadBalancerName()).loadBalancerName();
      ModifyLoadBalancerAttributesRequest a = store.findRegional(ctx, S, "Attributes",
          ModifyLoadBalancerAttributesRequest.class, ATTRIBUTES, name);
      return DescribeLoadBalancerAttributesResponse.builder()
          .loadBalancerAttributes(a != null ? a.loadBalancerAttributes() : defaults()).build();
    });
    registry.on(DescribeTagsRequest.class, (ctx, req) -> {
      if (req.loadBalancerNames().isEmpty() || req.loadBalancerNames().size() > 20) {
        throw AwsError.of(400, "ValidationError", "LoadBalancerNames: between 1 and 20 names must be given");
      }
      List<TagDescription> out = new ArrayList<>();
      for (String name : req.loadBalancerNames()) {
        loadBalancer(store, ctx, name);
        TagDescription t = store.findRegional(ctx, S, "Tags", TagDescription.class, TAGS, name);
        out.add(t != null ? t : TagDescription.builder().loadBalancerName(name).tags(List.of()).build());
      }
      return DescribeTagsResponse.builder().tagDescriptions(out).build();
    });
    registry.on(AddTagsRequest.class, (ctx, req) -> {
      for (Tag tag : req.tags()) {
        if (!TagRules.isUserKey(tag.key())) {
          throw AwsError.of(400, "InvalidTag", "Tag key " + tag.key() + " is not valid");
        }
      }
      for (String name : req.loadBalancerNames()) {
        loadBalancer(store, ctx, name);
        store.updateRegional(ctx, S, "Tags", TagDescription.class, TAGS, name, t -> {
          Map<String, String> tags = new LinkedHashMap<>();
          if (t != null) {
            t.tags().forEach(x -> tags.put(x.key(), x.value()));
          }
          req.tags().forEach(x -> tags.put(x.key(), x.value()));
          if (tags.size() > MAX_TAGS) {
            throw AwsError.of(400, "TooManyTags", "The quota for the number of tags that can be assigned to a load balancer has been reached");
          }
          return TagDescription.builder().loadBalancerName(name)
              .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
              .build();
        });
      }
      return AddTagsResponse.builder().build();
    });
    registry.on(RemoveTagsRequest.class, (ctx, req) -> {
      List<String> keys = req.tags().stream().map(TagKeyOnly::key).toList();
      for (String name : req.loadBalancerNames()) {
        loadBalancer(store, ctx, name);
        store.updateRegional(ctx, S, "Tags", TagDescription.class, TAGS, name, t -> t == null ? null
            : t.toBuilder().tags(t.tags().stream().filter(x -> !keys.contains(x.key())).toList()).build());
      }
      return RemoveTagsResponse.builder().build();
    });
  }

  private static LoadBalancerAttributes defaults() {
    return LoadBalancerAttributes.builder()
        .crossZoneLoadBalancing(CrossZoneLoadBalancing.builder().enabled(false).build())
        .accessLog(AccessLog.builder().enabled(false).build())
        .connectionDraining(ConnectionDraining.builder().enabled(false).timeout(300).build())
        .connectionSettings(ConnectionSettings.builder().idleTimeout(60).build()).build();
  }

  private static LoadBalancerDescription loadBalancer(ResourceStore store, CallContext ctx, String name) {
    LoadBalancerDescription lb = name == null ? null
        : store.findRegional(ctx, S, "LoadBalancerDescriptions", LoadBalancerDescription.class, LB, name);
    if (lb == null) {
      throw AwsError.of(400, "LoadBalancerNotFound", "There is no ACTIVE Load Balancer named '" + name + "'");
    }
    return lb;
  }
}
