package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.account.RegionResolver;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.RenewableCredentials;
import io.resoto.worker.aws.kinds.base.AwsAccountKind;
import io.resoto.worker.aws.kinds.base.AwsRegionKind;
import io.resoto.worker.aws.metrics.MetricBatches;
import io.resoto.worker.aws.metrics.MetricData;
import io.resoto.worker.aws.metrics.MetricQuery;
import io.resoto.worker.aws.metrics.MetricWindow;
import io.resoto.worker.aws.metrics.Usage;
import io.resoto.worker.aws.metrics.UsageMetrics;
import io.resoto.worker.graph.Assessment;
import io.resoto.worker.graph.DeferredEdge;
import io.resoto.worker.graph.Edge;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.AccountGraph;
import io.resoto.worker.spi.CollectContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * Collects one account into one graph: the {@code aws_account} node as root, one
 * {@code aws_region} node per collected region plus the "global" region node, and every kind of
 * the registry that the collect/no_collect globs allow, global kinds once and regional kinds in
 * every region, all on one pool of {@code resource_pool_size} threads per account with at most
 * {@code resource_pool_tasks_per_service} tasks per "region:service" at once.
 *
 * <p>Once every kind is listed, the CloudWatch queries of the kinds that implement
 * {@link UsageMetrics} are sent per region in calls of at most 499 queries (task key and rate
 * limit {@code region:cloudwatch}); the answers become the nodes' usage sections and what those
 * kinds derive (a volume's atime). A failing metrics call only costs those metrics and never
 * discards the account: access denied is listed as skipped (and logged as a warning), anything
 * else is a WARN.
 *
 * <p>Kinds of scope {@link AwsKind.Scope#ENGINE} run in the global region of every account to
 * complete the nodes the engine built: what they add with
 * {@link KindContext#addAccountProperties} is set on the account node before the graph is handed
 * over. Each region node gets {@code region_in_use} once the graph is connected.
 *
 * <p>A failing (region, kind) is classified once ({@link ErrorClassifier}), reported through
 * {@link CollectContext#error} and skipped; the rest of the account goes on, unless
 * {@code discard_account_on_resource_error} is set and the failure is an error (not an expected
 * skip).
 */
public final class AccountCollector {

  /** The cloud id of every node, the plugin's name. */
  public static final String CLOUD = "aws";

  private static final Logger log = LoggerFactory.getLogger(AccountCollector.class);
  /** The scope (in place of a kind) of problems of the metrics phase. */
  public static final String METRICS_SCOPE = "cloudwatch";
  /** How often a waiting account looks at the run's cancellation flag. */
  private static final long CANCEL_POLL_MS = 100;

  private final AwsConfig config;
  private final AwsClientFactory clients;
  private final RegionResolver regions;
  private final List<AwsKind> kinds;
  private final CollectContext context;
  private final ErrorClassifier classifier = new ErrorClassifier();
  /** Values shared by every account of the run ({@link KindContext#shared}), failures left out. */
  private final Map<String, Future<Object>> shared = new ConcurrentHashMap<>();
  private final KindFilter filter;
  private final Clock clock;
  private final Instant lastRunStart;

  /** A problem recorded for the account, with the level it was logged at. */
  public record Problem(Level level, String region, String kind, String message) {}

  /** Log level of a recorded problem: WARN for expected skips, ERROR for failures. */
  /**
   * SKIP: left out on purpose (a region not enabled, a service needing opt-in): listed, the run
   * stays complete. WARN: expected but data is missing (access denied): the scope is incomplete.
   * ERROR: a failure.
   */
  public enum Level { SKIP, WARN, ERROR }

  /**
   * What collecting one account gave.
   *
   * @param graph the account graph to submit, or null when the account was discarded or the run
   *     cancelled
   * @param problems everything recorded, in order
   */
  public record Result(AccountGraph graph, List<Problem> problems) {}

  /**
   * An account collector for one run.
   *
   * @param kinds the kinds to collect (usually {@link KindRegistry#kinds()}); the globs of the
   *     config filter them
   */
  public AccountCollector(AwsConfig config, AwsClientFactory clients, RegionResolver regions,
      List<AwsKind> kinds, CollectContext context) {
    this(config, clients, regions, kinds, context, Clock.systemUTC(), null);
  }

  /**
   * An account collector for one run, with the clock that dates the metric windows.
   *
   * @param lastRunStart when the previous run started (sets the usage window, see
   *     {@link MetricWindow#usageWindow}), or null when there was none
   */
  public AccountCollector(AwsConfig config, AwsClientFactory clients, RegionResolver regions,
      List<AwsKind> kinds, CollectContext context, Clock clock, Instant lastRunStart) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastRunStart = lastRunStart;
    this.config = Objects.requireNonNull(config, "config");
    this.clients = Objects.requireNonNull(clients, "clients");
    this.regions = Objects.requireNonNull(regions, "regions");
    this.kinds = List.copyOf(kinds);
    this.context = Objects.requireNonNull(context, "context");
    this.filter = new KindFilter(config.collect(), config.noCollect());
  }

  /**
   * Collects the account. Never throws for a failing kind or region; returns without a graph when
   * the run was cancelled or the account discarded.
   */
  public Result collect(AwsAccountTarget target) throws InterruptedException {
    AccountRun run = new AccountRun(target);
    try {
      return run.collect();
    } finally {
      run.close();
    }
  }

  /**
   * The value of the key, computed by the first caller of the run; concurrent callers wait for it.
   * A failed computation is dropped, so the next caller tries again.
   */
  @SuppressWarnings("unchecked")
  <T> T shared(String key, Callable<T> compute) throws Exception {
    FutureTask<Object> mine = new FutureTask<>((Callable<Object>) compute);
    Future<Object> value = shared.putIfAbsent(key, mine);
    if (value == null) {
      value = mine;
      mine.run();
    }
    try {
      return (T) value.get();
    } catch (ExecutionException e) {
      shared.remove(key, value);
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The effective cap of one service: the per-service value can only lower the default. */
  static int tasksPerService(AwsConfig config, String service) {
    int dflt = config.resourcePoolTasksPerServiceDefault();
    Integer own = config.resourcePoolTasksPerService() == null ? null
        : config.resourcePoolTasksPerService().get(service);
    return Math.max(own == null ? dflt : Math.min(own, dflt), 1);
  }

  /** The configured request rate of a service, else "default", else none (0). */
  static double requestRate(AwsConfig config, String service) {
    Map<String, Double> rates = config.requestRateLimits();
    if (rates == null) {
      return 0;
    }
    Double rate = rates.get(service);
    if (rate == null) {
      rate = rates.get("default");
    }
    return rate == null ? 0 : rate;
  }

  /** SDK service names whose config key differs (the config uses the boto3 names). */
  private static String configServiceName(String sdkServiceName) {
    return switch (sdkServiceName) {
      case "monitoring" -> "cloudwatch";
      case "elasticloadbalancing" -> "elb";
      default -> sdkServiceName;
    };
  }

  /** One collected region: its id, its name ("global" for the global one) and its node. */
  record RegionScope(String id, String name, boolean global, Node node) {
    String label() {
      return global ? Partitions.GLOBAL_REGION_NAME : id;
    }
  }

  /** A node as a kind added it, with the region it belongs under. */
  private record Placed(Node node, RegionScope region, AwsKind kind) {
    boolean attach() {
      return kind.attachToRegion();
    }
  }

  /**
   * An edge with one end known and the other named by (kind, resource id); a target kind without
   * an id names every node of that kind.
   */
  record PendingEdge(Node from, String fromKind, String fromId, Node to, String toKind, String toId,
      EdgeType type, String region) {}

  /** A finding about the node of (kind, resource id), attached to it once the account is collected. */
  record PendingFinding(String kind, String id, String provider, Assessment.Finding finding, String region) {}

  /** The state of one account's collection, shared by its kind contexts. */
  final class AccountRun {
    private final AwsAccountTarget target;
    private final String partition;
    private final ConcurrentLinkedQueue<Placed> nodes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PendingEdge> edges = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PendingFinding> findings = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Map.Entry<Node, DeferredEdge>> deferred = new ConcurrentLinkedQueue<>();
    private final Map<String, SdkClient> clientCache = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Problem> problems = new ConcurrentLinkedQueue<>();
    /** region id + NUL + kind -> why: kinds that failed in a region, whose last good data the worker carries forward. */
    private final Map<String, String> incomplete = new ConcurrentHashMap<>();
    private final Map<String, Object> accountProperties = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, String> throttleExample = new ConcurrentHashMap<>();
    private final Set<String> metricProblems = ConcurrentHashMap.newKeySet();
    /** (region, kind, category, message) of the failures recorded so far. */
    private final Set<String> failures = ConcurrentHashMap.newKeySet();
    private volatile boolean failed;
    private ExecutorService pool;
    private KeyedTaskQueue queue;

    AccountRun(AwsAccountTarget target) {
      this.target = target;
      this.partition = target.partition() == null ? "aws" : target.partition();
    }

    AwsAccountTarget target() {
      return target;
    }

    String partition() {
      return partition;
    }

    boolean isCancelled() {
      return context.isCancelled() || Thread.currentThread().isInterrupted();
    }

    Result collect() throws InterruptedException {
      Instant startedAt = clock.instant();
      Node accountNode = AwsAccountKind.node(target);
      AccountGraph graph = context.newAccountGraph(accountNode);
      String globalId = Partitions.globalRegion(partition);
      RegionScope global = new RegionScope(globalId, Partitions.GLOBAL_REGION_NAME, true,
          AwsRegionKind.node(target.id(), globalId, Partitions.GLOBAL_REGION_NAME));
      List<RegionScope> scopes = new ArrayList<>();
      scopes.add(global);
      for (String r : resolveRegions()) {
        scopes.add(new RegionScope(r, r, false, AwsRegionKind.node(target.id(), r, r)));
      }

      pool = Executors.newFixedThreadPool(config.resourcePoolSize(), threads("aws-" + target.id()));
      queue = new KeyedTaskQueue(pool, key -> tasksPerService(config, key.substring(key.indexOf(':') + 1)));
      for (RegionScope region : scopes) {
        for (AwsKind kind : kinds) {
          boolean fits = region.global() ? kind.scope() == AwsKind.Scope.GLOBAL
              : kind.scope() == AwsKind.Scope.REGIONAL;
          boolean engineBuilt = region.global() && kind.scope() == AwsKind.Scope.ENGINE;
          if (fits && filter.shouldCollect(kind.name()) || engineBuilt) {
            KindContext kc = new KindContext(this, region, kind);
            queue.submit(region.id() + ":" + kind.service(), () -> runUnit(kc, region, kind, kc.kindCollect()));
          }
        }
      }
      if (!awaitQueue()) {
        return new Result(null, List.copyOf(problems));
      }
      reportThrottling();
      if (context.isCancelled()) {
        return new Result(null, List.copyOf(problems));
      }
      if (failed && config.discardAccountOnResourceError()) {
        record(Level.ERROR, null, null,
            "account discarded: a resource failed to collect and discard_account_on_resource_error is set");
        return new Result(null, List.copyOf(problems));
      }
      List<Placed> placed = withMetrics(startedAt);
      if (placed == null || context.isCancelled()) {
        return new Result(null, List.copyOf(problems));
      }
      if (!accountProperties.isEmpty()) {
        graph.replaceAccount(AwsAccountKind.node(target, accountProperties));
      }
      connect(graph.graph(), graph.account(), scopes, placed);
      new java.util.TreeMap<>(incomplete).forEach((key, why) -> {
        String[] parts = key.split("\u0000", 2);
        graph.incomplete(parts[0], parts[1], why);
      });
      return new Result(graph, List.copyOf(problems));
    }

    /** Waits until the queue is idle; false (queue and pool stopped) when the run was cancelled. */
    private boolean awaitQueue() throws InterruptedException {
      while (!queue.awaitIdle(CANCEL_POLL_MS, TimeUnit.MILLISECONDS)) {
        if (context.isCancelled() || Thread.currentThread().isInterrupted()) {
          queue.cancel();
          pool.shutdownNow();
          log.info("account {} cancelled", target.id());
          return false;
        }
      }
      return true;
    }

    /**
     * The metrics phase: asks CloudWatch what the {@link UsageMetrics} kinds want for their nodes
     * and returns every node, those of such kinds with their usage and derived values. Null when
     * the run was cancelled meanwhile.
     */
    private List<Placed> withMetrics(Instant now) throws InterruptedException {
      List<Placed> placed = new ArrayList<>(nodes);
      MetricWindow window = new MetricWindow(now, MetricWindow.usageWindow(now, lastRunStart),
          config.atimeMtimePeriod(), config.atimeMtimeGranularity());
      List<MetricBatches.Request> requests = new ArrayList<>();
      Map<Node, List<MetricQuery>> asked = new HashMap<>();
      for (Placed p : placed) {
        if (p.kind() instanceof UsageMetrics metrics) {
          List<MetricQuery> queries = new ArrayList<>();
          for (MetricQuery q : metrics.metricQueries(p.node(), window)) {
            if (q.usage() == null || config.collectUsageMetrics()) {
              queries.add(q);
              requests.add(new MetricBatches.Request(p.node().id(), q.region() != null ? q.region()
                  : p.node().region(), q));
            }
          }
          asked.put(p.node(), queries);
        }
      }
      if (asked.isEmpty()) {
        return placed;
      }
      Map<String, Map<MetricQuery, MetricData>> answers = new ConcurrentHashMap<>();
      List<MetricBatches.Batch> batches = MetricBatches.plan(requests, window);
      for (MetricBatches.Batch batch : batches) {
        queue.submit(batch.region() + ":cloudwatch", () -> fetchMetrics(batch, answers));
      }
      if (!awaitQueue()) {
        return null;
      }
      log.info("metrics: {} queries of {} nodes in {} call(s)", requests.size(), asked.size(), batches.size());
      List<Placed> out = new ArrayList<>(placed.size());
      for (Placed p : placed) {
        List<MetricQuery> queries = asked.get(p.node());
        if (queries == null) {
          out.add(p);
          continue;
        }
        Map<MetricQuery, MetricData> mine = answers.getOrDefault(p.node().id(), Map.of());
        Usage.Collector usage = new Usage.Collector();
        Map<MetricQuery, MetricData> own = new HashMap<>();
        for (MetricQuery q : queries) {
          MetricData data = mine.get(q);
          if (data != null) {
            if (q.usage() != null) {
              usage.add(q, data);
            } else {
              own.put(q, data);
            }
          }
        }
        Node node = ((UsageMetrics) p.kind()).withMetrics(p.node(), own, window);
        if (!node.id().equals(p.node().id())) {
          // a bug of the kind: edges already point at the old id
          log.error("{} changed the id of {} while applying metrics; keeping the node as listed", p.kind().name(),
              p.node());
          node = p.node();
        }
        Map<String, Map<String, Double>> values = usage.values();
        if (!values.isEmpty()) {
          node = node.toBuilder().usage(values).build();
        }
        out.add(new Placed(node, p.region(), p.kind()));
      }
      return out;
    }

    /** One GetMetricData call, all its pages; the answers go to {@code answers} by node and query. */
    private void fetchMetrics(MetricBatches.Batch batch, Map<String, Map<MetricQuery, MetricData>> answers) {
      if (isCancelled()) {
        return;
      }
      try (CollectContext.LogScope scope = context.logScope(target.id(), batch.region(), METRICS_SCOPE)) {
        CloudWatchClient cw = client(batch.region(), CloudWatchClient.builder());
        Map<String, List<Instant>> times = new HashMap<>();
        Map<String, List<Double>> values = new HashMap<>();
        for (GetMetricDataResponse page : cw.getMetricDataPaginator(batch.toRequest())) {
          for (MetricDataResult r : page.metricDataResults()) {
            times.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.timestamps());
            values.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.values());
          }
        }
        times.forEach((id, t) -> {
          MetricBatches.Request request = batch.request(id);
          if (request != null) {
            answers.computeIfAbsent(request.nodeId(), k -> new ConcurrentHashMap<>())
                .put(request.query(), new MetricData(t, values.get(id)));
          }
        });
      } catch (Exception e) {
        if (!isCancelled()) {
          metricsFailure(batch.region(), e);
        }
      }
    }

    /**
     * A metrics call failed: those nodes go without these metrics; it never discards the account.
     * Recorded once per region and error code. Access denied (and a region not enabled) is listed
     * as skipped, logged as a warning, and keeps the run complete: the inventory is whole, as the
     * original reports a denial as info. Anything else (throttled after retries, 5xx) is a WARN:
     * data that should be there is missing.
     */
    private void metricsFailure(String region, Exception e) {
      ErrorClassifier.Classification c = classifier.classify(e, true);
      if (c.category() == ErrorClassifier.Category.NOT_AVAILABLE) {
        log.debug("cloudwatch in {}: {}", region, c.message());
        return;
      }
      if (!metricProblems.add(region + "\u0000" + c.code())) {
        return;
      }
      if (c.isSkip()) {
        String message = "metrics " + c.message();
        problems.add(new Problem(Level.SKIP, region, METRICS_SCOPE, message));
        log.warn("{} {}: {}", region, METRICS_SCOPE, message);
        context.skip(target.id(), region, METRICS_SCOPE, message);
        return;
      }
      if (c.code().equals(e.getClass().getSimpleName())) {
        log.warn("metrics in {} failed", region, e);
      }
      record(Level.WARN, region, METRICS_SCOPE, "metrics not collected: " + c.message());
    }

    private List<String> resolveRegions() {
      try {
        RegionResolver.Regions resolved = regions.regions(target);
        for (RegionResolver.Skipped s : resolved.skipped()) {
          record(Level.SKIP, s.region(), null, "skipped: " + s.reason());
        }
        return List.copyOf(new LinkedHashSet<>(resolved.collect()));
      } catch (Exception e) {
        // without regions the global kinds can still be collected
        record(Level.ERROR, null, null, "regions could not be resolved, collecting global resources only: "
            + classifier.classify(e, false).message());
        return List.of();
      }
    }

    private void runUnit(KindContext kc, RegionScope region, AwsKind kind, KindContext.Work work) {
      if (isCancelled()) {
        return;
      }
      try (CollectContext.LogScope scope = context.logScope(target.id(), region.label(), kind.name())) {
        runRenewingExpiredSession(work);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        if (isCancelled()) {
          return;
        }
        failure(region, kind, e);
      }
    }

    /**
     * Runs the work; if AWS declares the account's session expired (ExpiredToken) before our
     * cache did, mints a new session and runs the work once more. Nodes and edges of the first
     * attempt are harmless: the graph keeps one node per id and one edge per (from, to, type).
     */
    private void runRenewingExpiredSession(KindContext.Work work) throws Exception {
      RenewableCredentials renewable = target.credentials() instanceof RenewableCredentials r ? r : null;
      Object session = renewable == null ? null : renewable.session();
      try {
        work.run();
      } catch (Exception e) {
        if (renewable == null || !RenewableCredentials.isExpired(e) || isCancelled()) {
          throw e;
        }
        log.debug("the session expired early ({}); renewing it and trying again", classifier.classify(e, false).code());
        renewable.renew(session);
        work.run();
      }
    }

    void submitWork(KindContext kc, RegionScope region, AwsKind kind, KindContext.Work work) {
      queue.submit(region.id() + ":" + kind.service(), () -> runUnit(kc, region, kind, work));
    }

    private void failure(RegionScope region, AwsKind kind, Exception e) {
      ErrorClassifier.Classification c = classifier.classify(e, !region.global());
      // a kind's fan-out tasks (one per item) fail alike, e.g. every item's describe denied: one record
      boolean first = failures.add(region.label() + "\u0000" + kind.name() + "\u0000" + c.category() + "\u0000"
          + c.message());
      switch (c.category()) {
        case ACCESS_DENIED, THROTTLED, ERROR ->
            // nodes carry the region id (the partition's global region for global kinds)
            incomplete.putIfAbsent(region.id() + "\u0000" + kind.name(), c.message());
        default -> { }
      }
      switch (c.category()) {
        case ACCESS_DENIED -> {
          if (first) {
            record(Level.WARN, region.label(), kind.name(), c.message());
          }
        }
        case REGION_NOT_ENABLED -> {
          if (first) {
            record(Level.SKIP, region.label(), kind.name(), c.message());
          }
        }
        case NOT_AVAILABLE -> log.debug("{} in {}: {}", kind.name(), region.label(), c.message());
        case THROTTLED -> {
          failed = true;
          String key = region.label() + "\u0000" + kind.name();
          throttled.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          throttleExample.putIfAbsent(key, c.code());
        }
        case ERROR -> {
          failed = true;
          if (!first) {
            return;
          }
          if (c.code().equals(e.getClass().getSimpleName())) {
            // a bug of ours, not an AWS answer: keep the stack trace in the log
            log.error("{} in {} failed", kind.name(), region.label(), e);
          }
          record(Level.ERROR, region.label(), kind.name(), c.message());
        }
        default -> throw new IllegalStateException("unhandled category " + c.category());
      }
    }

    private void reportThrottling() {
      throttled.forEach((key, count) -> {
        String[] parts = key.split("\u0000", 2);
        record(Level.ERROR, parts[0], parts[1], count.get() + " call(s) still throttled after the SDK's retries ("
            + throttleExample.get(key) + ")");
      });
    }

    private void record(Level level, String region, String kind, String message) {
      problems.add(new Problem(level, region, kind, message));
      // the scope goes into the line too: the MDC holds only the account here
      String line = (region == null ? "" : region + " ") + (kind == null ? "" : kind + ": ") + message;
      switch (level) {
        case SKIP -> {
          log.info("{}", line);
          context.skip(target.id(), region, kind, message);
        }
        case WARN -> {
          log.warn("{}", line);
          context.error(target.id(), region, kind, message);
        }
        default -> {
          log.error("{}", line);
          context.error(target.id(), region, kind, message);
        }
      }
    }

    void addNode(Node node, RegionScope region, AwsKind kind) {
      nodes.add(new Placed(node, region, kind));
    }

    void addEdge(PendingEdge edge) {
      edges.add(edge);
    }

    void addFinding(PendingFinding finding) {
      findings.add(finding);
    }

    void addAccountProperties(Map<String, ?> properties) {
      properties.forEach((name, value) -> {
        if (value != null) {
          accountProperties.put(name, value);
        }
      });
    }

    <T> T shared(String key, Callable<T> compute) throws Exception {
      return AccountCollector.this.shared(key, compute);
    }

    void addDeferredEdge(Node from, DeferredEdge.Selector to, EdgeType type) {
      deferred.add(Map.entry(from, new DeferredEdge(DeferredEdge.Selector.node(from.id()), to, type)));
    }

    @SuppressWarnings("unchecked")
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
        String region, B builder) {
      String key = region + "|" + builder.getClass().getName();
      return (C) clientCache.computeIfAbsent(key, k -> {
        AtomicReference<RateLimiter> limiter = new AtomicReference<>();
        C client = clients.create(builder, target.credentials(), region, List.of(new RateLimitInterceptor(limiter)));
        // S3 Control signs as "s3" but has limits and caps of its own (as the original's "s3control")
        String service = client instanceof S3ControlClient ? "s3control" : configServiceName(client.serviceName());
        double rate = requestRate(config, service);
        if (rate > 0) {
          limiter.set(limiters.computeIfAbsent(region + ":" + service, s -> new RateLimiter(rate)));
        }
        return client;
      });
    }

    /**
     * Builds the graph, single-threaded, once everything is collected: regions under the account,
     * every node under its region (unless its kind links it itself), and the edges whose other end
     * exists.
     */
    private void connect(Graph graph, Node account, List<RegionScope> scopes, List<Placed> nodes) {
      for (RegionScope region : scopes) {
        graph.add(region.node());
        graph.addEdge(account, region.node());
      }
      Map<String, List<Node>> byIdentity = new HashMap<>();
      // the account is an edge end too (account -> root user)
      byIdentity.computeIfAbsent(identity(account.kind(), account.resourceId()), k -> new ArrayList<>()).add(account);
      Map<String, List<Node>> byKind = new HashMap<>();
      List<Placed> kept = new ArrayList<>();
      for (Placed p : nodes) {
        Node node = graph.add(p.node());
        if (node == p.node()) {
          kept.add(p);
          byIdentity.computeIfAbsent(identity(node.kind(), node.resourceId()), k -> new ArrayList<>()).add(node);
          if (node.properties().get("arn") instanceof String arn) {
            byIdentity.computeIfAbsent(identity(node.kind(), byArn(arn)), k -> new ArrayList<>()).add(node);
          }
          byKind.computeIfAbsent(node.kind(), k -> new ArrayList<>()).add(node);
        }
      }
      for (PendingEdge e : edges) {
        if (e.to() == null && (e.toId() == null || e.toId().equals(ALL_IN_REGION))) {
          if (graph.node(e.from().id()).isPresent()) {
            byKind.getOrDefault(e.toKind(), List.of()).stream()
                .filter(to -> e.toId() == null || Objects.equals(to.region(), e.region()))
                .forEach(to -> graph.addEdge(e.from(), to, e.type()));
          }
          continue;
        }
        Node from = e.from() != null ? e.from() : resolve(byIdentity, e.fromKind(), e.fromId(), e.region());
        Node to = e.to() != null ? e.to() : resolve(byIdentity, e.toKind(), e.toId(), e.region());
        if (from == null || to == null || graph.node(from.id()).isEmpty() || graph.node(to.id()).isEmpty()) {
          log.debug("edge dropped, other end not collected: {}:{} -> {}:{}",
              e.from() != null ? e.from().kind() : e.fromKind(), e.from() != null ? e.from().resourceId() : e.fromId(),
              e.to() != null ? e.to().kind() : e.toKind(), e.to() != null ? e.to().resourceId() : e.toId());
          continue;
        }
        graph.addEdge(from, to, e.type());
      }
      for (Map.Entry<Node, DeferredEdge> d : deferred) {
        if (graph.node(d.getKey().id()).isPresent()) {
          graph.addDeferredEdge(d.getValue());
        }
      }
      attachFindings(graph, byIdentity);
      Set<String> hasParent = new HashSet<>();
      for (Edge edge : graph.edges()) {
        if (edge.type() == EdgeType.DEFAULT) {
          hasParent.add(edge.to());
        }
      }
      for (Placed p : kept) {
        if (p.attach() || !hasParent.contains(p.node().id())) {
          graph.addEdge(p.region().node(), p.node());
        }
      }
      Map<String, List<String>> children = new HashMap<>();
      for (Edge edge : graph.edges()) {
        if (edge.type() == EdgeType.DEFAULT) {
          children.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge.to());
        }
      }
      for (RegionScope region : scopes) {
        boolean inUse = AwsRegionKind.inUse(descendants(graph, children, region.node().id()));
        graph.replace(AwsRegionKind.node(target.id(), region.id(), region.name(), inUse));
      }
    }

    /**
     * Adds each finding to its node's assessment of the finding's provider (one assessment per
     * provider and node, findings in the order they came); a finding whose node was not collected
     * is dropped.
     */
    private void attachFindings(Graph graph, Map<String, List<Node>> byIdentity) {
      Map<String, Map<String, List<Assessment.Finding>>> byNode = new LinkedHashMap<>();
      for (PendingFinding f : findings) {
        Node node = resolve(byIdentity, f.kind(), f.id(), f.region());
        if (node == null || graph.node(node.id()).isEmpty()) {
          log.debug("finding dropped, its node was not collected: {}:{} ({} {})", f.kind(), f.id(), f.provider(),
              f.finding().title());
          continue;
        }
        byNode.computeIfAbsent(node.id(), k -> new LinkedHashMap<>())
            .computeIfAbsent(f.provider(), k -> new ArrayList<>()).add(f.finding());
      }
      byNode.forEach((id, byProvider) -> {
        Node.Builder b = graph.node(id).orElseThrow().toBuilder();
        byProvider.forEach((provider, list) -> b.assessment(new Assessment(provider, list)));
        graph.replace(b.build());
      });
    }

    /** Every node reachable from {@code from} over default edges, {@code from} excluded. */
    private static List<Node> descendants(Graph graph, Map<String, List<String>> children, String from) {
      List<Node> out = new ArrayList<>();
      Set<String> seen = new HashSet<>(Set.of(from));
      java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(children.getOrDefault(from, List.of()));
      while (!todo.isEmpty()) {
        String id = todo.poll();
        if (seen.add(id)) {
          graph.node(id).ifPresent(out::add);
          todo.addAll(children.getOrDefault(id, List.of()));
        }
      }
      return out;
    }

    private Node resolve(Map<String, List<Node>> byIdentity, String kind, String id, String region) {
      List<Node> candidates = byIdentity.get(identity(kind, id));
      if (candidates == null) {
        return null;
      }
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
      // the same resource id in several regions: the requester's region wins, else it is ambiguous
      List<Node> sameRegion = candidates.stream().filter(n -> Objects.equals(n.region(), region)).toList();
      return sameRegion.size() == 1 ? sameRegion.get(0) : null;
    }

    void close() {
      if (pool != null) {
        pool.shutdownNow();
      }
      for (SdkClient c : clientCache.values()) {
        try {
          c.close();
        } catch (RuntimeException e) {
          log.debug("closing a client failed", e);
        }
      }
      clientCache.clear();
    }
  }

  private static String identity(String kind, String id) {
    return kind + "\u0000" + id;
  }

  /** The target id of an edge to every node of a kind in the source's region. */
  static final String ALL_IN_REGION = "\u0000all-in-region";

  /** The identity key of a node by its {@code arn} property (no resource id starts with NUL). */
  static String byArn(String arn) {
    return "\u0000arn\u0000" + arn;
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Takes a token of the client's (region, service) bucket before each request. */
  private static final class RateLimitInterceptor implements ExecutionInterceptor {
    private final AtomicReference<RateLimiter> limiter;

    RateLimitInterceptor(AtomicReference<RateLimiter> limiter) {
      this.limiter = limiter;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      RateLimiter l = limiter.get();
      if (l == null) {
        return;
      }
      try {
        l.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AbortedException.create("interrupted while waiting for the request rate limit");
      }
    }
  }
}
