package io.resoto.worker.aws.credentials;

import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials of an assumed role that renew themselves before they expire. Closing stops the
 * background refresh and releases the STS client (the shared HTTP client stays open).
 *
 * <p>When STS refuses the configured session_duration because the role's MaxSessionDuration is
 * lower, the session is asked for again with one hour (every role's default maximum) instead of
 * losing the account over a duration.
 */
public final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AssumedRoleCredentials.class);

  private final String roleArn;
  private final AwsCredentialsProvider base;
  private final StsClient sts;
  private final IntFunction<StsAssumeRoleCredentialsProvider> providers;
  private volatile int sessionSeconds;
  private volatile StsAssumeRoleCredentialsProvider provider;

  AssumedRoleCredentials(String roleArn, AwsCredentialsProvider base, StsClient sts, int sessionSeconds,
      IntFunction<StsAssumeRoleCredentialsProvider> providers) {
    this.roleArn = roleArn;
    this.base = base;
    this.sts = sts;
    this.providers = providers;
    this.sessionSeconds = sessionSeconds;
    this.provider = providers.apply(sessionSeconds);
  }

  /** The role assumed. */
  public String roleArn() {
    return roleArn;
  }

  /** The credentials the role is assumed with (itself an assumed role when chained). */
  public AwsCredentialsProvider base() {
    return base;
  }

  /** The session length asked of STS, in seconds. */
  public int sessionSeconds() {
    return sessionSeconds;
  }

  @Override
  public AwsCredentials resolveCredentials() {
    StsAssumeRoleCredentialsProvider current = provider;
    try {
      return current.resolveCredentials();
    } catch (AwsServiceException e) {
      if (!tooLong(e)) {
        throw e;
      }
      synchronized (this) {
        if (provider == current) {
          LOG.warn("{} does not allow sessions of {} s; using {} s", roleArn, sessionSeconds,
              RoleAssumer.CHAINED_MAX_SECONDS);
          sessionSeconds = RoleAssumer.CHAINED_MAX_SECONDS;
          provider = providers.apply(sessionSeconds);
          current.close();
        }
      }
      return provider.resolveCredentials();
    }
  }

  private boolean tooLong(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return sessionSeconds > RoleAssumer.CHAINED_MAX_SECONDS && message != null
        && message.contains("DurationSeconds exceeds");
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
