package io.resoto.worker.aws.account;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.AssumedRoleCredentials;
import io.resoto.worker.aws.credentials.CredentialChain;
import io.resoto.worker.aws.credentials.Partitions;
import io.resoto.worker.aws.credentials.RoleAssumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The credentials for one given account, outside a collect run (tag tasks): the way in the
 * collect would take ({@link ConfiguredAccountDiscovery}), found without listing the
 * organisation. Per credential source of the config (each profile, else the keys or the default
 * chain), in order:
 *
 * <ul>
 *   <li>{@code role} with {@code account} listing the account: the role assumed in it, as the
 *       collect does (no other call);
 *   <li>{@code role} with {@code scrape_org}: the source's own credentials in its own account
 *       (the role there with {@code assume_current}), else the role assumed in the account, unless
 *       {@code scrape_exclude_account} lists it;
 *   <li>otherwise the source's own credentials when they belong to the account
 *       (sts:GetCallerIdentity tells), e.g. the profile of that account.
 * </ul>
 *
 * <p>The first source that gets in wins; an assumed role is proven with its AssumeRole call
 * before it is used, so a source that cannot assume it gives way to the next. The organisation's
 * OU filters are not checked (that needs the organisation's listing): an account the role reaches
 * is reached. Not thread-safe: one instance serves one tag task.
 */
public final class AccountAccess implements AutoCloseable {

  private final AwsConfig config;
  private final AwsClientFactory clients;
  private final RoleAssumer roles;
  private final Map<String, AwsCredentialsProvider> reached = new HashMap<>();
  private final List<AssumedRoleCredentials> assumed = new ArrayList<>();

  public AccountAccess(AwsConfig config, AwsClientFactory clients) {
    this.config = Objects.requireNonNull(config, "config");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.roles = new RoleAssumer(config, clients);
  }

  /**
   * Credentials that reach the account, reused for the life of this instance.
   *
   * @param partition the account's partition (its STS calls go to the partition's global region)
   * @throws IllegalStateException when no way of the config reaches the account, saying what each
   *     source answered
   */
  public AwsCredentialsProvider credentials(String accountId, String partition) {
    AwsCredentialsProvider known = reached.get(accountId);
    if (known != null) {
      return known;
    }
    String role = config.role() == null || config.role().isBlank() ? null : config.role().strip();
    List<String> tried = new ArrayList<>();
    for (CredentialChain.Source source : CredentialChain.sources(config)) {
      AwsCredentialsProvider found = reach(source, role, accountId, partition, tried);
      if (found != null) {
        reached.put(accountId, found);
        return found;
      }
    }
    throw new IllegalStateException("no credentials of the aws config reach account " + accountId + ": "
        + String.join("; ", tried) + " (tags are changed with the collect's credentials: the keys or profiles in"
        + " their own accounts, aws.role in the accounts of aws.account or, with aws.scrape_org, of the"
        + " organisation)");
  }

  private AwsCredentialsProvider reach(CredentialChain.Source source, String role, String accountId,
      String partition, List<String> tried) {
    boolean listed = config.account() != null && config.account().contains(accountId);
    if (role != null && !config.scrapeOrg() && listed) {
      return assume(source, role, accountId, partition, tried);
    }
    String caller;
    try {
      caller = callerAccount(source, partition);
    } catch (RuntimeException e) {
      tried.add(source.label() + ": credentials do not get in: " + AwsErrors.describe(e));
      return null;
    }
    boolean current = caller.equals(accountId);
    if (role != null && config.scrapeOrg()) {
      if (current && !config.assumeCurrent()) {
        return source.provider();
      }
      if (!current && config.scrapeExcludeAccount() != null && config.scrapeExcludeAccount().contains(accountId)) {
        tried.add("aws.scrape_exclude_account lists it");
        return null;
      }
      return assume(source, role, accountId, partition, tried);
    }
    if (current) {
      return source.provider();
    }
    tried.add(source.label() + " belongs to account " + caller
        + (role != null ? " and aws.account does not list " + accountId : ""));
    return null;
  }

  private AwsCredentialsProvider assume(CredentialChain.Source source, String role, String accountId,
      String partition, List<String> tried) {
    String arn = RoleAssumer.roleArn(role, partition, accountId);
    AssumedRoleCredentials credentials = roles.assume(source.provider(), arn);
    try {
      // AssumeRole now, so a refusal names the role and the next source gets its turn
      credentials.resolveCredentials();
    } catch (RuntimeException e) {
      credentials.close();
      tried.add(source.label() + " as " + arn + ": " + AwsErrors.describe(e));
      return null;
    }
    assumed.add(credentials);
    return credentials;
  }

  private String callerAccount(CredentialChain.Source source, String partition) {
    try (StsClient sts = clients.create(StsClient.builder(), source.provider(), Partitions.globalRegion(partition))) {
      return sts.getCallerIdentity().account();
    }
  }

  /** Stops the background renewal of the assumed roles. */
  @Override
  public void close() {
    assumed.forEach(AssumedRoleCredentials::close);
    assumed.clear();
    reached.clear();
  }
}
