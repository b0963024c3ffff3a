package io.resoto.worker.awssim.resources.logs;

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
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeMetricFiltersResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourcePolicy;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceResponse;

/**
 * CloudWatch Logs (JSON 1.1, target prefix {@code Logs_20140328}, signing name {@code logs}):
 * DescribeLogGroups, DescribeMetricFilters, DescribeResourcePolicies, ListTagsForResource,
 * TagResource and UntagResource, from the estate's regional {@code logs} collections
 * {@code LogGroups} ({@link LogGroup}, DescribeLogGroups' shape), {@code MetricFilters}
 * ({@link MetricFilter}), {@code ResourcePolicies} ({@link ResourcePolicy}) and {@code Tags}
 * ({@link TagResourceRequest}: resourceArn, tags) keyed by the log group's ARN without the
 * trailing {@code :*}.
 *
 * <p>As in AWS: the listings page by {@code limit} (1..50, default 50) and an opaque
 * {@code nextToken} ({@code InvalidParameterException} for a foreign one); DescribeLogGroups
 * filters by {@code logGroupNamePrefix} or {@code logGroupNamePattern} (not both), by
 * {@code logGroupClass}; DescribeMetricFilters by {@code logGroupName} (unknown group:
 * {@code ResourceNotFoundException}), {@code filterNamePrefix} (only with a group) and
 * {@code metricName} with {@code metricNamespace}; an unknown log group ARN is
 * {@code ResourceNotFoundException}; tag keys starting with {@code aws:} are refused; a group
 * holds at most 50 tags.
 */
public final class CloudWatchLogsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<LogGroup> GROUP = ItemKey.of("logGroupName", LogGroup::logGroupName);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("resourceArn", TagResourceRequest::resourceArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public CloudWatchLogsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeLogGroupsRequest.class, (ctx, req) -> {
      if (req.logGroupNamePrefix() != null && req.logGroupNamePattern() != null) {
        throw AwsError.of(400, "InvalidParameterException",
            "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
      }
      List<LogGroup> groups = store.regional(ctx, "logs", "LogGroups", LogGroup.class).stream()
          .filter(g -> req.logGroupNamePrefix() == null || g.logGroupName().startsWith(req.logGroupNamePrefix()))
          .filter(g -> req.logGroupNamePattern() == null || g.logGroupName().toLowerCase()
              .contains(req.logGroupNamePattern().toLowerCase()))
          .filter(g -> req.logGroupClass() == null || req.logGroupClassAsString().equals(g.logGroupClassAsString()))
          .toList();
      Page<LogGroup> page = page(groups, ctx, "DescribeLogGroups:" + req.logGroupNamePrefix() + ":"
          + req.logGroupNamePattern() + ":" + req.logGroupClassAsString(), req.nextToken(), req.limit());
      return DescribeLogGroupsResponse.builder().logGroups(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeMetricFiltersRequest.class, (ctx, req) -> {
      if (req.logGroupName() != null) {
        group(store, ctx, req.logGroupName());
      } else if (req.filterNamePrefix() != null) {
        throw AwsError.of(400, "InvalidParameterException", "The filterNamePrefix parameter requires logGroupName.");
      }
      if ((req.metricName() == null) != (req.metricNamespace() == null)) {
        throw AwsError.of(400, "InvalidParameterException", "metricName and metricNamespace must be given together.");
      }
      List<MetricFilter> filters = store.regional(ctx, "logs", "MetricFilters", MetricFilter.class).stream()
          .filter(f -> req.logGroupName() == null || req.logGroupName().equals(f.logGroupName()))
          .filter(f -> req.filterNamePrefix() == null || f.filterName().startsWith(req.filterNamePrefix()))
          .filter(f -> req.metricName() == null || f.metricTransformations().stream()
              .anyMatch(t -> req.metricName().equals(t.metricName())
                  && req.metricNamespace().equals(t.metricNamespace())))
          .toList();
      Page<MetricFilter> page = page(filters, ctx, "DescribeMetricFilters:" + req.logGroupName() + ":"
          + req.filterNamePrefix() + ":" + req.metricName() + ":" + req.metricNamespace(), req.nextToken(),
          req.limit());
      return DescribeMetricFiltersResponse.builder().metricFilters(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeResourcePoliciesRequest.class, (ctx, req) -> {
      List<ResourcePolicy> policies = store.regional(ctx, "logs", "ResourcePolicies", ResourcePolicy.class).stream()
          .filter(p -> req.resourceArn() == null || req.resourceArn().equals(p.resourceArn()))
          .filter(p -> req.policyScope() == null || req.policyScopeAsString().equals(p.policyScopeAsString()))
          .toList();
      Page<ResourcePolicy> page = page(policies, ctx, "DescribeResourcePolicies:" + req.resourceArn() + ":"
          + req.policyScopeAsString(), req.nextToken(), req.limit());
      return DescribeResourcePoliciesResponse.builder().resourcePolicies(page.items()).nextToken(page.nextToken())
          .build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) -> {
      String arn = groupArn(store, ctx, req.resourceArn());
      TagResourceRequest entry = store.findRegional(ctx, "logs", "Tags", TagResourceRequest.class, TAGS, arn);
      return ListTagsForResourceResponse.builder().tags(entry == null ? Map.of() : entry.tags()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = groupArn(store, ctx, req.resourceArn());
      req.tags().forEach((k, v) -> {
        if (!TagRules.isUserKey(k) || !TagRules.isValue(v)) {
          throw AwsError.of(400, "InvalidParameterException", "Tag " + k + " is not valid.");
        }
      });
      store.updateRegional(ctx, "logs", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = new HashMap<>(entry == null ? Map.of() : entry.tags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TooManyTagsException", "A resource holds at most " + MAX_TAGS + " tags.");
        }
        return TagResourceRequest.builder().resourceArn(arn).tags(tags).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = groupArn(store, ctx, req.resourceArn());
      store.updateRegional(ctx, "logs", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = new HashMap<>(entry == null ? Map.of() : entry.tags());
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().resourceArn(arn).tags(tags).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T> Page<T> page(List<T> all, CallContext ctx, String listing, String token, Integer limit) {
    if (limit != null && (limit < 1 || limit > 50)) {
      throw AwsError.of(400, "InvalidParameterException", "1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 50");
    }
    try {
      return Page.of(all, "logs:" + ctx.caller().accountId() + ":" + ctx.region() + ":" + listing, token, limit, 50,
          50);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterException", "The specified nextToken is not valid.");
    }
  }

  private static LogGroup group(ResourceStore store, CallContext ctx, String name) {
    LogGroup g = store.findRegional(ctx, "logs", "LogGroups", LogGroup.class, GROUP, name);
    if (g == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }
    return g;
  }

  private static final Pattern GROUP_ARN = Pattern.compile("arn:[a-z-]+:logs:([a-z0-9-]+):(\\d{12}):log-group:(.+)");

  /** The ARN (without {@code :*}) of an existing log group of the caller's account and the call's region. */
  private static String groupArn(ResourceStore store, CallContext ctx, String arn) {
    var m = arn == null ? null : GROUP_ARN.matcher(arn);
    if (m == null || !m.matches() || m.group(3).endsWith(":*")) {
      throw AwsError.of(400, "InvalidParameterException", "The resourceArn " + arn + " is not a valid log group ARN.");
    }
    if (!m.group(1).equals(ctx.region()) || !m.group(2).equals(ctx.caller().accountId())) {
      throw AwsError.of(400, "ResourceNotFoundException", "The specified log group does not exist.");
    }
    group(store, ctx, m.group(3));
    return arn;
  }
}
