package io.resoto.worker.aws.account;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.AssumedRoleCredentials;
import io.resoto.worker.aws.credentials.CredentialChain;
import io.resoto.worker.aws.credentials.Partitions;
import io.resoto.worker.aws.credentials.RoleAssumer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Account discovery as the original collector does it (§2.2 of the reference), per credential
 * source (each profile, else the static keys or the default chain):
 *
 * <ul>
 *   <li>{@code role} + {@code scrape_org}: every account of the organisation (listed through
 *       {@code scrape_org_role_arn} when set; only under {@code scrape_org_ou}, never under
 *       {@code scrape_org_exclude_ou}, never in {@code scrape_exclude_account}) with the role
 *       assumed, plus the current account with its own credentials unless
 *       {@code do_not_scrape_current} ({@code assume_current} assumes the role there too);
 *   <li>{@code role} + {@code account}: each listed account with the role assumed;
 *   <li>otherwise the account the credentials belong to.
 * </ul>
 *
 * <p>Beyond the original: each account is collected once (the first credential source that gets
 * in wins; the other ways in are reported), every way in is checked with sts:GetCallerIdentity
 * before it is used (the authentication gate), and names are looked up in parallel without ever
 * losing an account to a failed lookup; with {@code shard} set, only the accounts of that shard
 * are kept (see {@link AccountShard}), before any role is assumed in them.
 */
public final class ConfiguredAccountDiscovery implements AccountDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredAccountDiscovery.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final AwsConfig config;
  private final AwsClientFactory clients;
  private final RoleAssumer roles;

  public ConfiguredAccountDiscovery(AwsConfig config, AwsClientFactory clients) {
    this.config = Objects.requireNonNull(config);
    this.clients = Objects.requireNonNull(clients);
    this.roles = new RoleAssumer(config, clients);
  }

  /** The discovery for this config. */
  public static AccountDiscovery of(AwsConfig config, AwsClientFactory clients) {
    return new ConfiguredAccountDiscovery(config, clients);
  }

  /** Who a set of credentials is: account, principal ARN and partition. */
  public record Caller(String accountId, String arn, String partition) {}

  /** One credential source after identification, with its lazily assumed organisation role. */
  private final class SourceContext {
    final CredentialChain.Source source;
    final Caller caller;
    private AwsCredentialsProvider orgCredentials;

    SourceContext(CredentialChain.Source source, Caller caller) {
      this.source = source;
      this.caller = caller;
    }

    /** The principal that lists and describes the organisation's accounts. */
    synchronized AwsCredentialsProvider orgCredentials(List<SdkAutoCloseable> toClose) {
      if (orgCredentials == null) {
        String arn = config.scrapeOrgRoleArn();
        if (arn == null || arn.isBlank()) {
          orgCredentials = source.provider();
        } else {
          AssumedRoleCredentials assumed = roles.assume(source.provider(), arn.strip());
          toClose.add(assumed);
          orgCredentials = assumed;
        }
      }
      return orgCredentials;
    }

    String orgVia() {
      String arn = config.scrapeOrgRoleArn();
      return arn == null || arn.isBlank() ? source.label() : source.label() + " as " + arn.strip();
    }
  }

  /**
   * One way into one account, before the gate.
   *
   * @param verified already proven by sts:GetCallerIdentity (the source's own account)
   * @param owned credentials made for this way only, closed when it is not taken
   */
  private record Way(String id, String profile, String roleArn, String partition,
      AwsCredentialsProvider credentials, String via, String orgName, SourceContext source,
      boolean verified, boolean owned) {}

  @Override
  public List<AwsAccountTarget> discover(Problems sink) throws Exception {
    if (config.assumeCurrent() && !config.doNotScrapeCurrent()) {
      throw new IllegalArgumentException("aws.assume_current needs aws.do_not_scrape_current: true"
          + " (the current account would be collected twice)");
    }
    Recorder problems = new Recorder(sink);
    List<SdkAutoCloseable> toClose = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      Map<String, List<Way>> byAccount = new LinkedHashMap<>();
      AccountShard shard = config.accountShard();
      Set<String> otherShards = new HashSet<>();
      for (CredentialChain.Source source : CredentialChain.sources(config)) {
        Caller caller;
        try {
          caller = identify(source.provider());
        } catch (Exception e) {
          problems.report(source.label(), "credentials do not get in, skipped: " + AwsErrors.describe(e));
          continue;
        }
        for (Way way : ways(new SourceContext(source, caller), problems, toClose)) {
          if (!shard.contains(way.id())) {
            // Another shard's account: not a problem, and never touched (no role assumed).
            otherShards.add(way.id());
            release(way);
            continue;
          }
          byAccount.computeIfAbsent(way.id(), id -> new ArrayList<>()).add(way);
        }
      }
      if (!otherShards.isEmpty()) {
        LOG.info("Shard {}: collecting {} account(s), leaving {} to the other shards", shard,
            byAccount.size(), otherShards.size());
      }
      List<Way> taken = parallel(new ArrayList<>(byAccount.values()), ways -> firstThatGetsIn(ways, problems))
          .stream().filter(Objects::nonNull).toList();
      List<AwsAccountTarget> targets = parallel(taken, way -> new AwsAccountTarget(
          way.id(), name(way, toClose), way.profile(), way.roleArn(), way.partition(), way.credentials()));
      if (targets.isEmpty() && problems.first.get() != null) {
        throw new IllegalStateException("No AWS account could be reached (" + problems.count.get()
            + " problem(s); first: " + problems.first.get() + "). Check the credentials (aws.access_key_id"
            + " and aws.secret_access_key, aws.profiles, the environment or the instance role) and, when"
            + " assuming roles, aws.role, aws.external_id and the roles' trust policies.");
      }
      return targets;
    } finally {
      // Only helper credentials (the organisation role) end here; the targets' live on.
      toClose.forEach(SdkAutoCloseable::close);
    }
  }

  /**
   * The account and partition of credentials: sts:GetCallerIdentity in us-east-1, us-gov-west-1
   * and cn-north-1 until one answers (keys are unknown outside their partition).
   */
  public Caller identify(AwsCredentialsProvider credentials) {
    // Fails fast, once, when there are no credentials at all, instead of once per partition.
    credentials.resolveCredentials();
    RuntimeException invalidToken = null;
    RuntimeException other = null;
    for (String region : Partitions.DETECTION_REGIONS) {
      try (StsClient sts = clients.create(StsClient.builder(), credentials, region)) {
        GetCallerIdentityResponse me = sts.getCallerIdentity();
        String partition = Objects.requireNonNullElse(Partitions.ofArn(me.arn()), Partitions.ofRegion(region));
        return new Caller(me.account(), me.arn(), partition);
      } catch (AwsServiceException e) {
        if ("InvalidClientTokenId".equals(AwsErrors.code(e))) {
          invalidToken = e;
        } else {
          other = e;
        }
      } catch (RuntimeException e) {
        other = e;
      }
    }
    throw other != null ? other : invalidToken;
  }

  private List<Way> ways(SourceContext ctx, Problems problems, List<SdkAutoCloseable> toClose) {
    String role = config.role() == null || config.role().isBlank() ? null : config.role().strip();
    List<Way> ways = new ArrayList<>();
    Caller me = ctx.caller;
    if (role != null && config.scrapeOrg()) {
      Map<String, Account> org = organisationAccounts(ctx, problems, toClose);
      Set<String> excluded = new HashSet<>(config.scrapeExcludeAccount() == null ? List.of() : config.scrapeExcludeAccount());
      for (Account account : org.values()) {
        if (excluded.contains(account.id()) || (account.id().equals(me.accountId()) && !config.assumeCurrent())) {
          continue;
        }
        ways.add(roleWay(ctx, role, account.id(), account.name()));
      }
      if (!config.doNotScrapeCurrent()) {
        Account current = org.get(me.accountId());
        ways.add(directWay(ctx, current == null ? null : current.name()));
      }
    } else if (role != null && config.account() != null && !config.account().isEmpty()) {
      for (String id : config.account()) {
        ways.add(roleWay(ctx, role, id, null));
      }
    } else {
      ways.add(directWay(ctx, null));
    }
    return ways;
  }

  private Way directWay(SourceContext ctx, String orgName) {
    return new Way(ctx.caller.accountId(), ctx.source.profile(), null, ctx.caller.partition(),
        ctx.source.provider(), ctx.source.label(), orgName, ctx, true, false);
  }

  private Way roleWay(SourceContext ctx, String role, String accountId, String orgName) {
    String arn = RoleAssumer.roleArn(role, ctx.caller.partition(), accountId);
    String partition = Objects.requireNonNullElse(Partitions.ofArn(arn), ctx.caller.partition());
    return new Way(accountId, ctx.source.profile(), arn, partition, roles.assume(ctx.source.provider(), arn),
        ctx.source.label() + " as " + arn, orgName, ctx, false, true);
  }

  /**
   * The organisation's accounts by id, in listing order: all of them, or those under
   * scrape_org_ou (nested OUs included), minus those under scrape_org_exclude_ou. Empty, with a
   * report, when the organisation cannot be listed.
   */
  private Map<String, Account> organisationAccounts(SourceContext ctx, Problems problems,
      List<SdkAutoCloseable> toClose) {
    AwsCredentialsProvider credentials;
    try {
      credentials = ctx.orgCredentials(toClose);
    } catch (RuntimeException e) {
      problems.report("organization", "cannot assume scrape_org_role_arn: " + AwsErrors.describe(e));
      return Map.of();
    }
    String region = Partitions.globalRegion(ctx.caller.partition());
    try (OrganizationsClient org = clients.create(OrganizationsClient.builder(), credentials, region)) {
      Map<String, Account> accounts = new LinkedHashMap<>();
      List<String> include = config.scrapeOrgOu() == null ? List.of() : config.scrapeOrgOu();
      if (include.isEmpty()) {
        // This SDK's Organizations paginators flatten nothing: walk the pages.
        org.listAccountsPaginator(ListAccountsRequest.builder().build())
            .forEach(page -> page.accounts().forEach(a -> accounts.put(a.id(), a)));
      } else {
        Set<String> seen = new HashSet<>();
        for (String ou : include) {
          under(org, ou, accounts, seen, problems, "scrape_org_ou");
        }
      }
      List<String> exclude = config.scrapeOrgExcludeOu() == null ? List.of() : config.scrapeOrgExcludeOu();
      if (!exclude.isEmpty()) {
        Map<String, Account> excluded = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String ou : exclude) {
          under(org, ou, excluded, seen, problems, "scrape_org_exclude_ou");
        }
        accounts.keySet().removeAll(excluded.keySet());
      }
      return accounts;
    } catch (RuntimeException e) {
      String why = AwsErrors.isDenied(e) ? "missing permissions to list the organisation's accounts"
          : "cannot list the organisation's accounts";
      problems.report("organization", why + " through " + ctx.orgVia() + ": " + AwsErrors.describe(e));
      return Map.of();
    }
  }

  /** Adds the accounts under {@code parent}, nested OUs included. An unknown OU has none. */
  private void under(OrganizationsClient org, String parent, Map<String, Account> into, Set<String> seen,
      Problems problems, String key) {
    if (!seen.add(parent)) {
      return;
    }
    try {
      org.listAccountsForParentPaginator(ListAccountsForParentRequest.builder().parentId(parent).build())
          .forEach(page -> page.accounts().forEach(a -> into.putIfAbsent(a.id(), a)));
      List<String> children = new ArrayList<>();
      org.listOrganizationalUnitsForParentPaginator(
              ListOrganizationalUnitsForParentRequest.builder().parentId(parent).build())
          .forEach(page -> page.organizationalUnits().forEach(u -> children.add(u.id())));
      for (String child : children) {
        under(org, child, into, seen, problems, key);
      }
    } catch (AwsServiceException e) {
      if (!"ParentNotFoundException".equals(AwsErrors.code(e))) {
        throw e;
      }
      problems.report("organization", key + ": no OU or root '" + parent + "' in the organisation");
    }
  }

  /**
   * The first way (in credential-source order) whose credentials really reach the account; the
   * others are reported as duplicates or failures and their credentials closed.
   */
  private Way firstThatGetsIn(List<Way> ways, Problems problems) {
    Way taken = null;
    for (Way way : ways) {
      if (taken != null) {
        problems.report(way.id(), "already collected through " + taken.via() + "; not collected again through "
            + way.via());
        release(way);
        continue;
      }
      try {
        String reached = way.verified() ? way.id() : callerAccount(way);
        if (reached.equals(way.id())) {
          taken = way;
        } else {
          problems.report(way.id(), "credentials through " + way.via() + " belong to account " + reached
              + ", not " + way.id() + "; skipped");
          release(way);
        }
      } catch (RuntimeException e) {
        String what = AwsErrors.isAuthFailure(e) ? "authentication failure" : "cannot check the credentials";
        problems.report(way.id(), what + " through " + way.via() + ", skipped: " + AwsErrors.describe(e));
        release(way);
      }
    }
    return taken;
  }

  private String callerAccount(Way way) {
    try (StsClient sts = clients.create(StsClient.builder(), way.credentials(), Partitions.globalRegion(way.partition()))) {
      return sts.getCallerIdentity().account();
    }
  }

  private static void release(Way way) {
    if (way.owned() && way.credentials() instanceof SdkAutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * The display name per prefer_profile_as_account_name and prefer_account_alias_as_name: the
   * profile, the IAM alias, the organisation's name, the id. Lookups never fail the account.
   */
  String name(Way way, List<SdkAutoCloseable> toClose) {
    if (config.preferProfileAsAccountName() && way.profile() != null) {
      return way.profile();
    }
    String first;
    String second;
    if (config.preferAccountAliasAsName()) {
      first = alias(way);
      second = first == null ? organisationName(way, toClose) : null;
    } else {
      first = organisationName(way, toClose);
      second = first == null ? alias(way) : null;
    }
    return first != null ? first : second != null ? second : way.id();
  }

  private String alias(Way way) {
    try (IamClient iam = clients.create(IamClient.builder(), way.credentials(), Partitions.globalRegion(way.partition()))) {
      List<String> aliases = iam.listAccountAliases().accountAliases();
      return aliases.isEmpty() ? null : aliases.get(0);
    } catch (RuntimeException e) {
      LOG.debug("No alias for account {}: {}", way.id(), AwsErrors.describe(e));
      return null;
    }
  }

  /**
   * The name from the organisation listing when discovery has it (no call needed), else
   * organizations:DescribeAccount through the organisation principal.
   */
  private String organisationName(Way way, List<SdkAutoCloseable> toClose) {
    if (way.orgName() != null && !way.orgName().isBlank()) {
      return way.orgName();
    }
    try (OrganizationsClient org = clients.create(OrganizationsClient.builder(),
        way.source().orgCredentials(toClose), Partitions.globalRegion(way.partition()))) {
      String name = org.describeAccount(r -> r.accountId(way.id())).account().name();
      return name == null || name.isBlank() ? null : name;
    } catch (RuntimeException e) {
      LOG.debug("No organisation name for account {}: {}", way.id(), AwsErrors.describe(e));
      return null;
    }
  }

  /** Runs {@code work} on each item with up to account_pool_size threads, results in item order. */
  private <T, R> List<R> parallel(List<T> items, Function<T, R> work) throws InterruptedException, ExecutionException {
    if (items.isEmpty()) {
      return List.of();
    }
    int threads = Math.max(1, Math.min(items.size(), config.accountPoolSize()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "aws-account-discovery-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Passes reports on (serialised: lookups run in parallel) and remembers the first. */
  private static final class Recorder implements Problems {
    final Problems sink;
    final AtomicReference<String> first = new AtomicReference<>();
    final AtomicInteger count = new AtomicInteger();

    Recorder(Problems sink) {
      this.sink = sink;
    }

    @Override
    public synchronized void report(String scope, String message) {
      count.incrementAndGet();
      first.compareAndSet(null, scope + ": " + message);
      LOG.warn("{}: {}", scope, message);
      sink.report(scope, message);
    }
  }
}
