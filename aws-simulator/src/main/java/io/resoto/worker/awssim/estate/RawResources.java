package io.resoto.worker.awssim.estate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The estate's resources as plain YAML data (maps, lists, scalars), per account, region and
 * service, in the shape of the service's own API. Kept raw on purpose: the service handlers turn
 * them into SDK objects, so the estate model need not know every resource kind. Deeply immutable.
 */
public final class RawResources {
  /** The region key for resources of global services such as IAM. */
  public static final String GLOBAL = "global";

  public static final RawResources EMPTY = new RawResources(Map.of());

  private final Map<String, Map<String, Map<String, Object>>> byAccount;

  /** Takes a deep, immutable copy of {@code account -> region -> service -> data}. */
  public RawResources(Map<String, ? extends Map<String, ? extends Map<String, ?>>> byAccount) {
    Map<String, Map<String, Map<String, Object>>> accounts = new LinkedHashMap<>();
    byAccount.forEach((account, regions) -> {
      Map<String, Map<String, Object>> regionMap = new LinkedHashMap<>();
      regions.forEach((region, services) -> {
        Map<String, Object> serviceMap = new LinkedHashMap<>();
        services.forEach((service, data) -> serviceMap.put(service, freeze(data)));
        regionMap.put(region, Collections.unmodifiableMap(serviceMap));
      });
      accounts.put(account, Collections.unmodifiableMap(regionMap));
    });
    this.byAccount = Collections.unmodifiableMap(accounts);
  }

  /** The raw data of one service in one account and region, or null when there is none. */
  public Object get(String account, String region, String service) {
    return services(account, region).get(service);
  }

  /** The services with data in one account and region. */
  public Map<String, Object> services(String account, String region) {
    return byAccount.getOrDefault(account, Map.of()).getOrDefault(region, Map.of());
  }

  /** The regions (and {@link #GLOBAL}) with data in an account. */
  public Set<String> regions(String account) {
    return byAccount.getOrDefault(account, Map.of()).keySet();
  }

  public Set<String> accounts() {
    return byAccount.keySet();
  }

  /** The whole tree, {@code account -> region -> service -> data}. */
  public Map<String, Map<String, Map<String, Object>>> asMap() {
    return byAccount;
  }

  public boolean isEmpty() {
    return byAccount.isEmpty();
  }

  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
