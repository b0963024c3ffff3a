package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.kinds.base.RegionTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * On-demand list prices of EC2 instance and EBS volume types from the AWS Price List Query API
 * (pricing:GetProducts, service code AmazonEC2, TERM_MATCH filters, at most one product). The API
 * answers in the partition's global region; it exists in the aws partition only, so elsewhere no
 * price is asked for. Prices are public and the same for every account, so each (product,
 * region) is asked for once per run ({@link KindContext#shared}).
 */
final class Ec2Prices {

  static final String SERVICE_CODE = "AmazonEC2";

  private Ec2Prices() {}

  /** USD per GB-month of the EBS volume type ({@code gp3}, ...) in the context's region, or null. */
  static Double volumeType(KindContext ctx, String volumeType) throws Exception {
    // the storage product only: the same volumeApiName also names the IOPS and throughput products
    return price(ctx, List.of("productFamily", "Storage", "volumeApiName", volumeType));
  }

  /** USD per hour of the instance type on demand, Linux, shared tenancy, in the context's region, or null. */
  static Double instanceType(KindContext ctx, String instanceType) throws Exception {
    return price(ctx, List.of("instanceType", instanceType, "operatingSystem", "Linux", "tenancy", "Shared",
        "preInstalledSw", "NA", "capacitystatus", "Used"));
  }

  /** The price of the one product matching the field/value pairs and the region's location. */
  private static Double price(KindContext ctx, List<String> fieldValues) throws Exception {
    Optional<RegionTable.Region> region = RegionTable.region(ctx.region());
    if (!"aws".equals(ctx.partition()) || region.isEmpty()) {
      return null;
    }
    List<Filter> filters = new ArrayList<>();
    for (int i = 0; i < fieldValues.size(); i += 2) {
      filters.add(term(fieldValues.get(i), fieldValues.get(i + 1)));
    }
    filters.add(term("location", region.get().pricingLocation()));
    String key = "pricing:" + ctx.partition() + ":" + SERVICE_CODE + ":" + filters;
    return ctx.shared(key, () -> {
      PricingClient pricing = ctx.globalClient(PricingClient.builder());
      GetProductsResponse r = pricing.getProducts(b -> b.serviceCode(SERVICE_CODE).formatVersion("aws_v1")
          .filters(filters).maxResults(1));
      return r.priceList().isEmpty() ? null : onDemandUsd(r.priceList().get(0));
    });
  }

  private static Filter term(String field, String value) {
    return Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build();
  }

  /**
   * The USD price of a PriceList document's on-demand offer: {@code terms.OnDemand.<offer>
   * .priceDimensions.<dimension>.pricePerUnit.USD} of the first offer and dimension; null when the
   * document has no on-demand price in USD.
   */
  static Double onDemandUsd(String priceList) {
    JsonNode doc = JsonNode.parser().parse(priceList);
    Optional<JsonNode> usd = first(doc.field("terms").flatMap(t -> t.field("OnDemand")))
        .flatMap(offer -> first(offer.field("priceDimensions")))
        .flatMap(dimension -> dimension.field("pricePerUnit"))
        .flatMap(perUnit -> perUnit.field("USD"));
    if (usd.isEmpty() || !usd.get().isString()) {
      return null;
    }
    try {
      return Double.parseDouble(usd.get().asString());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Optional<JsonNode> first(Optional<JsonNode> object) {
    if (object.isEmpty() || !object.get().isObject()) {
      return Optional.empty();
    }
    Iterator<Map.Entry<String, JsonNode>> it = object.get().asObject().entrySet().iterator();
    return it.hasNext() ? Optional.of(it.next().getValue()) : Optional.empty();
  }
}
