package io.resoto.worker.awssim.estate;

import java.util.Set;
import java.util.regex.Pattern;

/** What the simulator knows about AWS regions in general (not per account). */
public final class Regions {
  /** A commercial or GovCloud region name such as {@code eu-central-1}. */
  public static final Pattern NAME = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d{1,2}");

  /**
   * The regions an account must opt in to. Only these can be "not opted in"; every other region
   * is enabled for every account, which is why the estate lists them apart.
   */
  public static final Set<String> OPT_IN = Set.of(
      "af-south-1", "ap-east-1", "ap-east-2", "ap-south-2", "ap-southeast-3", "ap-southeast-4",
      "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-west-1", "eu-central-2",
      "eu-south-1", "eu-south-2", "il-central-1", "me-central-1", "me-south-1", "mx-central-1");

  private Regions() {}

  public static boolean isOptIn(String region) {
    return OPT_IN.contains(region);
  }

  /** The EC2 endpoint host DescribeRegions reports. */
  public static String ec2Endpoint(String region) {
    return "ec2." + region + ".amazonaws.com";
  }
}
