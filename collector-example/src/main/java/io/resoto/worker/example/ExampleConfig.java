package io.resoto.worker.example;

import io.resoto.worker.spi.ConfigProblems;
import io.resoto.worker.spi.Doc;
import io.resoto.worker.spi.ValidatedConfig;
import java.util.HashSet;
import java.util.List;

/** The {@code example} config section: the size and shape of the synthetic estate. */
public record ExampleConfig(
    @Doc("Number of accounts (1 to 10000).") int accounts,
    @Doc("Region ids collected in every account; at least one, no duplicates.") List<String> regions,
    @Doc("Instances per region (0 or more).") int instancesPerRegion,
    @Doc("Volumes attached to each instance (0 or more).") int volumesPerInstance,
    @Doc("Seed of the generator: the same seed gives the same graph, ids included.") long seed,
    @Doc("Simulated API latency per region, in milliseconds (0 or more), to make a run take time.")
        int delayMs)
    implements ValidatedConfig {

  /** A small estate: 2 accounts x 2 regions x 3 instances with one volume each. */
  public static final ExampleConfig DEFAULTS =
      new ExampleConfig(2, List.of("us-east-1", "eu-central-1"), 3, 1, 1, 0);

  public ExampleConfig {
    regions = regions == null ? null : List.copyOf(regions);
  }

  @Override
  public void validate(ConfigProblems problems) {
    if (accounts < 1 || accounts > 10_000) {
      problems.add("accounts", "must be between 1 and 10000, got " + accounts);
    }
    if (regions == null || regions.isEmpty()) {
      problems.add("regions", "must name at least one region");
    } else if (new HashSet<>(regions).size() != regions.size()) {
      problems.add("regions", "must not name a region twice");
    }
    if (instancesPerRegion < 0) {
      problems.add("instances_per_region", "must be 0 or more, got " + instancesPerRegion);
    }
    if (volumesPerInstance < 0) {
      problems.add("volumes_per_instance", "must be 0 or more, got " + volumesPerInstance);
    }
    if (delayMs < 0) {
      problems.add("delay_ms", "must be 0 or more, got " + delayMs);
    }
  }
}
