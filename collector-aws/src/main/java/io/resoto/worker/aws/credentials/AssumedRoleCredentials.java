package io.resoto.worker.aws.credentials;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials of an assumed role that renew themselves before they expire. Closing stops the
 * background refresh and releases the STS client (the shared HTTP client stays open).
 */
public final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

  private final String roleArn;
  private final AwsCredentialsProvider base;
  private final StsClient sts;
  private final StsAssumeRoleCredentialsProvider provider;

  AssumedRoleCredentials(String roleArn, AwsCredentialsProvider base, StsClient sts,
      StsAssumeRoleCredentialsProvider provider) {
    this.roleArn = roleArn;
    this.base = base;
    this.sts = sts;
    this.provider = provider;
  }

  /** The role assumed. */
  public String roleArn() {
    return roleArn;
  }

  /** The credentials the role is assumed with (itself an assumed role when chained). */
  public AwsCredentialsProvider base() {
    return base;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return provider.resolveCredentials();
  }

  @Override
  public void close() {
    provider.close();
    sts.close();
  }

  @Override
  public String toString() {
    return "AssumedRoleCredentials(" + roleArn + ")";
  }
}
