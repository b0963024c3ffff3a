package io.resoto.worker.awssim.resources.autoscaling;

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
import java.util.function.Consumer;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.CreateOrUpdateTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsRequest;
import software.amazon.awssdk.services.autoscaling.model.DeleteTagsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * EC2 Auto Scaling groups (AWS query): DescribeAutoScalingGroups, CreateOrUpdateTags and
 * DeleteTags, from the estate's {@code autoscaling.AutoScalingGroups} collection in
 * DescribeAutoScalingGroups' own shape ({@link AutoScalingGroup}, tags included).
 *
 * <p>As in AWS: the listing pages by {@code MaxRecords} (1..100, default 50) and
 * {@code NextToken} (a foreign token is {@code InvalidNextToken}); {@code AutoScalingGroupNames}
 * restricts it to those groups (unknown names are left out, not an error); {@code Filters} are not
 * simulated and refused; a tag names its group by {@code ResourceId} with {@code ResourceType}
 * {@code auto-scaling-group}, an unknown group is a {@code ValidationError}, keys starting with
 * {@code aws:} are refused, and a group holds at most 50 tags.
 */
public final class AutoScalingApi implements ResourceApi {

  private static final int MAX_RECORDS = 100;
  private static final int MAX_TAGS = 50;
  private static final String SERVICE = "autoscaling";
  private static final String GROUPS = "AutoScalingGroups";
  private static final ItemKey<AutoScalingGroup> BY_NAME =
      ItemKey.of("AutoScalingGroupName", AutoScalingGroup::autoScalingGroupName);

  /** Registered in {@code ResourceApis.ALL}. */
  public AutoScalingApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeAutoScalingGroupsRequest.class, (ctx, req) -> {
      if (req.hasFilters() && !req.filters().isEmpty()) {
        throw AwsError.of(400, "ValidationError", "Filters are not supported by this simulator.");
      }
      if (req.maxRecords() != null && (req.maxRecords() < 1 || req.maxRecords() > MAX_RECORDS)) {
        throw AwsError.of(400, "ValidationError", "1 validation error detected: Value '" + req.maxRecords()
            + "' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to "
            + MAX_RECORDS);
      }
      List<AutoScalingGroup> all = store.regional(ctx, SERVICE, GROUPS, AutoScalingGroup.class);
      if (req.hasAutoScalingGroupNames() && !req.autoScalingGroupNames().isEmpty()) {
        all = all.stream().filter(g -> req.autoScalingGroupNames().contains(g.autoScalingGroupName())).toList();
      }
      Page<AutoScalingGroup> page;
      try {
        page = Page.of(all, "autoscaling:DescribeAutoScalingGroups:" + ctx.caller().accountId() + ":" + ctx.region()
            + ":" + req.autoScalingGroupNames(), req.nextToken(), req.maxRecords(), 50, MAX_RECORDS);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidNextToken", "The token '" + req.nextToken() + "' is invalid.");
      }
      return DescribeAutoScalingGroupsResponse.builder().autoScalingGroups(page.items()).nextToken(page.nextToken())
          .build();
    });
    registry.on(CreateOrUpdateTagsRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())
            || (t.value() != null && t.value().length() > 256)) {
          throw AwsError.of(400, "ValidationError", "Tag key " + t.key() + " is not valid.");
        }
        update(store, ctx, t, tags -> {
          TagDescription old = tags.get(t.key());
          tags.put(t.key(), TagDescription.builder().resourceId(t.resourceId()).resourceType(t.resourceType())
              .key(t.key()).value(t.value() == null ? "" : t.value())
              .propagateAtLaunch(t.propagateAtLaunch() != null ? t.propagateAtLaunch()
                  : old != null && Boolean.TRUE.equals(old.propagateAtLaunch()))
              .build());
        });
      }
      return CreateOrUpdateTagsResponse.builder().build();
    });
    registry.on(DeleteTagsRequest.class, (ctx, req) -> {
      for (Tag t : req.tags()) {
        update(store, ctx, t, tags -> tags.remove(t.key()));
      }
      return DeleteTagsResponse.builder().build();
    });
  }

  private static void update(ResourceStore store, CallContext ctx, Tag tag,
      Consumer<Map<String, TagDescription>> change) {
    if (!"auto-scaling-group".equals(tag.resourceType())) {
      throw AwsError.of(400, "ValidationError", "ResourceType " + tag.resourceType() + " is not supported.");
    }
    String name = tag.resourceId();
    if (name == null || store.findRegional(ctx, SERVICE, GROUPS, AutoScalingGroup.class, BY_NAME, name) == null) {
      throw AwsError.of(400, "ValidationError", "AutoScalingGroup name not found - no such group: " + name);
    }
    store.updateRegional(ctx, SERVICE, GROUPS, AutoScalingGroup.class, BY_NAME, name, g -> {
      Map<String, TagDescription> tags = new LinkedHashMap<>();
      g.tags().forEach(t -> tags.put(t.key(), t));
      change.accept(tags);
      if (tags.size() > MAX_TAGS) {
        throw AwsError.of(400, "LimitExceeded", "A group holds at most " + MAX_TAGS + " tags.");
      }
      return g.toBuilder().tags(new ArrayList<>(tags.values())).build();
    });
  }
}
