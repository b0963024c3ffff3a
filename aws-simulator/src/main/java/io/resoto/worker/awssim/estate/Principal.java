package io.resoto.worker.awssim.estate;

/** An IAM user with a long-term access key. */
public record Principal(String account, String user, String accessKeyId, String secretAccessKey) {

  public String arn() {
    return Arns.user(account, user);
  }

  public String userId() {
    return AwsIds.userId(account, user);
  }
}
