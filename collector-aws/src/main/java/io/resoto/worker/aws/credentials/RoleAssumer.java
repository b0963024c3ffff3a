package io.resoto.worker.aws.credentials;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * Assumes roles with the config's ExternalId, session name and session duration. The sessions
 * renew themselves in the background well before they expire, so a long collection never runs
 * into ExpiredToken; the STS clients come from {@link AwsClientFactory} so the endpoint override
 * and the shared HTTP client apply to them too.
 */
public final class RoleAssumer {

  /**
   * STS caps sessions of role chaining (a role assumed with role credentials) at one hour, and
   * one hour is also every role's MaxSessionDuration unless raised.
   */
  public static final int CHAINED_MAX_SECONDS = 3600;

  private final AwsConfig config;
  private final AwsClientFactory clients;
  private final boolean asyncRefresh;

  public RoleAssumer(AwsConfig config, AwsClientFactory clients) {
    this(config, clients, true);
  }

  /**
   * With {@code asyncRefresh} false the caller that finds the session in its prefetch window
   * renews it (tests observe renewal that way without waiting for a background thread).
   */
  RoleAssumer(AwsConfig config, AwsClientFactory clients, boolean asyncRefresh) {
    this.config = Objects.requireNonNull(config);
    this.clients = Objects.requireNonNull(clients);
    this.asyncRefresh = asyncRefresh;
  }

  /**
   * The role ARN for a role given by name or ARN: a name becomes
   * {@code arn:<partition>:iam::<account>:role/<name>}; an ARN is used as given.
   */
  public static String roleArn(String role, String partition, String accountId) {
    if (role.startsWith("arn:")) {
      return role;
    }
    return "arn:" + partition + ":iam::" + accountId + ":role/" + role;
  }

  /** Assumes {@code roleArn} with {@code base}; nothing is called until credentials are needed. */
  public AssumedRoleCredentials assume(AwsCredentialsProvider base, String roleArn) {
    String partition = Objects.requireNonNullElse(Partitions.ofArn(roleArn), Partitions.AWS);
    StsClient sts = clients.create(StsClient.builder(), base, Partitions.globalRegion(partition));
    return new AssumedRoleCredentials(roleArn, base, sts, sessionSeconds(base),
        seconds -> provider(sts, roleArn, seconds));
  }

  private StsAssumeRoleCredentialsProvider provider(StsClient sts, String roleArn, int seconds) {
    Duration session = Duration.ofSeconds(seconds);
    AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
        .roleArn(roleArn)
        .roleSessionName(config.roleSessionName())
        .durationSeconds(seconds);
    if (config.externalId() != null && !config.externalId().isEmpty()) {
      request.externalId(config.externalId().reveal());
    }
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(request.build())
        .asyncCredentialUpdateEnabled(asyncRefresh)
        .prefetchTime(prefetchTime(session))
        .staleTime(staleTime(session))
        .build();
  }

  /**
   * How long before expiry a new session is fetched in the background: a quarter of the
   * session, at most 15 minutes, so a throttled or slow STS has several minutes of retries left.
   */
  public static Duration prefetchTime(Duration session) {
    Duration quarter = session.dividedBy(4);
    return quarter.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : quarter;
  }

  /**
   * How long before expiry callers block for a new session: half the prefetch time, at most 5
   * minutes, so signing never uses credentials that expire while a request is in flight.
   */
  public static Duration staleTime(Duration session) {
    Duration half = prefetchTime(session).dividedBy(2);
    return half.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : half;
  }

  private int sessionSeconds(AwsCredentialsProvider base) {
    int wanted = config.sessionDuration();
    // STS refuses longer chained sessions outright, so ask for what it grants.
    return base instanceof AssumedRoleCredentials ? Math.min(wanted, CHAINED_MAX_SECONDS) : wanted;
  }
}
