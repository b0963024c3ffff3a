package io.resoto.worker.aws.credentials;

import java.util.List;

/**
 * AWS partitions (aws, aws-cn, aws-us-gov): which region is a partition's "global" region, which
 * partition a region or an ARN belongs to, and the order in which partitions are probed.
 */
public final class Partitions {

  /** The commercial partition. */
  public static final String AWS = "aws";
  /** The China partition. */
  public static final String AWS_CN = "aws-cn";
  /** The GovCloud partition. */
  public static final String AWS_US_GOV = "aws-us-gov";

  /**
   * Regions tried, in this order, to learn which partition credentials belong to: keys of one
   * partition are unknown (InvalidClientTokenId) in the others.
   */
  public static final List<String> DETECTION_REGIONS = List.of("us-east-1", "us-gov-west-1", "cn-north-1");

  private Partitions() {}

  /** The region global services (STS, IAM, Organizations) are called in for this partition. */
  public static String globalRegion(String partition) {
    if (AWS_CN.equals(partition)) {
      return "cn-north-1";
    }
    if (AWS_US_GOV.equals(partition)) {
      return "us-gov-west-1";
    }
    return "us-east-1";
  }

  /** The partition a region belongs to. */
  public static String ofRegion(String region) {
    if (region.startsWith("cn-")) {
      return AWS_CN;
    }
    if (region.startsWith("us-gov-")) {
      return AWS_US_GOV;
    }
    return AWS;
  }

  /** The partition field of an ARN, or null when the text is not an ARN. */
  public static String ofArn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 3);
    return parts.length < 3 || parts[1].isEmpty() ? null : parts[1];
  }

  /** The account field of an ARN, or null when there is none. */
  public static String accountOfArn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length < 6 || parts[4].isEmpty() ? null : parts[4];
  }
}
