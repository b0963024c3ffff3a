package io.resoto.worker.aws.engine;

/** Facts per AWS partition that the engine needs. */
public final class Partitions {

  /** The name of the synthetic region node that global kinds hang under, as in the original. */
  public static final String GLOBAL_REGION_NAME = "global";

  private Partitions() {}

  /**
   * The partition's global region: where global services (IAM, Organizations, ...) are called,
   * and the id of the account's "global" region node.
   */
  public static String globalRegion(String partition) {
    if (partition == null) {
      return "us-east-1";
    }
    return switch (partition) {
      case "aws-cn" -> "cn-north-1";
      case "aws-us-gov" -> "us-gov-west-1";
      case "aws-iso" -> "us-iso-east-1";
      case "aws-iso-b" -> "us-isob-east-1";
      default -> "us-east-1";
    };
  }
}
