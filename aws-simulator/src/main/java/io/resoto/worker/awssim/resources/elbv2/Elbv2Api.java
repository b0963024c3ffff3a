package io.resoto.worker.awssim.resources.elbv2;

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
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetHealthResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RegisterTargetsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * Elastic Load Balancing v2 (query protocol): DescribeLoadBalancers, DescribeListeners,
 * DescribeTargetGroups, DescribeTargetHealth, DescribeTags, AddTags and RemoveTags, from the
 * estate's {@code elbv2} collections: {@code LoadBalancers} ({@link LoadBalancer}),
 * {@code Listeners} ({@link Listener}), {@code TargetGroups} ({@link TargetGroup}),
 * {@code Targets} ({@link RegisterTargetsRequest}: TargetGroupArn, Targets) and {@code Tags}
 * ({@link TagDescription}: ResourceArn, Tags).
 *
 * <p>As in AWS: the Describe calls page by {@code PageSize} (1..400) and {@code Marker}, a foreign
 * marker is {@code ValidationError}; an unknown load balancer, target group or listener ARN or
 * name is {@code LoadBalancerNotFound}, {@code TargetGroupNotFound}, {@code ListenerNotFound};
 * DescribeListeners needs a load balancer or listener ARNs; DescribeTags takes at most 20 ARNs; a
 * resource holds at most 50 tags ({@code TooManyTags}). A target's health follows the estate: an
 * EC2 instance that is running is {@code healthy}, one that is not is {@code unused}
 * ({@code Target.InvalidState}), an instance id the estate does not know is {@code unavailable}
 * ({@code Target.NotRegistered}); IP and Lambda targets are healthy.
 */
public final class Elbv2Api implements ResourceApi {

  private static final String S = "elbv2";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<TagDescription> TAGS = ItemKey.of("ResourceArn", TagDescription::resourceArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public Elbv2Api() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeLoadBalancersRequest.class, (ctx, req) -> {
      List<LoadBalancer> all = store.regional(ctx, S, "LoadBalancers", LoadBalancer.class);
      List<LoadBalancer> out = all;
      if (!req.loadBalancerArns().isEmpty() || !req.names().isEmpty()) {
        out = new ArrayList<>();
        for (String arn : req.loadBalancerArns()) {
          out.add(all.stream().filter(lb -> lb.loadBalancerArn().equals(arn)).findFirst()
              .orElseThrow(() -> AwsError.of(400, "LoadBalancerNotFound", "One or more load balancers not found")));
        }
        for (String name : req.names()) {
          out.add(all.stream().filter(lb -> lb.loadBalancerName().equals(name)).findFirst()
              .orElseThrow(() -> AwsError.of(400, "LoadBalancerNotFound", "One or more load balancers not found")));
        }
      }
      Page<LoadBalancer> page = page(out, listing(ctx, "DescribeLoadBalancers", ""), req.marker(), req.pageSize());
      return DescribeLoadBalancersResponse.builder().loadBalancers(page.items()).nextMarker(page.nextToken()).build();
    });
    registry.on(DescribeListenersRequest.class, (ctx, req) -> {
      List<Listener> all = store.regional(ctx, S, "Listeners", Listener.class);
      List<Listener> out;
      if (req.loadBalancerArn() != null) {
        loadBalancer(store, ctx, req.loadBalancerArn());
        out = all.stream().filter(l -> req.loadBalancerArn().equals(l.loadBalancerArn())).toList();
      } else if (!req.listenerArns().isEmpty()) {
        out = new ArrayList<>();
        for (String arn : req.listenerArns()) {
          out.add(all.stream().filter(l -> l.listenerArn().equals(arn)).findFirst()
              .orElseThrow(() -> AwsError.of(400, "ListenerNotFound", "One or more listeners not found")));
        }
      } else {
        throw AwsError.of(400, "ValidationError", "You must specify either listener ARNs or a load balancer ARN");
      }
      Page<Listener> page = page(out, listing(ctx, "DescribeListeners", String.valueOf(req.loadBalancerArn())),
          req.marker(), req.pageSize());
      return DescribeListenersResponse.builder().listeners(page.items()).nextMarker(page.nextToken()).build();
    });
    registry.on(DescribeTargetGroupsRequest.class, (ctx, req) -> {
      List<TargetGroup> all = store.regional(ctx, S, "TargetGroups", TargetGroup.class);
      List<TargetGroup> out = all;
      if (req.loadBalancerArn() != null) {
        loadBalancer(store, ctx, req.loadBalancerArn());
        out = all.stream().filter(t -> t.loadBalancerArns().contains(req.loadBalancerArn())).toList();
      } else if (!req.targetGroupArns().isEmpty() || !req.names().isEmpty()) {
        out = new ArrayList<>();
        for (String arn : req.targetGroupArns()) {
          out.add(targetGroup(store, ctx, arn));
        }
        for (String name : req.names()) {
          out.add(all.stream().filter(t -> t.targetGroupName().equals(name)).findFirst()
              .orElseThrow(() -> AwsError.of(400, "TargetGroupNotFound", "One or more target groups not found")));
        }
      }
      Page<TargetGroup> page = page(out, listing(ctx, "DescribeTargetGroups", String.valueOf(req.loadBalancerArn())),
          req.marker(), req.pageSize());
      return DescribeTargetGroupsResponse.builder().targetGroups(page.items()).nextMarker(page.nextToken()).build();
    });
    registry.on(DescribeTargetHealthRequest.class, (ctx, req) -> {
      TargetGroup group = targetGroup(store, ctx, req.targetGroupArn());
      Map<String, String> states = new LinkedHashMap<>();
      for (Reservation r : store.regional(ctx, "ec2", "Reservations", Reservation.class)) {
        for (Instance i : r.instances()) {
          states.put(i.instanceId(), i.state() == null ? "unknown" : i.state().nameAsString());
        }
      }
      List<TargetHealthDescription> out = new ArrayList<>();
      for (RegisterTargetsRequest reg : store.regional(ctx, S, "Targets", RegisterTargetsRequest.class)) {
        if (!group.targetGroupArn().equals(reg.targetGroupArn())) {
          continue;
        }
        for (TargetDescription t : reg.targets()) {
          if (!req.targets().isEmpty() && req.targets().stream().noneMatch(q -> q.id().equals(t.id()))) {
            continue;
          }
          out.add(TargetHealthDescription.builder().target(t)
              .healthCheckPort(group.healthCheckPort() == null || "traffic-port".equals(group.healthCheckPort())
                  ? String.valueOf(t.port() != null ? t.port() : group.port()) : group.healthCheckPort())
              .targetHealth(health(t.id(), states)).build());
        }
      }
      return DescribeTargetHealthResponse.builder().targetHealthDescriptions(out).build();
    });
    registry.on(DescribeTagsRequest.class, (ctx, req) -> {
      if (req.resourceArns().size() > 20) {
        throw AwsError.of(400, "ValidationError", "ResourceArns: at most 20 ARNs may be given");
      }
      List<TagDescription> out = new ArrayList<>();
      for (String arn : req.resourceArns()) {
        requireResource(store, ctx, arn);
        TagDescription t = store.findRegional(ctx, S, "Tags", TagDescription.class, TAGS, arn);
        out.add(t != null ? t : TagDescription.builder().resourceArn(arn).tags(List.of()).build());
      }
      return DescribeTagsResponse.builder().tagDescriptions(out).build();
    });
    registry.on(AddTagsRequest.class, (ctx, req) -> {
      for (Tag tag : req.tags()) {
        if (!TagRules.isUserKey(tag.key())) {
          throw AwsError.of(400, "ValidationError", "Tag key " + tag.key() + " is not valid");
        }
      }
      for (String arn : req.resourceArns()) {
        requireResource(store, ctx, arn);
        store.updateRegional(ctx, S, "Tags", TagDescription.class, TAGS, arn, t -> {
          Map<String, String> tags = new LinkedHashMap<>();
          if (t != null) {
            t.tags().forEach(x -> tags.put(x.key(), x.value()));
          }
          req.tags().forEach(x -> tags.put(x.key(), x.value()));
          if (tags.size() > MAX_TAGS) {
            throw AwsError.of(400, "TooManyTags", "The quota for the number of tags that can be assigned to a load balancer has been reached");
          }
          return TagDescription.builder().resourceArn(arn)
              .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
              .build();
        });
      }
      return AddTagsResponse.builder().build();
    });
    registry.on(RemoveTagsRequest.class, (ctx, req) -> {
      for (String arn : req.resourceArns()) {
        requireResource(store, ctx, arn);
        store.updateRegional(ctx, S, "Tags", TagDescription.class, TAGS, arn, t -> t == null ? null
            : t.toBuilder().tags(t.tags().stream().filter(x -> !req.tagKeys().contains(x.key())).toList()).build());
      }
      return RemoveTagsResponse.builder().build();
    });
  }

  private static TargetHealth health(String id, Map<String, String> states) {
    if (!id.startsWith("i-")) {
      return TargetHealth.builder().state("healthy").build();
    }
    String state = states.get(id);
    if (state == null) {
      return TargetHealth.builder().state("unavailable").reason("Target.NotRegistered")
          .description("Target is not registered to the target group").build();
    }
    if (!"running".equals(state)) {
      return TargetHealth.builder().state("unused").reason("Target.InvalidState")
          .description("Target is in the " + state + " state").build();
    }
    return TargetHealth.builder().state("healthy").build();
  }

  private static void requireResource(ResourceStore store, CallContext ctx, String arn) {
    if (arn != null && arn.contains(":targetgroup/")) {
      targetGroup(store, ctx, arn);
    } else {
      loadBalancer(store, ctx, arn);
    }
  }

  private static LoadBalancer loadBalancer(ResourceStore store, CallContext ctx, String arn) {
    return store.regional(ctx, S, "LoadBalancers", LoadBalancer.class).stream()
        .filter(lb -> lb.loadBalancerArn().equals(arn)).findFirst()
        .orElseThrow(() -> AwsError.of(400, "LoadBalancerNotFound", "Load balancer '" + arn + "' not found"));
  }

  private static TargetGroup targetGroup(ResourceStore store, CallContext ctx, String arn) {
    return store.regional(ctx, S, "TargetGroups", TargetGroup.class).stream()
        .filter(t -> t.targetGroupArn().equals(arn)).findFirst()
        .orElseThrow(() -> AwsError.of(400, "TargetGroupNotFound", "Target groups '" + arn + "' not found"));
  }

  private static String listing(CallContext ctx, String op, String scope) {
    return "elbv2:" + op + ":" + ctx.caller().accountId() + ":" + ctx.region() + ":" + scope;
  }

  private static <T> Page<T> page(List<T> all, String listing, String marker, Integer pageSize) {
    try {
      return Page.of(all, listing, marker, pageSize, 400, 400);
    } catch (AwsError e) {
      throw AwsError.of(400, "ValidationError", e.getMessage());
    }
  }
}
