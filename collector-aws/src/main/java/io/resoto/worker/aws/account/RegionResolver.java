package io.resoto.worker.aws.account;

import java.util.List;

/**
 * The regions to collect in one account: the configured list, else the enabled regions from
 * DescribeRegions; if DescribeRegions is denied, the configured list, else a clear error.
 */
public interface RegionResolver {

  /** Regions to collect, and those skipped (not enabled) with the reason. */
  record Regions(List<String> collect, List<Skipped> skipped) {}

  /** A region left out, and why (shown in the run summary). */
  record Skipped(String region, String reason) {}

  Regions regions(AwsAccountTarget account) throws Exception;
}
