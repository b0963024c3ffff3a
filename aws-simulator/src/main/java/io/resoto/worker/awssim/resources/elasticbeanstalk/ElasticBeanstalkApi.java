package io.resoto.worker.awssim.resources.elasticbeanstalk;

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
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeApplicationsRequest;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeApplicationsResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEnvironmentResourcesRequest;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEnvironmentResourcesResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEnvironmentsRequest;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEnvironmentsResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentResourceDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.elasticbeanstalk.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.Tag;
import software.amazon.awssdk.services.elasticbeanstalk.model.UpdateTagsForResourceRequest;
import software.amazon.awssdk.services.elasticbeanstalk.model.UpdateTagsForResourceResponse;

/**
 * Elastic Beanstalk (AWS query): DescribeApplications, DescribeEnvironments,
 * DescribeEnvironmentResources, ListTagsForResource and UpdateTagsForResource, from the estate's
 * {@code elasticbeanstalk} collections {@code Applications} ({@link ApplicationDescription}),
 * {@code Environments} ({@link EnvironmentDescription}), {@code EnvironmentResources}
 * ({@link EnvironmentResourceDescription}, by environment name) and {@code ResourceTags}
 * ({@link ListTagsForResourceResponse}: ResourceArn, ResourceTags).
 *
 * <p>As in AWS: DescribeApplications answers every application at once (filtered by
 * {@code ApplicationNames}); DescribeEnvironments pages by {@code MaxRecords} (1..1000) and
 * {@code NextToken}, filters by application, ids and names and leaves terminated environments out
 * unless {@code IncludeDeleted}; DescribeEnvironmentResources of an unknown or terminated
 * environment is {@code InvalidParameterValue}; the tag calls take the resource's ARN
 * ({@code ResourceNotFoundException} for an unknown one), refuse {@code aws:} keys and allow 50
 * tags.
 */
public final class ElasticBeanstalkApi implements ResourceApi {

  private static final String S = "elasticbeanstalk";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<ListTagsForResourceResponse> TAGS =
      ItemKey.of("ResourceArn", ListTagsForResourceResponse::resourceArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public ElasticBeanstalkApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeApplicationsRequest.class, (ctx, req) -> DescribeApplicationsResponse.builder()
        .applications(applications(store, ctx).stream()
            .filter(a -> req.applicationNames().isEmpty() || req.applicationNames().contains(a.applicationName()))
            .toList()).build());
    registry.on(DescribeEnvironmentsRequest.class, (ctx, req) -> {
      List<EnvironmentDescription> all = environments(store, ctx).stream()
          .filter(e -> req.applicationName() == null || req.applicationName().equals(e.applicationName()))
          .filter(e -> req.environmentIds().isEmpty() || req.environmentIds().contains(e.environmentId()))
          .filter(e -> req.environmentNames().isEmpty() || req.environmentNames().contains(e.environmentName()))
          .filter(e -> Boolean.TRUE.equals(req.includeDeleted()) || !"Terminated".equals(e.statusAsString()))
          .toList();
      Page<EnvironmentDescription> page;
      try {
        page = Page.of(all, "elasticbeanstalk:DescribeEnvironments:" + ctx.caller().accountId() + ":" + ctx.region()
            + ":" + req.applicationName() + ":" + req.environmentIds() + ":" + req.environmentNames() + ":"
            + req.includeDeleted(), req.nextToken(), req.maxRecords(), 1000, 1000);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidParameterValue", e.getMessage());
      }
      return DescribeEnvironmentsResponse.builder().environments(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeEnvironmentResourcesRequest.class, (ctx, req) -> {
      EnvironmentDescription env = environments(store, ctx).stream()
          .filter(e -> e.environmentId().equals(req.environmentId()) || e.environmentName().equals(req.environmentName()))
          .filter(e -> !"Terminated".equals(e.statusAsString()))
          .findFirst().orElseThrow(() -> AwsError.of(400, "InvalidParameterValue",
              "No Environment found for EnvironmentId = '" + req.environmentId() + "'."));
      EnvironmentResourceDescription resources = store.regional(ctx, S, "EnvironmentResources",
          EnvironmentResourceDescription.class).stream().filter(r -> env.environmentName().equals(r.environmentName()))
          .findFirst().orElse(EnvironmentResourceDescription.builder().environmentName(env.environmentName()).build());
      return DescribeEnvironmentResourcesResponse.builder().environmentResources(resources).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) -> {
      requireResource(store, ctx, req.resourceArn());
      ListTagsForResourceResponse tags = store.findRegional(ctx, S, "ResourceTags", ListTagsForResourceResponse.class,
          TAGS, req.resourceArn());
      return ListTagsForResourceResponse.builder().resourceArn(req.resourceArn())
          .resourceTags(tags == null ? List.of() : tags.resourceTags()).build();
    });
    registry.on(UpdateTagsForResourceRequest.class, (ctx, req) -> {
      requireResource(store, ctx, req.resourceArn());
      for (Tag t : req.tagsToAdd()) {
        if (t.key() == null || t.key().isEmpty() || t.key().startsWith("aws:")) {
          throw AwsError.of(400, "InvalidParameterValue", "Tag key " + t.key() + " is not valid.");
        }
      }
      store.updateRegional(ctx, S, "ResourceTags", ListTagsForResourceResponse.class, TAGS, req.resourceArn(), item -> {
        Map<String, String> map = new LinkedHashMap<>();
        if (item != null) {
          item.resourceTags().forEach(t -> map.put(t.key(), t.value()));
        }
        req.tagsToRemove().forEach(map::remove);
        req.tagsToAdd().forEach(t -> map.put(t.key(), t.value()));
        if (map.size() > MAX_TAGS) {
          throw AwsError.of(400, "TooManyTagsException", "At most " + MAX_TAGS + " tags per resource.");
        }
        return ListTagsForResourceResponse.builder().resourceArn(req.resourceArn()).resourceTags(map.entrySet()
            .stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
      });
      return UpdateTagsForResourceResponse.builder().build();
    });
  }

  private static List<ApplicationDescription> applications(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, S, "Applications", ApplicationDescription.class);
  }

  private static List<EnvironmentDescription> environments(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, S, "Environments", EnvironmentDescription.class);
  }

  private static void requireResource(ResourceStore store, CallContext ctx, String arn) {
    boolean known = arn != null && (applications(store, ctx).stream().anyMatch(a -> arn.equals(a.applicationArn()))
        || environments(store, ctx).stream().anyMatch(e -> arn.equals(e.environmentArn())));
    if (!known) {
      throw AwsError.of(400, "ResourceNotFoundException", "Resource " + arn + " not found.");
    }
  }
}
