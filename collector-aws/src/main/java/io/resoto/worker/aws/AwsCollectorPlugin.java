package io.resoto.worker.aws;

import io.resoto.worker.aws.account.AccountAccess;
import io.resoto.worker.aws.account.AccountDiscovery;
import io.resoto.worker.aws.account.ConfiguredAccountDiscovery;
import io.resoto.worker.aws.account.ConfiguredRegionResolver;
import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.account.RegionResolver;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.CredentialCheck;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.aws.engine.ResourceTagger;
import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.CollectorPlugin;
import io.resoto.worker.spi.TagTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code aws} collector: discovers the accounts of the config, collects them in parallel (up
 * to {@code account_pool_size}), each with every kind of the {@link KindRegistry} in its regions,
 * and submits each account graph as soon as that account is done. With {@code
 * resotoworker.collector} not set, it runs when its credentials work ({@link #autoEnable}). It
 * changes tags of the kinds that declare tag calls ({@link AwsKind#tagSupport}), with the
 * credentials the collect reaches the resource's account with ({@link AccountAccess}).
 *
 * <p>The usage metrics of a run cover the time since the previous run of the aws collector
 * started (see {@link io.resoto.worker.aws.metrics.MetricWindow#usageWindow}). The original takes
 * that time from the core's task data; this worker has none, so the start of the last run is kept
 * in memory (beside the plugin instances, one per run): the first run after the worker starts
 * uses the 1-hour window.
 */
public final class AwsCollectorPlugin implements CollectorPlugin<AwsConfig> {

  private static final Logger log = LoggerFactory.getLogger(AwsCollectorPlugin.class);
  /** How often the plugin looks at the run's cancellation flag while accounts are collected. */
  private static final long CANCEL_POLL_MS = 100;

  private final BiFunction<AwsConfig, AwsClientFactory, AccountDiscovery> discoveryFactory;
  private final BiFunction<AwsConfig, AwsClientFactory, RegionResolver> resolverFactory;
  private final List<AwsKind> kinds;

  private AwsConfig config;
  private AwsClientFactory clients;
  private AccountDiscovery discovery;
  private RegionResolver resolver;
  private AccountAccess access;
  private ResourceTagger tagger;

  /**
   * When the previous run of the worker's aws collector started, for the usage window of the next:
   * the worker creates a fresh plugin instance for every run, so it is kept beside them.
   */
  private static final AtomicReference<Instant> PREVIOUS_RUN_START = new AtomicReference<>();

  private final AtomicReference<Instant> previousRunStart;

  /** The plugin as ServiceLoader creates it: the configured account discovery and region resolver. */
  public AwsCollectorPlugin() {
    this(ConfiguredAccountDiscovery::new, ConfiguredRegionResolver::new);
  }

  /** A plugin with its own account discovery and region resolver (tests). */
  public AwsCollectorPlugin(BiFunction<AwsConfig, AwsClientFactory, AccountDiscovery> discovery,
      BiFunction<AwsConfig, AwsClientFactory, RegionResolver> resolver) {
    this(discovery, resolver, KindRegistry.kinds());
  }

  /** A plugin that collects only the given kinds (tests of the engine with kinds of their own). */
  public AwsCollectorPlugin(BiFunction<AwsConfig, AwsClientFactory, AccountDiscovery> discovery,
      BiFunction<AwsConfig, AwsClientFactory, RegionResolver> resolver, List<AwsKind> kinds) {
    this(discovery, resolver, kinds, PREVIOUS_RUN_START);
  }

  /**
   * A plugin that keeps the start of its runs in {@code previousRunStart} (tests of the usage
   * window; the others share one for the whole worker).
   */
  public AwsCollectorPlugin(BiFunction<AwsConfig, AwsClientFactory, AccountDiscovery> discovery,
      BiFunction<AwsConfig, AwsClientFactory, RegionResolver> resolver, List<AwsKind> kinds,
      AtomicReference<Instant> previousRunStart) {
    this.previousRunStart = Objects.requireNonNull(previousRunStart, "previousRunStart");
    this.discoveryFactory = Objects.requireNonNull(discovery, "discovery");
    this.resolverFactory = Objects.requireNonNull(resolver, "resolver");
    this.kinds = List.copyOf(kinds);
  }

  @Override
  public String name() {
    return AccountCollector.CLOUD;
  }

  @Override
  public Class<AwsConfig> configType() {
    return AwsConfig.class;
  }

  @Override
  public List<ModelKind> kinds() {
    return KindRegistry.model(kinds);
  }

  /**
   * True when the credentials this config collects with (keys, profiles, the environment, the
   * shared files, the container or instance role) answer {@code sts:GetCallerIdentity} in
   * us-east-1, us-gov-west-1 or cn-north-1, as the original collector's check; at {@code
   * endpoint_url} when set. Logs one INFO line saying who answered, or why nothing did.
   */
  @Override
  public boolean autoEnable(AwsConfig config, Duration timeout) {
    CredentialCheck.Result result = CredentialCheck.run(config, timeout);
    if (result.works()) {
      log.info("auto-enabled: {}", result.detail());
    } else {
      log.info("not auto-enabled: no credentials answered sts:GetCallerIdentity: {}", result.detail());
    }
    return result.works();
  }

  @Override
  public void init(AwsConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.clients = new AwsClientFactory(config);
    this.discovery = Objects.requireNonNull(discoveryFactory.apply(config, clients), "account discovery");
    this.resolver = Objects.requireNonNull(resolverFactory.apply(config, clients), "region resolver");
    this.access = new AccountAccess(config, clients);
    this.tagger = new ResourceTagger(kinds, clients, access);
  }

  @Override
  public boolean supportsTags() {
    return true;
  }

  /**
   * Sets a tag with the calls of the node's kind ({@link AwsKind#tagSupport}) in the node's
   * account and region; kinds without tag calls are refused.
   */
  @Override
  public void updateTag(AwsConfig config, TagTarget target, String key, String value) throws Exception {
    tagger().update(target, key, value);
  }

  /** Removes a tag, as {@link #updateTag} says. */
  @Override
  public void deleteTag(AwsConfig config, TagTarget target, String key) throws Exception {
    tagger().delete(target, key);
  }

  private ResourceTagger tagger() {
    if (tagger == null) {
      throw new IllegalStateException("the aws collector was not initialised");
    }
    return tagger;
  }

  @Override
  public void collect(CollectContext context) throws Exception {
    Instant lastRunStart = previousRunStart.getAndSet(context.startedAt());
    List<AwsAccountTarget> accounts;
    try (CollectContext.LogScope scope = context.logScope(null, null, null)) {
      accounts = discovery.discover((where, message) -> context.error(where, null, null, message));
    }
    if (accounts.isEmpty() || context.isCancelled()) {
      log.info("no accounts to collect");
      closeCredentials(accounts);
      return;
    }
    AccountCollector collector = new AccountCollector(config, clients, resolver, kinds, context,
        Clock.systemUTC(), lastRunStart);
    int threads = Math.min(accounts.size(), Math.max(1, config.accountPoolSize()));
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "aws-account-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (AwsAccountTarget target : accounts) {
        futures.add(pool.submit(() -> collectAccount(collector, target, context)));
      }
      for (Future<?> f : futures) {
        while (true) {
          if (context.isCancelled()) {
            log.info("run cancelled: stopping the account collection");
            return;
          }
          try {
            f.get(CANCEL_POLL_MS, TimeUnit.MILLISECONDS);
            break;
          } catch (TimeoutException e) {
            // look at the cancellation flag again
          } catch (ExecutionException e) {
            // collectAccount reports its own failures; this is a bug of ours, not of one account
            log.error("account task failed", e.getCause());
            break;
          }
        }
      }
    } finally {
      pool.shutdownNow();
      closeCredentials(accounts);
    }
  }

  /** Assumed-role credentials renew themselves in the background until they are closed. */
  private static void closeCredentials(List<AwsAccountTarget> accounts) {
    for (AwsAccountTarget target : accounts) {
      if (target.credentials() instanceof software.amazon.awssdk.utils.SdkAutoCloseable closeable) {
        try {
          closeable.close();
        } catch (RuntimeException e) {
          log.debug("closing the credentials of {} failed", target.id(), e);
        }
      }
    }
  }

  private void collectAccount(AccountCollector collector, AwsAccountTarget target, CollectContext context) {
    if (context.isCancelled()) {
      return;
    }
    try (CollectContext.LogScope scope = context.logScope(target.id(), null, null)) {
      AccountCollector.Result result = collector.collect(target);
      if (result.graph() != null && !context.isCancelled()) {
        context.submit(result.graph());
        log.info("account collected: {} nodes, {} edges", result.graph().graph().nodeCount(),
            result.graph().graph().edgeCount());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("account {} failed", target.id(), e);
      context.error(target.id(), null, null, "account not collected: " + e);
    }
  }

  @Override
  public void close() {
    if (access != null) {
      access.close();
      access = null;
    }
    if (clients != null) {
      try {
        clients.close();
      } catch (RuntimeException e) {
        log.debug("closing the client factory failed", e);
      }
      clients = null;
    }
  }
}
