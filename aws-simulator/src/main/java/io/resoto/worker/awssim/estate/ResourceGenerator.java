package io.resoto.worker.awssim.estate;

import java.util.Map;

/**
 * Generates the raw resources of one account and region for {@link EstateGenerator}: the
 * extension point through which resource kinds join generated estates.
 */
@FunctionalInterface
public interface ResourceGenerator {

  /** Generates nothing. */
  ResourceGenerator NONE = (account, region, seed) -> Map.of();

  /**
   * Returns {@code service -> data}, the data in the shape {@link RawResources} holds. Must be
   * deterministic in its arguments.
   *
   * @param region a region enabled for the account, or {@link RawResources#GLOBAL}
   * @param seed derived from the estate's seed, the account and the region
   */
  Map<String, Object> generate(Account account, String region, long seed);
}
