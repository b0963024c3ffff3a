package io.resoto.worker.awssim.resources.servicequotas;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.servicequotas.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;
import software.amazon.awssdk.services.servicequotas.model.Tag;
import software.amazon.awssdk.services.servicequotas.model.TagResourceRequest;
import software.amazon.awssdk.services.servicequotas.model.TagResourceResponse;
import software.amazon.awssdk.services.servicequotas.model.UntagResourceRequest;
import software.amazon.awssdk.services.servicequotas.model.UntagResourceResponse;

/**
 * Service Quotas (JSON 1.1, target prefix {@code ServiceQuotasV20190624}, signing name
 * {@code servicequotas}): ListServiceQuotas, ListTagsForResource, TagResource and UntagResource,
 * from the estate's regional {@code service-quotas} collections {@code Quotas}
 * ({@link ServiceQuota}, ListServiceQuotas' shape; global services such as IAM answer the same
 * quotas in every region, so the demo keeps them in us-east-1) and {@code Tags}
 * ({@link TagResourceRequest}: ResourceARN, Tags).
 *
 * <p>As in AWS: ListServiceQuotas requires {@code ServiceCode} and answers only the applied quotas
 * of that service ({@code NoSuchResourceException} for a service without any), filtered by
 * {@code QuotaCode}; it pages by {@code MaxResults} (1..100, default 100) and {@code NextToken}
 * ({@code InvalidPaginationTokenException} for a foreign one); tags are for quotas of the
 * caller's account (an unknown ARN is {@code NoSuchResourceException}), keys starting with
 * {@code aws:} are refused ({@code TagPolicyViolationException}), at most 50 tags
 * ({@code TooManyTagsException}).
 */
public final class ServiceQuotasApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<ServiceQuota> ARN = ItemKey.of("QuotaArn", ServiceQuota::quotaArn);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("ResourceARN", TagResourceRequest::resourceARN);

  /** Registered in {@code ResourceApis.ALL}. */
  public ServiceQuotasApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListServiceQuotasRequest.class, (ctx, req) -> {
      if (req.serviceCode() == null || req.serviceCode().isEmpty()) {
        throw AwsError.of(400, "IllegalArgumentException", "ServiceCode is required.");
      }
      List<ServiceQuota> quotas = store.regional(ctx, "service-quotas", "Quotas", ServiceQuota.class).stream()
          .filter(q -> req.serviceCode().equals(q.serviceCode()))
          .toList();
      if (quotas.isEmpty()) {
        throw AwsError.of(400, "NoSuchResourceException", "The request failed because the specified service "
            + "does not exist: " + req.serviceCode());
      }
      List<ServiceQuota> matching = quotas.stream()
          .filter(q -> req.quotaCode() == null || req.quotaCode().equals(q.quotaCode())).toList();
      Page<ServiceQuota> page;
      try {
        page = Page.of(matching, "servicequotas:ListServiceQuotas:" + ctx.caller().accountId() + ":" + ctx.region()
            + ":" + req.serviceCode() + ":" + req.quotaCode(), req.nextToken(), req.maxResults(), 100, 100);
      } catch (AwsError e) {
        throw "InvalidNextToken".equals(e.code())
            ? AwsError.of(400, "InvalidPaginationTokenException", "Invalid input: the pagination token is not valid.")
            : AwsError.of(400, "IllegalArgumentException", "MaxResults must be between 1 and 100.");
      }
      return ListServiceQuotasResponse.builder().quotas(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) -> {
      String arn = quotaArn(store, ctx, req.resourceARN());
      TagResourceRequest entry = store.findRegional(ctx, "service-quotas", "Tags", TagResourceRequest.class, TAGS, arn);
      return ListTagsForResourceResponse.builder().tags(entry == null ? List.of() : entry.tags()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = quotaArn(store, ctx, req.resourceARN());
      for (Tag t : req.tags()) {
        if (t.key() == null || t.key().isEmpty() || t.key().startsWith("aws:") || t.value() == null) {
          throw AwsError.of(400, "TagPolicyViolationException", "The tag " + t.key() + " is not valid.");
        }
      }
      store.updateRegional(ctx, "service-quotas", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TooManyTagsException", "A quota holds at most " + MAX_TAGS + " tags.");
        }
        return TagResourceRequest.builder().resourceARN(arn).tags(asList(tags)).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = quotaArn(store, ctx, req.resourceARN());
      store.updateRegional(ctx, "service-quotas", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().resourceARN(arn).tags(asList(tags)).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static String quotaArn(ResourceStore store, CallContext ctx, String arn) {
    if (arn == null || store.findRegional(ctx, "service-quotas", "Quotas", ServiceQuota.class, ARN, arn) == null) {
      throw AwsError.of(400, "NoSuchResourceException", "The specified resource does not exist: " + arn);
    }
    return arn;
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static List<Tag> asList(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }
}
