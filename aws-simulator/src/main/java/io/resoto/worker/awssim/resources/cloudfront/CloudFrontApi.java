package io.resoto.worker.awssim.resources.cloudfront;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyList;
import software.amazon.awssdk.services.cloudfront.model.CachePolicySummary;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionList;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionProfileList;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionProfileSummary;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionSummary;
import software.amazon.awssdk.services.cloudfront.model.FunctionList;
import software.amazon.awssdk.services.cloudfront.model.FunctionStage;
import software.amazon.awssdk.services.cloudfront.model.FunctionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListCachePoliciesRequest;
import software.amazon.awssdk.services.cloudfront.model.ListCachePoliciesResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListFieldLevelEncryptionConfigsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListFieldLevelEncryptionConfigsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListFieldLevelEncryptionProfilesRequest;
import software.amazon.awssdk.services.cloudfront.model.ListFieldLevelEncryptionProfilesResponse;
import software.amazon.awssdk.services.cloudfront.model.ListFunctionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListFunctionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListOriginAccessControlsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListOriginAccessControlsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudfront.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudfront.model.ListRealtimeLogConfigsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListRealtimeLogConfigsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListResponseHeadersPoliciesRequest;
import software.amazon.awssdk.services.cloudfront.model.ListResponseHeadersPoliciesResponse;
import software.amazon.awssdk.services.cloudfront.model.ListStreamingDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListStreamingDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlList;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;
import software.amazon.awssdk.services.cloudfront.model.PublicKeyList;
import software.amazon.awssdk.services.cloudfront.model.PublicKeySummary;
import software.amazon.awssdk.services.cloudfront.model.RealtimeLogConfig;
import software.amazon.awssdk.services.cloudfront.model.RealtimeLogConfigs;
import software.amazon.awssdk.services.cloudfront.model.ResponseHeadersPolicyList;
import software.amazon.awssdk.services.cloudfront.model.ResponseHeadersPolicySummary;
import software.amazon.awssdk.services.cloudfront.model.StreamingDistributionList;
import software.amazon.awssdk.services.cloudfront.model.StreamingDistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.Tags;
import software.amazon.awssdk.services.cloudfront.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.UntagResourceResponse;

/**
 * CloudFront (REST-XML, global: the caller's account's {@code global} resources, service
 * {@code cloudfront}): the listings of distributions (and GetDistribution), functions, public
 * keys, real-time log configurations, response headers policies, streaming distributions, origin
 * access controls, cache policies and field-level encryption configurations and profiles, and
 * ListTagsForResource, TagResource and UntagResource.
 *
 * <p>Estate collections: {@code Distributions} in GetDistribution's {@code Distribution} shape
 * (ListDistributions answers their summaries); {@code Functions}, {@code PublicKeys},
 * {@code RealtimeLogConfigs}, {@code ResponseHeadersPolicies}, {@code StreamingDistributions},
 * {@code OriginAccessControls}, {@code CachePolicies}, {@code FieldLevelEncryptionConfigs} and
 * {@code FieldLevelEncryptionProfiles} in the shape of their listing's items; {@code Tags} in
 * TagResource's shape ({@code Resource}: the ARN, {@code Tags.Items}), one per tagged resource.
 *
 * <p>As in AWS: listings page by {@code Marker}/{@code NextMarker} with {@code MaxItems} (a
 * number 1..1000 sent as text, default 100); a marker of another listing is
 * {@code InvalidArgument}; ListFunctions lists the {@code DEVELOPMENT} stage unless asked for
 * {@code LIVE}; cache and response headers policies filter by {@code Type}; an unknown distribution
 * is {@code NoSuchDistribution} (404); the tag calls take the ARN of a distribution, streaming
 * distribution, function or real-time log configuration, refuse a malformed ARN
 * ({@code InvalidArgument}) and an unknown one ({@code NoSuchResource}, 404); a resource holds at
 * most 50 tags ({@code InvalidTagging}).
 */
public final class CloudFrontApi implements ResourceApi {

  private static final String SERVICE = "cloudfront";
  private static final int DEFAULT_ITEMS = 100;
  private static final int MAX_ITEMS = 1000;
  private static final int MAX_TAGS = 50;
  private static final ItemKey<Distribution> DISTRIBUTION_BY_ID = ItemKey.of("Id", Distribution::id);
  private static final ItemKey<TagResourceRequest> TAGS_BY_ARN = ItemKey.of("Resource", TagResourceRequest::resource);

  /** Registered in {@code ResourceApis.ALL}. */
  public CloudFrontApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListDistributionsRequest.class, (ctx, req) -> {
      Page<Distribution> page = page(all(store, ctx, "Distributions", Distribution.class), ctx, "ListDistributions",
          req.marker(), req.maxItems());
      return ListDistributionsResponse.builder().distributionList(DistributionList.builder()
          .marker(req.marker() == null ? "" : req.marker()).nextMarker(page.nextToken())
          .maxItems(maxItems(req.maxItems())).isTruncated(page.nextToken() != null)
          .quantity(page.items().size()).items(page.items().stream().map(CloudFrontApi::summary).toList())
          .build()).build();
    });
    registry.on(GetDistributionRequest.class, (ctx, req) -> {
      Distribution d = req.id() == null ? null
          : store.findGlobal(ctx, SERVICE, "Distributions", Distribution.class, DISTRIBUTION_BY_ID, req.id());
      if (d == null) {
        throw AwsError.of(404, "NoSuchDistribution", "The specified distribution does not exist.");
      }
      return GetDistributionResponse.builder().distribution(d).eTag(etag(d)).build();
    });
    registry.on(ListFunctionsRequest.class, (ctx, req) -> {
      FunctionStage stage = req.stage() == null ? FunctionStage.DEVELOPMENT : req.stage();
      List<FunctionSummary> functions = all(store, ctx, "Functions", FunctionSummary.class).stream()
          .filter(f -> f.functionMetadata() != null && f.functionMetadata().stage() == stage).toList();
      Page<FunctionSummary> page = page(functions, ctx, "ListFunctions:" + stage, req.marker(), req.maxItems());
      return ListFunctionsResponse.builder().functionList(FunctionList.builder().nextMarker(page.nextToken())
          .maxItems(maxItems(req.maxItems())).quantity(page.items().size()).items(page.items()).build()).build();
    });
    registry.on(ListPublicKeysRequest.class, (ctx, req) -> {
      Page<PublicKeySummary> page = page(all(store, ctx, "PublicKeys", PublicKeySummary.class), ctx,
          "ListPublicKeys", req.marker(), req.maxItems());
      return ListPublicKeysResponse.builder().publicKeyList(PublicKeyList.builder().nextMarker(page.nextToken())
          .maxItems(maxItems(req.maxItems())).quantity(page.items().size()).items(page.items()).build()).build();
    });
    registry.on(ListRealtimeLogConfigsRequest.class, (ctx, req) -> {
      Page<RealtimeLogConfig> page = page(all(store, ctx, "RealtimeLogConfigs", RealtimeLogConfig.class), ctx,
          "ListRealtimeLogConfigs", req.marker(), req.maxItems());
      return ListRealtimeLogConfigsResponse.builder().realtimeLogConfigs(RealtimeLogConfigs.builder()
          .maxItems(maxItems(req.maxItems())).items(page.items()).isTruncated(page.nextToken() != null)
          .marker(req.marker() == null ? "" : req.marker()).nextMarker(page.nextToken()).build()).build();
    });
    registry.on(ListResponseHeadersPoliciesRequest.class, (ctx, req) -> {
      List<ResponseHeadersPolicySummary> policies = all(store, ctx, "ResponseHeadersPolicies",
          ResponseHeadersPolicySummary.class).stream().filter(p -> req.type() == null || req.type() == p.type())
          .toList();
      Page<ResponseHeadersPolicySummary> page = page(policies, ctx, "ListResponseHeadersPolicies:" + req.type(),
          req.marker(), req.maxItems());
      return ListResponseHeadersPoliciesResponse.builder().responseHeadersPolicyList(ResponseHeadersPolicyList
          .builder().nextMarker(page.nextToken()).maxItems(maxItems(req.maxItems())).quantity(page.items().size())
          .items(page.items()).build()).build();
    });
    registry.on(ListStreamingDistributionsRequest.class, (ctx, req) -> {
      Page<StreamingDistributionSummary> page = page(all(store, ctx, "StreamingDistributions",
          StreamingDistributionSummary.class), ctx, "ListStreamingDistributions", req.marker(), req.maxItems());
      return ListStreamingDistributionsResponse.builder().streamingDistributionList(StreamingDistributionList
          .builder().marker(req.marker() == null ? "" : req.marker()).nextMarker(page.nextToken())
          .maxItems(maxItems(req.maxItems())).isTruncated(page.nextToken() != null).quantity(page.items().size())
          .items(page.items()).build()).build();
    });
    registry.on(ListOriginAccessControlsRequest.class, (ctx, req) -> {
      Page<OriginAccessControlSummary> page = page(all(store, ctx, "OriginAccessControls",
          OriginAccessControlSummary.class), ctx, "ListOriginAccessControls", req.marker(), req.maxItems());
      return ListOriginAccessControlsResponse.builder().originAccessControlList(OriginAccessControlList.builder()
          .marker(req.marker() == null ? "" : req.marker()).nextMarker(page.nextToken())
          .maxItems(maxItems(req.maxItems())).isTruncated(page.nextToken() != null).quantity(page.items().size())
          .items(page.items()).build()).build();
    });
    registry.on(ListCachePoliciesRequest.class, (ctx, req) -> {
      List<CachePolicySummary> policies = all(store, ctx, "CachePolicies", CachePolicySummary.class).stream()
          .filter(p -> req.type() == null || req.type() == p.type()).toList();
      Page<CachePolicySummary> page = page(policies, ctx, "ListCachePolicies:" + req.type(), req.marker(),
          req.maxItems());
      return ListCachePoliciesResponse.builder().cachePolicyList(CachePolicyList.builder()
          .nextMarker(page.nextToken()).maxItems(maxItems(req.maxItems())).quantity(page.items().size())
          .items(page.items()).build()).build();
    });
    registry.on(ListFieldLevelEncryptionConfigsRequest.class, (ctx, req) -> {
      Page<FieldLevelEncryptionSummary> page = page(all(store, ctx, "FieldLevelEncryptionConfigs",
          FieldLevelEncryptionSummary.class), ctx, "ListFieldLevelEncryptionConfigs", req.marker(), req.maxItems());
      return ListFieldLevelEncryptionConfigsResponse.builder().fieldLevelEncryptionList(FieldLevelEncryptionList
          .builder().nextMarker(page.nextToken()).maxItems(maxItems(req.maxItems())).quantity(page.items().size())
          .items(page.items()).build()).build();
    });
    registry.on(ListFieldLevelEncryptionProfilesRequest.class, (ctx, req) -> {
      Page<FieldLevelEncryptionProfileSummary> page = page(all(store, ctx, "FieldLevelEncryptionProfiles",
          FieldLevelEncryptionProfileSummary.class), ctx, "ListFieldLevelEncryptionProfiles", req.marker(),
          req.maxItems());
      return ListFieldLevelEncryptionProfilesResponse.builder().fieldLevelEncryptionProfileList(
          FieldLevelEncryptionProfileList.builder().nextMarker(page.nextToken()).maxItems(maxItems(req.maxItems()))
              .quantity(page.items().size()).items(page.items()).build()).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) -> {
      String arn = taggable(store, ctx, req.resource());
      TagResourceRequest entry = store.findGlobal(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS_BY_ARN, arn);
      List<Tag> tags = entry == null || entry.tags() == null ? List.of() : entry.tags().items();
      return ListTagsForResourceResponse.builder().tags(Tags.builder().items(tags).build()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = taggable(store, ctx, req.resource());
      List<Tag> added = req.tags() == null ? List.of() : req.tags().items();
      for (Tag t : added) {
        if (!TagRules.isUserKey(t.key())
            || (t.value() != null && t.value().length() > 256)) {
          throw AwsError.of(400, "InvalidTagging", "The tag " + t.key() + " is not valid.");
        }
      }
      store.updateGlobal(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS_BY_ARN, arn, current -> {
        Map<String, String> tags = asMap(current);
        added.forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "InvalidTagging", "The resource can have at most " + MAX_TAGS + " tags.");
        }
        return entry(arn, tags);
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = taggable(store, ctx, req.resource());
      Set<String> keys = new HashSet<>(req.tagKeys() == null ? List.of() : req.tagKeys().items());
      store.updateGlobal(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS_BY_ARN, arn, current -> {
        Map<String, String> tags = asMap(current);
        tags.keySet().removeAll(keys);
        return entry(arn, tags);
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T extends SdkPojo> List<T> all(ResourceStore store, CallContext ctx, String collection,
      Class<T> type) {
    return store.global(ctx, SERVICE, collection, type);
  }

  private static int maxItems(String text) {
    if (text == null || text.isEmpty()) {
      return DEFAULT_ITEMS;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_ITEMS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw AwsError.of(400, "InvalidArgument", "MaxItems must be a number between 1 and " + MAX_ITEMS + ".");
  }

  private static <T> Page<T> page(List<T> all, CallContext ctx, String operation, String marker, String maxItems) {
    int size = maxItems(maxItems);
    try {
      return Page.of(all, "cloudfront:" + operation + ":" + ctx.caller().accountId(), marker, size, size, MAX_ITEMS);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidArgument", "The marker is not valid.");
    }
  }

  /** The ARN if it names a taggable resource of the caller's account; AWS's errors otherwise. */
  private static String taggable(ResourceStore store, CallContext ctx, String arn) {
    if (arn == null || !arn.matches("arn:aws[a-z-]*:cloudfront::\\d{12}:[a-z-]+/.+")) {
      throw AwsError.of(400, "InvalidArgument", "The specified ARN is not valid: " + arn);
    }
    boolean known = Stream.of(
        all(store, ctx, "Distributions", Distribution.class).stream().map(Distribution::arn),
        all(store, ctx, "StreamingDistributions", StreamingDistributionSummary.class).stream()
            .map(StreamingDistributionSummary::arn),
        all(store, ctx, "Functions", FunctionSummary.class).stream()
            .map(f -> f.functionMetadata() == null ? null : f.functionMetadata().functionARN()),
        all(store, ctx, "RealtimeLogConfigs", RealtimeLogConfig.class).stream().map(RealtimeLogConfig::arn))
        .flatMap(s -> s).anyMatch(arn::equals);
    if (!known) {
      throw AwsError.of(404, "NoSuchResource", "The specified resource does not exist.");
    }
    return arn;
  }

  private static Map<String, String> asMap(TagResourceRequest entry) {
    Map<String, String> out = new LinkedHashMap<>();
    if (entry != null && entry.tags() != null) {
      entry.tags().items().forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  private static TagResourceRequest entry(String arn, Map<String, String> tags) {
    List<Tag> items = new ArrayList<>();
    tags.forEach((k, v) -> items.add(Tag.builder().key(k).value(v).build()));
    return TagResourceRequest.builder().resource(arn).tags(Tags.builder().items(items).build()).build();
  }

  /** The ETag of a distribution's current configuration. */
  private static String etag(Distribution d) {
    String stamp = d.lastModifiedTime() == null ? "0" : Long.toString(d.lastModifiedTime().toEpochMilli(), 36);
    return "E" + (d.id() + stamp).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  /** What ListDistributions tells of a distribution. */
  static DistributionSummary summary(Distribution d) {
    DistributionConfig c = d.distributionConfig() == null ? DistributionConfig.builder().build()
        : d.distributionConfig();
    return DistributionSummary.builder().id(d.id()).arn(d.arn()).eTag(etag(d)).status(d.status())
        .lastModifiedTime(d.lastModifiedTime()).domainName(d.domainName()).aliases(c.aliases()).origins(c.origins())
        .originGroups(c.originGroups()).defaultCacheBehavior(c.defaultCacheBehavior())
        .cacheBehaviors(c.cacheBehaviors()).customErrorResponses(c.customErrorResponses()).comment(c.comment())
        .priceClass(c.priceClass()).enabled(c.enabled()).viewerCertificate(c.viewerCertificate())
        .restrictions(c.restrictions()).webACLId(c.webACLId()).httpVersion(c.httpVersion())
        .aliasICPRecordals(d.aliasICPRecordals()).staging(c.staging()).connectionMode(c.connectionMode())
        .anycastIpListId(c.anycastIpListId()).build();
  }
}
