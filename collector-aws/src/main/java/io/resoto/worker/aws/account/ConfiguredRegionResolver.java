package io.resoto.worker.aws.account;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.Partitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The regions of one account: the configured {@code region} list when there is one (used as
 * given, as in the original); otherwise ec2:DescribeRegions in that account, so each account gets
 * its own enabled regions (the original uses the first account's list for all). Opt-in regions
 * the account has not enabled are returned as skipped, with the reason, for the run summary.
 */
public final class ConfiguredRegionResolver implements RegionResolver {

  /** Why a not-opted-in region is left out. */
  public static final String NOT_ENABLED = "not enabled in this account (opt-in region)";

  private static final String NOT_OPTED_IN = "not-opted-in";

  private final AwsConfig config;
  private final AwsClientFactory clients;

  public ConfiguredRegionResolver(AwsConfig config, AwsClientFactory clients) {
    this.config = Objects.requireNonNull(config);
    this.clients = Objects.requireNonNull(clients);
  }

  @Override
  public Regions regions(AwsAccountTarget account) {
    List<String> configured = config.region() == null ? List.of() : config.region();
    if (!configured.isEmpty()) {
      return new Regions(List.copyOf(configured), List.of());
    }
    List<Region> described;
    try (Ec2Client ec2 = clients.create(Ec2Client.builder(), account.credentials(),
        Partitions.globalRegion(account.partition()))) {
      // AllRegions also names the opt-in regions that are off, so the summary can say why.
      described = ec2.describeRegions(r -> r.allRegions(true)).regions();
    } catch (RuntimeException e) {
      if (AwsErrors.isDenied(e)) {
        throw new IllegalStateException("Cannot list the regions of account " + account.id()
            + (account.name() == null || account.name().equals(account.id()) ? "" : " (" + account.name() + ")")
            + ": ec2:DescribeRegions was denied (" + AwsErrors.describe(e) + "). Allow ec2:DescribeRegions"
            + " or configure the regions to collect in aws.region.", e);
      }
      throw e;
    }
    List<String> collect = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (Region region : described) {
      if (NOT_OPTED_IN.equals(region.optInStatus())) {
        skipped.add(new Skipped(region.regionName(), NOT_ENABLED));
      } else {
        collect.add(region.regionName());
      }
    }
    return new Regions(List.copyOf(collect), List.copyOf(skipped));
  }
}
