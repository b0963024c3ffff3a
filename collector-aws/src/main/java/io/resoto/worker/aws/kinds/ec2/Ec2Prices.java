package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.kinds.base.RegionTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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

  /**
   * What the price list says of an instance type in a region: the on-demand price (USD per hour)
   * and two attributes of the same product, its EC2 Compute Units ({@code ecu}; null when the
   * list says {@code Variable} or {@code NA}) and its {@code physicalProcessor}. Each may be null.
   */
  record InstanceTypeOffer(Double ondemandCost, Double ecu, String physicalProcessor) {

    /** Nothing known: no product, or no price list in the partition. */
    static final InstanceTypeOffer NONE = new InstanceTypeOffer(null, null, null);
  }

  private Ec2Prices() {}

  /** USD per GB-month of the EBS volume type ({@code gp3}, ...) in the context's region, or null. */
  static Double volumeType(KindContext ctx, String volumeType) throws Exception {
    // the storage product only: the same volumeApiName also names the IOPS and throughput products
    return product(ctx, List.of("productFamily", "Storage", "volumeApiName", volumeType), Ec2Prices::onDemandUsd);
  }

  /**
   * The instance type on demand, Linux, shared tenancy, in the context's region: its price per
   * hour and the product's ECU and processor, from the one GetProducts answer;
   * {@link InstanceTypeOffer#NONE} when there is no such product.
   */
  static InstanceTypeOffer instanceType(KindContext ctx, String instanceType) throws Exception {
    InstanceTypeOffer offer = product(ctx, List.of("instanceType", instanceType, "operatingSystem", "Linux",
        "tenancy", "Shared", "preInstalledSw", "NA", "capacitystatus", "Used"), Ec2Prices::instanceTypeOffer);
    return offer == null ? InstanceTypeOffer.NONE : offer;
  }

  /**
   * What {@code read} takes from the one product matching the field/value pairs and the region's
   * location; null when there is no such product or no price list for the region.
   */
  private static <T> T product(KindContext ctx, List<String> fieldValues, Function<String, T> read)
      throws Exception {
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
      return r.priceList().isEmpty() ? null : read.apply(r.priceList().get(0));
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
    return onDemandUsd(JsonNode.parser().parse(priceList));
  }

  /**
   * An instance type's offer from its PriceList document: the on-demand USD price
   * ({@link #onDemandUsd(String)}) and {@code product.attributes.ecu} and
   * {@code .physicalProcessor}. The list writes the ECU as a decimal string, or {@code Variable}
   * (burstable types) or {@code NA} (types rated in vCPUs only): those have no number, so null.
   */
  static InstanceTypeOffer instanceTypeOffer(String priceList) {
    JsonNode doc = JsonNode.parser().parse(priceList);
    Optional<JsonNode> attributes = doc.field("product").flatMap(p -> p.field("attributes"));
    Double ecu = attributes.flatMap(a -> a.field("ecu")).filter(JsonNode::isString)
        .map(e -> decimal(e.asString())).orElse(null);
    String processor = attributes.flatMap(a -> a.field("physicalProcessor")).filter(JsonNode::isString)
        .map(JsonNode::asString).filter(p -> !p.isBlank()).orElse(null);
    return new InstanceTypeOffer(onDemandUsd(doc), ecu, processor);
  }

  private static Double onDemandUsd(JsonNode doc) {
    Optional<JsonNode> usd = first(doc.field("terms").flatMap(t -> t.field("OnDemand")))
        .flatMap(offer -> first(offer.field("priceDimensions")))
        .flatMap(dimension -> dimension.field("pricePerUnit"))
        .flatMap(perUnit -> perUnit.field("USD"));
    if (usd.isEmpty() || !usd.get().isString()) {
      return null;
    }
    return decimal(usd.get().asString());
  }

  /** The decimal the text holds, or null (e.g. {@code Variable}, {@code NA}, {@code NaN}). */
  private static Double decimal(String text) {
    try {
      double d = Double.parseDouble(text.trim());
      return Double.isFinite(d) ? d : null;
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
