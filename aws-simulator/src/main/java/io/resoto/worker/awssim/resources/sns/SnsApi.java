package io.resoto.worker.awssim.resources.sns;

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
import software.amazon.awssdk.services.sns.model.CreatePlatformApplicationRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.Endpoint;
import software.amazon.awssdk.services.sns.model.GetPlatformApplicationAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetPlatformApplicationAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListEndpointsByPlatformApplicationRequest;
import software.amazon.awssdk.services.sns.model.ListEndpointsByPlatformApplicationResponse;
import software.amazon.awssdk.services.sns.model.ListPlatformApplicationsRequest;
import software.amazon.awssdk.services.sns.model.ListPlatformApplicationsResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsRequest;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsResponse;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.PlatformApplication;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.model.TagResourceResponse;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sns.model.UntagResourceRequest;
import software.amazon.awssdk.services.sns.model.UntagResourceResponse;

/**
 * SNS (query protocol): ListTopics, GetTopicAttributes, ListTagsForResource, TagResource,
 * UntagResource, ListSubscriptions, GetSubscriptionAttributes, ListPlatformApplications,
 * GetPlatformApplicationAttributes and ListEndpointsByPlatformApplication, from the estate's
 * {@code sns} collections: {@code Topics} (CreateTopic's input, {@link CreateTopicRequest}:
 * {@code Name}, {@code Attributes} with the ones AWS sets, {@code Tags}), {@code Subscriptions}
 * (GetSubscriptionAttributes' answer, {@link GetSubscriptionAttributesResponse}: the
 * {@code Attributes} map, SubscriptionArn, TopicArn, Protocol, Endpoint and Owner included),
 * {@code PlatformApplications} (CreatePlatformApplication's input: {@code Name},
 * {@code Platform}, {@code Attributes} without credentials, which AWS never answers) and
 * {@code PlatformEndpoints} ({@link Endpoint}: EndpointArn, Attributes; the application is the
 * one the ARN names, {@code endpoint/<platform>/<app>/<id>}).
 *
 * <p>As in AWS: a topic's ARN is {@code arn:aws:sns:<region>:<account>:<name>}, an application's
 * {@code ...:app/<platform>/<name>}; ListTopics, ListSubscriptions and
 * ListEndpointsByPlatformApplication answer 100 items a page, ListPlatformApplications 15, with
 * a {@code NextToken} (a foreign one is {@code InvalidParameter}); an unknown topic, subscription
 * or application is {@code NotFound} (404); a topic holds at most 50 tags ({@code TagLimitExceeded}),
 * and keys starting with {@code aws:} are refused ({@code InvalidParameter}).
 */
public final class SnsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<CreateTopicRequest> TOPIC = ItemKey.of("Name", CreateTopicRequest::name);
  private static final ItemKey<GetSubscriptionAttributesResponse> SUBSCRIPTION =
      ItemKey.of("SubscriptionArn", s -> s.attributes().get("SubscriptionArn"));

  /** Registered in {@code ResourceApis.ALL}. */
  public SnsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListTopicsRequest.class, (ctx, req) -> {
      List<Topic> topics = store.regional(ctx, "sns", "Topics", CreateTopicRequest.class).stream()
          .map(t -> Topic.builder().topicArn(topicArn(ctx, t.name())).build()).toList();
      Page<Topic> page = page(topics, "sns:ListTopics:" + scope(ctx), req.nextToken(), 100);
      return ListTopicsResponse.builder().topics(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetTopicAttributesRequest.class, (ctx, req) -> {
      CreateTopicRequest t = topic(store, ctx, req.topicArn());
      Map<String, String> attributes = new LinkedHashMap<>(t.attributes());
      attributes.put("TopicArn", topicArn(ctx, t.name()));
      attributes.putIfAbsent("Owner", ctx.caller().accountId());
      return GetTopicAttributesResponse.builder().attributes(attributes).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) ->
        ListTagsForResourceResponse.builder().tags(topic(store, ctx, req.resourceArn()).tags()).build());
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String name = topic(store, ctx, req.resourceArn()).name();
      for (Tag tag : req.tags()) {
        if (!TagRules.isUserKey(tag.key())) {
          throw AwsError.of(400, "InvalidParameter", "Invalid parameter: Tags: tag key " + tag.key() + " is not valid");
        }
      }
      store.updateRegional(ctx, "sns", "Topics", CreateTopicRequest.class, TOPIC, name, t -> {
        Map<String, String> tags = new LinkedHashMap<>();
        t.tags().forEach(x -> tags.put(x.key(), x.value()));
        req.tags().forEach(x -> tags.put(x.key(), x.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TagLimitExceeded", "Could not complete request: tag quota of per resource exceeded");
        }
        return t.toBuilder().tags(asTags(tags)).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String name = topic(store, ctx, req.resourceArn()).name();
      store.updateRegional(ctx, "sns", "Topics", CreateTopicRequest.class, TOPIC, name, t -> {
        Map<String, String> tags = new LinkedHashMap<>();
        t.tags().forEach(x -> tags.put(x.key(), x.value()));
        req.tagKeys().forEach(tags::remove);
        return t.toBuilder().tags(asTags(tags)).build();
      });
      return UntagResourceResponse.builder().build();
    });
    registry.on(ListSubscriptionsRequest.class, (ctx, req) -> {
      List<Subscription> subscriptions = store.regional(ctx, "sns", "Subscriptions",
          GetSubscriptionAttributesResponse.class).stream().map(s -> s.attributes()).map(a -> Subscription.builder()
          .subscriptionArn(a.get("SubscriptionArn")).owner(a.get("Owner")).protocol(a.get("Protocol"))
          .endpoint(a.get("Endpoint")).topicArn(a.get("TopicArn")).build()).toList();
      Page<Subscription> page = page(subscriptions, "sns:ListSubscriptions:" + scope(ctx), req.nextToken(), 100);
      return ListSubscriptionsResponse.builder().subscriptions(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetSubscriptionAttributesRequest.class, (ctx, req) -> {
      GetSubscriptionAttributesResponse s = req.subscriptionArn() == null ? null : store.findRegional(ctx, "sns",
          "Subscriptions", GetSubscriptionAttributesResponse.class, SUBSCRIPTION, req.subscriptionArn());
      if (s == null) {
        throw AwsError.of(404, "NotFound", "Subscription does not exist");
      }
      return s;
    });
    registry.on(ListPlatformApplicationsRequest.class, (ctx, req) -> {
      List<PlatformApplication> apps = applications(store, ctx).stream().map(a -> PlatformApplication.builder()
          .platformApplicationArn(applicationArn(ctx, a)).attributes(a.attributes()).build()).toList();
      Page<PlatformApplication> page = page(apps, "sns:ListPlatformApplications:" + scope(ctx), req.nextToken(), 15);
      return ListPlatformApplicationsResponse.builder().platformApplications(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(GetPlatformApplicationAttributesRequest.class, (ctx, req) ->
        GetPlatformApplicationAttributesResponse.builder()
            .attributes(application(store, ctx, req.platformApplicationArn()).attributes()).build());
    registry.on(ListEndpointsByPlatformApplicationRequest.class, (ctx, req) -> {
      String appArn = applicationArn(ctx, application(store, ctx, req.platformApplicationArn()));
      // endpoint/<platform>/<name>/<id> belongs to app/<platform>/<name>
      String prefix = appArn.replace(":app/", ":endpoint/") + "/";
      List<Endpoint> endpoints = new ArrayList<>();
      for (Endpoint e : store.regional(ctx, "sns", "PlatformEndpoints", Endpoint.class)) {
        if (e.endpointArn() != null && e.endpointArn().startsWith(prefix)) {
          endpoints.add(e);
        }
      }
      Page<Endpoint> page = page(endpoints, "sns:ListEndpointsByPlatformApplication:" + appArn, req.nextToken(), 100);
      return ListEndpointsByPlatformApplicationResponse.builder().endpoints(page.items())
          .nextToken(page.nextToken()).build();
    });
  }

  private static String scope(CallContext ctx) {
    return ctx.caller().accountId() + ":" + ctx.region();
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, int size) {
    try {
      return Page.of(all, listing, token, size, size, size);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameter", "Invalid parameter: NextToken");
    }
  }

  private static List<Tag> asTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  /** arn:aws:sns:region:account:name */
  static String topicArn(CallContext ctx, String name) {
    return "arn:aws:sns:" + ctx.region() + ":" + ctx.caller().accountId() + ":" + name;
  }

  private static CreateTopicRequest topic(ResourceStore store, CallContext ctx, String arn) {
    String prefix = "arn:aws:sns:" + ctx.region() + ":" + ctx.caller().accountId() + ":";
    CreateTopicRequest t = arn != null && arn.startsWith(prefix)
        ? store.findRegional(ctx, "sns", "Topics", CreateTopicRequest.class, TOPIC, arn.substring(prefix.length()))
        : null;
    if (t == null) {
      throw AwsError.of(404, "NotFound", "Topic does not exist");
    }
    return t;
  }

  private static List<CreatePlatformApplicationRequest> applications(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, "sns", "PlatformApplications", CreatePlatformApplicationRequest.class);
  }

  /** arn:aws:sns:region:account:app/platform/name */
  static String applicationArn(CallContext ctx, CreatePlatformApplicationRequest a) {
    return "arn:aws:sns:" + ctx.region() + ":" + ctx.caller().accountId() + ":app/" + a.platform() + "/" + a.name();
  }

  private static CreatePlatformApplicationRequest application(ResourceStore store, CallContext ctx, String arn) {
    for (CreatePlatformApplicationRequest a : applications(store, ctx)) {
      if (applicationArn(ctx, a).equals(arn)) {
        return a;
      }
    }
    throw AwsError.of(404, "NotFound", "PlatformApplication does not exist");
  }
}
