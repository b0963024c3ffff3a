package io.resoto.worker.awssim.resources.pricing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.estate.PriceLists;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * The AWS Price List Query API's GetProducts (JSON 1.1, target prefix {@code AWSPriceListService}),
 * from the estate's {@code pricing} section ({@link PriceLists}): the documents of the
 * {@code ServiceCode} whose product matches every filter, each as the JSON text AWS returns.
 *
 * <p>As in AWS: the API has endpoints in us-east-1, eu-central-1 and ap-south-1 only (a call signed
 * for another region is refused); {@code FormatVersion} is {@code aws_v1}; a filter's
 * {@code Field} is a product attribute ({@code location}, {@code volumeApiName}, ...) or
 * {@code productFamily} / {@code sku}; {@code TERM_MATCH} compares ignoring case, {@code EQUALS}
 * exactly, {@code CONTAINS} by substring, {@code ANY_OF} / {@code NONE_OF} against a
 * comma-separated list. Pages hold 100 documents at most (MaxResults 1..100, default 100).
 */
public final class PricingApi implements ResourceApi {

  /** The regions the Price List Query API has endpoints in. */
  public static final Set<String> REGIONS = Set.of("us-east-1", "eu-central-1", "ap-south-1");

  private static final int MAX_RESULTS = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Registered in {@code ResourceApis.ALL}. */
  public PricingApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    // the JSON text of each document, rendered once per simulation
    Map<Map<String, Object>, String> rendered = new ConcurrentHashMap<>();
    registry.on(GetProductsRequest.class, (ctx, req) -> {
      if (!REGIONS.contains(ctx.region())) {
        throw AwsError.of(400, "InvalidParameterException", "The Price List Query API has no endpoint in "
            + ctx.region() + ": use us-east-1, eu-central-1 or ap-south-1");
      }
      if (req.formatVersion() != null && !"aws_v1".equals(req.formatVersion())) {
        throw AwsError.of(400, "InvalidParameterException",
            "Input parameters are invalid. Unsupported FormatVersion " + req.formatVersion());
      }
      if (req.serviceCode() == null || req.serviceCode().isEmpty()) {
        throw AwsError.of(400, "InvalidParameterException", "Input parameters are invalid. ServiceCode is required");
      }
      PriceLists pricing = store.estate().pricing();
      if (!pricing.serviceCodes().contains(req.serviceCode())) {
        throw AwsError.of(400, "NotFoundException", "Service code " + req.serviceCode() + " not found");
      }
      List<Map<String, Object>> matching = new ArrayList<>();
      for (Map<String, Object> doc : pricing.documents(req.serviceCode())) {
        if (req.filters().stream().allMatch(f -> matches(doc, f))) {
          matching.add(doc);
        }
      }
      if (req.maxResults() != null && (req.maxResults() < 1 || req.maxResults() > MAX_RESULTS)) {
        throw AwsError.of(400, "InvalidParameterException", "Input parameters are invalid. MaxResults must be "
            + "between 1 and " + MAX_RESULTS);
      }
      Page<Map<String, Object>> page;
      try {
        page = Page.of(matching, "pricing:GetProducts:" + req.serviceCode() + ":" + req.filters(),
            req.nextToken(), req.maxResults(), MAX_RESULTS, MAX_RESULTS);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidNextTokenException", "The pagination token is invalid. Try again without "
            + "a pagination token.");
      }
      return GetProductsResponse.builder().formatVersion("aws_v1")
          .priceList(page.items().stream().map(d -> rendered.computeIfAbsent(d, PricingApi::json)).toList())
          .nextToken(page.nextToken()).build();
    });
  }

  static boolean matches(Map<String, Object> doc, Filter filter) {
    if (filter.field() == null || filter.value() == null) {
      throw AwsError.of(400, "InvalidParameterException", "Input parameters are invalid. A filter needs Field and Value");
    }
    Object raw = PriceLists.attributes(doc).get(filter.field());
    if (raw == null && doc.get("product") instanceof Map<?, ?> product
        && (filter.field().equals("productFamily") || filter.field().equals("sku"))) {
      raw = product.get(filter.field());
    }
    String actual = raw == null ? null : String.valueOf(raw);
    String wanted = filter.value();
    FilterType type = filter.type() == null ? FilterType.TERM_MATCH : filter.type();
    return switch (type) {
      case TERM_MATCH -> actual != null && actual.equalsIgnoreCase(wanted);
      case EQUALS -> wanted.equals(actual);
      case CONTAINS -> actual != null && actual.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
      case ANY_OF -> actual != null && List.of(wanted.split(",")).stream().anyMatch(v -> v.trim().equals(actual));
      case NONE_OF -> actual == null || List.of(wanted.split(",")).stream().noneMatch(v -> v.trim().equals(actual));
      default -> throw AwsError.of(400, "InvalidParameterException",
          "Input parameters are invalid. Unknown filter type " + filter.typeAsString());
    };
  }

  private static String json(Map<String, Object> doc) {
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
