package io.resoto.worker.awssim.resources.cloudtrail;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.model.SdkObjects;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.AddTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.DescribeTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetInsightSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusRequest;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListTrailsResponse;
import software.amazon.awssdk.services.cloudtrail.model.PutEventSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.PutInsightSelectorsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsRequest;
import software.amazon.awssdk.services.cloudtrail.model.RemoveTagsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ResourceTag;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;

/**
 * CloudTrail trails (JSON 1.1): ListTrails, DescribeTrails, GetTrail, GetTrailStatus, ListTags,
 * GetEventSelectors, GetInsightSelectors, AddTags and RemoveTags, from the estate's
 * {@code cloudtrail} collections: {@code Trails} (GetTrail's {@link Trail}), and beside them
 * {@code TrailTags} ({@link AddTagsRequest}: ResourceId = the trail ARN, TagsList),
 * {@code EventSelectors} ({@link PutEventSelectorsRequest}: TrailName, EventSelectors,
 * AdvancedEventSelectors), {@code InsightSelectors} ({@link PutInsightSelectorsRequest}: TrailName,
 * InsightSelectors) and {@code TrailStatuses} (mappings of {@code Name} and {@code Status}, the
 * latter in GetTrailStatus' answer's shape; a trail without one is not logging).
 *
 * <p>As in AWS: ListTrails in a region answers the trails homed there and the account's
 * multi-region trails of every other region, 50 per page with {@code NextToken} (a foreign token
 * is {@code InvalidNextTokenException}); DescribeTrails answers the trails homed in the region and,
 * unless {@code includeShadowTrails} is false, the account's multi-region trails of other regions,
 * all at once, or only those of its {@code trailNameList} (names or ARNs; unknown ones are left
 * out); a trail is named by its name (in its home region) or by
 * its ARN (from any region), an unknown one is {@code TrailNotFoundException}; ListTags takes up
 * to 20 ARNs ({@code InvalidParameterException}), an unknown one is
 * {@code ResourceNotFoundException}; GetInsightSelectors of a trail without Insights is
 * {@code InsightNotEnabledException}; a trail holds at most 50 tags
 * ({@code TagsLimitExceededException}).
 */
public final class CloudTrailApi implements ResourceApi {

  private static final String SERVICE = "cloudtrail";
  private static final int PAGE = 50;
  private static final int MAX_TAGS = 50;
  private static final ItemKey<Trail> BY_ARN = ItemKey.of("TrailARN", Trail::trailARN);
  private static final ItemKey<Trail> BY_NAME = ItemKey.of("Name", Trail::name);
  private static final ItemKey<AddTagsRequest> TAGS = ItemKey.of("ResourceId", AddTagsRequest::resourceId);
  private static final ItemKey<PutEventSelectorsRequest> SELECTORS =
      ItemKey.of("TrailName", PutEventSelectorsRequest::trailName);
  private static final ItemKey<PutInsightSelectorsRequest> INSIGHTS =
      ItemKey.of("TrailName", PutInsightSelectorsRequest::trailName);

  /** Registered in {@code ResourceApis.ALL}. */
  public CloudTrailApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListTrailsRequest.class, (ctx, req) -> {
      String account = ctx.caller().accountId();
      List<TrailInfo> all = new ArrayList<>();
      store.regional(ctx, SERVICE, "Trails", Trail.class).forEach(t -> all.add(info(t)));
      for (String region : store.estate().resources().regions(account)) {
        if (!region.equals(ctx.region())) {
          store.list(account, region, SERVICE, "Trails", Trail.class).stream()
              .filter(t -> Boolean.TRUE.equals(t.isMultiRegionTrail())).forEach(t -> all.add(info(t)));
        }
      }
      Page<TrailInfo> page;
      try {
        page = Page.of(all, "cloudtrail:ListTrails:" + account + ":" + ctx.region(), req.nextToken(), null, PAGE, PAGE);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidNextTokenException", "Invalid NextToken.");
      }
      return ListTrailsResponse.builder().trails(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeTrailsRequest.class, (ctx, req) -> {
      List<Trail> out = new ArrayList<>();
      if (req.hasTrailNameList() && !req.trailNameList().isEmpty()) {
        for (String name : req.trailNameList()) {
          Trail t = name == null ? null : name.startsWith("arn:") ? byArn(store, ctx, name)
              : store.findRegional(ctx, SERVICE, "Trails", Trail.class, BY_NAME, name);
          if (t != null) {
            out.add(t);
          }
        }
      } else {
        out.addAll(store.regional(ctx, SERVICE, "Trails", Trail.class));
        if (!Boolean.FALSE.equals(req.includeShadowTrails())) {
          String account = ctx.caller().accountId();
          for (String region : store.estate().resources().regions(account)) {
            if (!region.equals(ctx.region())) {
              store.list(account, region, SERVICE, "Trails", Trail.class).stream()
                  .filter(t -> Boolean.TRUE.equals(t.isMultiRegionTrail())).forEach(out::add);
            }
          }
        }
      }
      return DescribeTrailsResponse.builder().trailList(out).build();
    });
    registry.on(GetTrailRequest.class, (ctx, req) -> GetTrailResponse.builder().trail(trail(store, ctx, req.name()))
        .build());
    registry.on(GetTrailStatusRequest.class, (ctx, req) -> {
      Trail t = trail(store, ctx, req.name());
      for (Object item : home(store, t, "TrailStatuses")) {
        if (item instanceof Map<?, ?> m && t.name().equals(m.get("Name")) && m.get("Status") instanceof Map<?, ?> s) {
          return SdkObjects.fromMap(GetTrailStatusResponse.class, s, "cloudtrail.TrailStatuses[" + t.name() + "]");
        }
      }
      return GetTrailStatusResponse.builder().isLogging(false).build();
    });
    registry.on(GetEventSelectorsRequest.class, (ctx, req) -> {
      Trail t = trail(store, ctx, req.trailName());
      PutEventSelectorsRequest s = store.find(account(t), region(t), SERVICE, "EventSelectors",
          PutEventSelectorsRequest.class, SELECTORS, t.name());
      return GetEventSelectorsResponse.builder().trailARN(t.trailARN())
          .eventSelectors(s == null ? List.of() : s.eventSelectors())
          .advancedEventSelectors(s == null ? null : s.advancedEventSelectors()).build();
    });
    registry.on(GetInsightSelectorsRequest.class, (ctx, req) -> {
      Trail t = trail(store, ctx, req.trailName());
      PutInsightSelectorsRequest s = store.find(account(t), region(t), SERVICE, "InsightSelectors",
          PutInsightSelectorsRequest.class, INSIGHTS, t.name());
      if (s == null || s.insightSelectors().isEmpty()) {
        throw AwsError.of(400, "InsightNotEnabledException", "Trail " + t.trailARN()
            + " does not have Insights enabled. Enable Insights on the trail, and try again.");
      }
      return GetInsightSelectorsResponse.builder().trailARN(t.trailARN()).insightSelectors(s.insightSelectors())
          .build();
    });
    registry.on(ListTagsRequest.class, (ctx, req) -> {
      if (req.resourceIdList().size() > 20) {
        throw AwsError.of(400, "InvalidParameterException", "ListTags takes at most 20 resource ids.");
      }
      List<ResourceTag> out = new ArrayList<>();
      for (String arn : req.resourceIdList()) {
        Trail t = byArn(store, ctx, arn);
        if (t == null) {
          throw AwsError.of(400, "ResourceNotFoundException", "Resource " + arn + " not found.");
        }
        AddTagsRequest tags = store.find(account(t), region(t), SERVICE, "TrailTags", AddTagsRequest.class, TAGS,
            t.trailARN());
        out.add(ResourceTag.builder().resourceId(t.trailARN()).tagsList(tags == null ? List.of() : tags.tagsList())
            .build());
      }
      return ListTagsResponse.builder().resourceTagList(out).build();
    });
    registry.on(AddTagsRequest.class, (ctx, req) -> {
      Trail t = writable(store, ctx, req.resourceId());
      for (Tag tag : req.tagsList()) {
        if (!TagRules.isUserKey(tag.key())
            || (tag.value() != null && tag.value().length() > 256)) {
          throw AwsError.of(400, "InvalidTagParameterException", "Tag " + tag.key() + " is not valid.");
        }
      }
      store.updateRegional(ctx, SERVICE, "TrailTags", AddTagsRequest.class, TAGS, t.trailARN(), entry -> {
        Map<String, String> tags = asMap(entry);
        req.tagsList().forEach(tag -> tags.put(tag.key(), tag.value() == null ? "" : tag.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TagsLimitExceededException", "A trail holds at most " + MAX_TAGS + " tags.");
        }
        return AddTagsRequest.builder().resourceId(t.trailARN()).tagsList(asList(tags)).build();
      });
      return AddTagsResponse.builder().build();
    });
    registry.on(RemoveTagsRequest.class, (ctx, req) -> {
      Trail t = writable(store, ctx, req.resourceId());
      store.updateRegional(ctx, SERVICE, "TrailTags", AddTagsRequest.class, TAGS, t.trailARN(), entry -> {
        Map<String, String> tags = asMap(entry);
        req.tagsList().forEach(tag -> tags.remove(tag.key()));
        return AddTagsRequest.builder().resourceId(t.trailARN()).tagsList(asList(tags)).build();
      });
      return RemoveTagsResponse.builder().build();
    });
  }

  private static TrailInfo info(Trail t) {
    return TrailInfo.builder().trailARN(t.trailARN()).name(t.name()).homeRegion(t.homeRegion()).build();
  }

  /** The trail a name (in the call's region) or an ARN (any region of the caller's account) names. */
  private static Trail trail(ResourceStore store, CallContext ctx, String nameOrArn) {
    Trail t = nameOrArn == null ? null : nameOrArn.startsWith("arn:") ? byArn(store, ctx, nameOrArn)
        : store.findRegional(ctx, SERVICE, "Trails", Trail.class, BY_NAME, nameOrArn);
    if (t == null) {
      throw AwsError.of(400, "TrailNotFoundException", "Unknown trail: " + nameOrArn + " for the user: "
          + ctx.caller().accountId());
    }
    return t;
  }

  private static Trail byArn(ResourceStore store, CallContext ctx, String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[4].equals(ctx.caller().accountId())) {
      return null;
    }
    store.regional(ctx, SERVICE, "Trails", Trail.class); // the caller's region must be enabled
    return store.find(parts[4], parts[3], SERVICE, "Trails", Trail.class, BY_ARN, arn);
  }

  /** Tags are written in the trail's home region, as AWS requires. */
  private static Trail writable(ResourceStore store, CallContext ctx, String arn) {
    Trail t = arn == null ? null : byArn(store, ctx, arn);
    if (t == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "Resource " + arn + " not found.");
    }
    if (!ctx.region().equals(region(t))) {
      throw AwsError.of(400, "InvalidHomeRegionException",
          "This operation must be called from the trail's home region " + region(t) + ".");
    }
    return t;
  }

  private static List<?> home(ResourceStore store, Trail t, String collection) {
    Object data = store.estate().resources().get(account(t), region(t), SERVICE);
    Object items = data instanceof Map<?, ?> m ? m.get(collection) : null;
    return items instanceof List<?> l ? l : List.of();
  }

  private static String account(Trail t) {
    return t.trailARN().split(":")[4];
  }

  private static String region(Trail t) {
    return t.homeRegion() != null ? t.homeRegion() : t.trailARN().split(":")[3];
  }

  private static Map<String, String> asMap(AddTagsRequest entry) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (entry != null) {
      entry.tagsList().forEach(t -> tags.put(t.key(), t.value()));
    }
    return tags;
  }

  private static List<Tag> asList(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }
}
