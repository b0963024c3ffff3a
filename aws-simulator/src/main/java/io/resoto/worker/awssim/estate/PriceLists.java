package io.resoto.worker.awssim.estate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estate's {@code pricing} section: the public price lists the Pricing API serves, per service
 * code ({@code AmazonEC2}, ...). Each entry is one GetProducts {@code PriceList} document in AWS's
 * own JSON shape, written as YAML: {@code product} ({@code productFamily}, {@code attributes},
 * {@code sku}), {@code serviceCode}, {@code terms} ({@code OnDemand} offers with their
 * {@code priceDimensions} and {@code pricePerUnit}), {@code version} and {@code publicationDate}.
 * Prices are public, so they are not per account. Kept as plain data, deeply immutable.
 */
public final class PriceLists {

  public static final PriceLists EMPTY = new PriceLists(Map.of());

  private final Map<String, List<Map<String, Object>>> byService;

  /** Takes a deep, immutable copy; YAML timestamps become ISO-8601 text, as in AWS's documents. */
  public PriceLists(Map<String, ? extends List<? extends Map<String, ?>>> byService) {
    Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
    byService.forEach((service, documents) -> {
      List<Map<String, Object>> docs = new ArrayList<>();
      documents.forEach(d -> docs.add(freezeMap(d)));
      copy.put(service, Collections.unmodifiableList(docs));
    });
    this.byService = Collections.unmodifiableMap(copy);
  }

  /** The service codes with a price list. */
  public Set<String> serviceCodes() {
    return byService.keySet();
  }

  /** The documents of a service code, in estate order; empty for a code without a price list. */
  public List<Map<String, Object>> documents(String serviceCode) {
    return byService.getOrDefault(serviceCode, List.of());
  }

  /** The product attributes of a document ({@code product.attributes}), empty when it has none. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> attributes(Map<String, Object> document) {
    if (document.get("product") instanceof Map<?, ?> product && product.get("attributes") instanceof Map<?, ?> a) {
      return (Map<String, Object>) a;
    }
    return Map.of();
  }

  private static Map<String, Object> freezeMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
    return Collections.unmodifiableMap(copy);
  }

  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      return freezeMap(map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Date d) {
      return d.toInstant().toString();
    }
    return value;
  }
}
