package io.resoto.worker.aws.credentials;

import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>When AWS answers ExpiredToken for a session the cache still holds, {@link #renew} mints a
 * new one (and renews the base first when the base itself is what expired, for chained roles).
 */
public final class AssumedRoleCredentials implements AwsCredentialsProvider, RenewableCredentials,
    SdkAutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AssumedRoleCredentials.class);

  private final String roleArn;
  private final AwsCredentialsProvider base;
  private final StsClient sts;
  private final IntFunction<StsAssumeRoleCredentialsProvider> providers;
  private volatile int sessionSeconds;
  private volatile StsAssumeRoleCredentialsProvider provider;
  /** Replaced providers, closed with this one: a caller may still be resolving through them. */
  private final List<StsAssumeRoleCredentialsProvider> retired = new ArrayList<>();

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
    Object baseSession = base instanceof RenewableCredentials r ? r.session() : null;
    try {
      return current.resolveCredentials();
    } catch (AwsServiceException e) {
      if (baseSession != null && RenewableCredentials.isExpired(e)) {
        // STS refused the base session (a chained role): renew the base, then ask again
        LOG.info("the session {} is assumed with has expired early; renewing it", roleArn);
        ((RenewableCredentials) base).renew(baseSession);
        replace(current, sessionSeconds);
        return provider.resolveCredentials();
      }
      if (!tooLong(e)) {
        throw e;
      }
      synchronized (this) {
        if (provider == current) {
          LOG.warn("{} does not allow sessions of {} s; using {} s", roleArn, sessionSeconds,
              RoleAssumer.CHAINED_MAX_SECONDS);
          sessionSeconds = RoleAssumer.CHAINED_MAX_SECONDS;
        }
      }
      replace(current, sessionSeconds);
      return provider.resolveCredentials();
    }
  }

  @Override
  public Object session() {
    return provider;
  }

  @Override
  public void renew(Object seen) {
    if (replace(seen, sessionSeconds)) {
      LOG.info("AWS declared the session of {} expired before its stated expiry; assumed the role again", roleArn);
    }
  }

  /** Swaps in a fresh provider if {@code seen} is still the current one; true if it did. */
  private synchronized boolean replace(Object seen, int seconds) {
    if (provider != seen) {
      return false;
    }
    retired.add(provider);
    provider = providers.apply(seconds);
    return true;
  }

  private boolean tooLong(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return sessionSeconds > RoleAssumer.CHAINED_MAX_SECONDS && message != null
        && message.contains("DurationSeconds exceeds");
  }

  @Override
  public synchronized void close() {
    retired.forEach(StsAssumeRoleCredentialsProvider::close);
    provider.close();
    sts.close();
  }

  @Override
  public String toString() {
    return "AssumedRoleCredentials(" + roleArn + ")";
  }
}
