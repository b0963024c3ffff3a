package io.resoto.worker.run;

import io.resoto.worker.config.GraphMergeKind;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Model;
import io.resoto.worker.graph.Node;
import io.resoto.worker.sink.GraphDelivery;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.LastGood;
import io.resoto.worker.sink.RunInfo;
import io.resoto.worker.spi.AccountGraph;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.CollectorPlugin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One collect run: first its collectors are chosen ({@link CollectorSelection}: the configured
 * ones, or with {@code resotoworker.collector} not set the auto-enabled ones), then every chosen
 * plugin runs on its own thread (up to {@code max(#collectors, pool_size)} at once), each account
 * graph validated and handed to the sink as soon as its plugin submits it, all of it bounded by
 * {@code resotoworker.timeout}.
 *
 * <p>A plugin that throws, times out or is aborted is recorded and never affects the others. The
 * run waits for every delivery before it reports, so the summary says exactly what reached the
 * sink. A run without any collector to run (none configured, none auto-enabled, or collecting
 * disabled with {@code pool_size: 0}) ends at once as {@link RunStatus#FAILED}, with the reason
 * and what to do as its error.
 */
public final class CollectRun {

  private static final Logger log = LoggerFactory.getLogger(CollectRun.class);

  /** How long plugins get to wind down after they are cancelled, before the run reports. */
  static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

  private final RunInfo info;
  private final LoadedConfig config;
  private final ResotoWorkerConfig worker;
  private final CollectorSelection selection;
  private List<CollectorPlugin<?>> plugins = List.of();
  private volatile CollectorSelection.Selection selected;
  private final GraphSink sink;
  private final Clock clock;
  private final Instant deadline;
  private volatile LastGood lastGood;

  private final AtomicReference<PluginStatus> cancelled = new AtomicReference<>();
  private final CompletableFuture<Void> abortSignal = new CompletableFuture<>();
  private final ConcurrentLinkedQueue<CollectError> errors = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<CollectError> skipped = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<AccountResult> accounts = new ConcurrentLinkedQueue<>();
  private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> findings = new ConcurrentHashMap<>();
  private final AtomicLong totalNodes = new AtomicLong();
  private final AtomicLong totalEdges = new AtomicLong();
  private final List<CompletableFuture<?>> deliveries = new ArrayList<>();
  private final AtomicInteger accountsSubmitted = new AtomicInteger();
  private Model model;
  private ExecutorService senders;
  private volatile RunListener progress;

  /** A run of exactly these plugins, whatever {@code resotoworker.collector} says. */
  public CollectRun(
      RunInfo info,
      LoadedConfig config,
      List<CollectorPlugin<?>> plugins,
      GraphSink sink,
      Clock clock) {
    this(info, config, CollectorSelection.fixed(plugins), sink, clock);
  }

  /** A run of the collectors the selection chooses for this config when the run starts. */
  public CollectRun(
      RunInfo info,
      LoadedConfig config,
      CollectorSelection selection,
      GraphSink sink,
      Clock clock) {
    this.info = info;
    this.config = config;
    this.worker = config.worker();
    this.selection = selection;
    this.sink = sink;
    this.clock = clock;
    this.deadline = info.startedAt().plusSeconds(worker.timeout());
  }

  public RunInfo info() {
    return info;
  }

  /** The collectors of this run once they are chosen, for {@code /info}; empty until then. */
  public java.util.Optional<CollectorSelection.Selection> selection() {
    return java.util.Optional.ofNullable(selected);
  }

  /** Accounts handed in so far, for progress in {@code /info}. */
  public int accountsSubmitted() {
    return accountsSubmitted.get();
  }

  /**
   * Stops the run because the worker shuts down: plugins are cancelled and interrupted, what was
   * already submitted is still delivered, and the run reports {@link RunStatus#ABORTED}.
   */
  public void abort() {
    cancelled.compareAndSet(null, PluginStatus.ABORTED);
    abortSignal.complete(null);
  }

  /**
   * Tells {@code l} about the run's progress (plugins starting and ending, accounts delivered,
   * errors) as it happens; set before {@link #execute}.
   */
  public void progressListener(RunListener l) {
    this.progress = l;
  }

  /**
   * Keeps each account graph in {@code store} and carries the parts the plugins report incomplete
   * forward from what it kept ({@link LastGood}); null (the default) does neither. Set before
   * {@link #execute}.
   */
  public void carryForward(LastGood store) {
    this.lastGood = store;
  }

  private void notifyListener(java.util.function.Consumer<RunListener> event) {
    RunListener l = progress;
    if (l != null) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        log.warn("a progress listener failed: {}", describe(e));
      }
    }
  }

  private void recordError(CollectError e) {
    errors.add(e);
    notifyListener(l -> l.errorRecorded(info, e));
  }

  private void recordAccount(AccountResult a) {
    accounts.add(a);
    notifyListener(l -> l.accountFinished(info, a));
  }

  /** Runs to the end (complete, timed out or aborted) and reports. Never throws. */
  public RunSummary execute() {
    Instant started = info.startedAt();
    List<PluginResult> results = new ArrayList<>();
    if (worker.poolSize() == 0) {
      // collecting is disabled: no reason to ask collectors whether they could run
      selected = new CollectorSelection.Selection(List.of(), false, Map.of());
    } else {
      selected = selection.select(config, abortSignal);
    }
    // aborted before any plugin started: report the run, start nothing
    plugins = cancelled.get() == null ? selected.plugins() : List.of();
    try {
      model = Model.base();
      for (CollectorPlugin<?> plugin : plugins) {
        model = model.plus(plugin.kinds());
      }
      List<String> modelProblems = model.validate();
      if (!modelProblems.isEmpty()) {
        throw new IllegalStateException("the model is inconsistent: " + String.join("; ", modelProblems));
      }
      sink.runStarted(info, model);
    } catch (Exception e) {
      recordError(new CollectError(null, null, null, null, "run could not start: " + describe(e)));
      log.error("collect run {} could not start: {}", info.runId(), describe(e));
      return finish(started, results);
    }

    if (worker.poolSize() == 0) {
      recordError(new CollectError(null, null, null, null,
          "collecting is disabled (resotoworker.pool_size is 0)"));
      log.error("collect run {}: collecting is disabled (resotoworker.pool_size is 0)", info.runId());
      return finish(started, results);
    }

    if (plugins.isEmpty() && cancelled.get() == null) {
      String why = nothingToRun();
      recordError(new CollectError(null, null, null, null, why));
      if (selected.automatic()) {
        log.error("collect run {}: {}", info.runId(), why);
      } else {
        log.warn("collect run {}: {}", info.runId(), why);
      }
      return finish(started, results);
    }

    senders = Executors.newFixedThreadPool(worker.graphSenderPoolSize(), daemonThreads("graph-sender"));
    ExecutorService collectors =
        Executors.newFixedThreadPool(
            Math.max(plugins.size(), worker.poolSize()), daemonThreads("collector"));
    Map<CollectorPlugin<?>, CompletableFuture<PluginResult>> outcomes = new LinkedHashMap<>();
    Map<CollectorPlugin<?>, Future<?>> threads = new HashMap<>();
    Map<CollectorPlugin<?>, Instant> pluginStarts = new ConcurrentHashMap<>();
    try {
      for (CollectorPlugin<?> plugin : plugins) {
        CompletableFuture<PluginResult> outcome = new CompletableFuture<>();
        outcomes.put(plugin, outcome);
        threads.put(plugin, collectors.submit(() -> runPlugin(plugin, outcome, pluginStarts)));
      }
      CompletableFuture<Void> all =
          CompletableFuture.allOf(outcomes.values().toArray(CompletableFuture[]::new));
      try {
        long waitMillis = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        CompletableFuture.anyOf(all, abortSignal).get(waitMillis, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (cancelled.compareAndSet(null, PluginStatus.TIMED_OUT)) {
          log.warn("collect run {} timed out after {} s (resotoworker.timeout); cancelling unfinished plugins",
              info.runId(), worker.timeout());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        abort();
      } catch (ExecutionException e) {
        // the outcomes never complete exceptionally; nothing to do
      }
      if (cancelled.get() != null) {
        threads.values().forEach(f -> f.cancel(true));
        try {
          all.get(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          // reported per plugin below
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (Map.Entry<CollectorPlugin<?>, CompletableFuture<PluginResult>> e : outcomes.entrySet()) {
        CompletableFuture<PluginResult> outcome = e.getValue();
        if (outcome.isDone()) {
          results.add(outcome.join());
        } else {
          PluginStatus status = cancelled.get() == null ? PluginStatus.TIMED_OUT : cancelled.get();
          String name = e.getKey().name();
          Instant pluginStart = pluginStarts.getOrDefault(e.getKey(), started);
          results.add(new PluginResult(name, status, seconds(pluginStart, clock.instant()),
              "did not stop within " + CANCEL_GRACE.toSeconds() + " s of being cancelled"));
          recordError(new CollectError(name, null, null, null,
              status + ": did not stop within " + CANCEL_GRACE.toSeconds() + " s of being cancelled"));
        }
      }
    } finally {
      collectors.shutdownNow();
    }
    awaitDeliveries();
    senders.shutdown();
    return finish(started, results);
  }

  /** Why a run has no collector, and what to do about it. */
  private String nothingToRun() {
    if (selected.automatic()) {
      List<String> installed = List.copyOf(selected.notEnabled().keySet());
      if (installed.isEmpty()) {
        return "no collector configured and none is installed";
      }
      return "no collector configured and none could be auto-enabled: set "
          + String.join(" or ", installed.stream()
              .map(n -> "`collector: [" + n + "]`" + (n.equals("aws") ? " (with credentials)" : ""))
              .toList());
    }
    if (worker.collector() != null && worker.collector().isEmpty()) {
      return "no collector configured: resotoworker.collector is an empty list, so nothing is"
          + " collected (leave it out to auto-enable the collectors whose credentials work)";
    }
    return "no collector to run";
  }

  private void runPlugin(
      CollectorPlugin<?> plugin,
      CompletableFuture<PluginResult> outcome,
      Map<CollectorPlugin<?>, Instant> starts) {
    String name = plugin.name();
    Thread.currentThread().setName("collector-" + name);
    MDC.put("plugin", name);
    Instant start = clock.instant();
    starts.put(plugin, start);
    PluginContext context = new PluginContext(name);
    PluginStatus status = PluginStatus.COMPLETE;
    String message = null;
    String phase = "init";
    try {
      log.info("collecting with plugin {}", name);
      notifyListener(l -> l.pluginStarted(info, name));
      initialise(plugin);
      phase = "collect";
      plugin.collect(context);
      if (cancelled.get() != null) {
        status = cancelled.get();
        message = "stopped early: " + (status == PluginStatus.TIMED_OUT ? "run timed out" : "worker shutting down");
      }
    } catch (Throwable e) {
      if (cancelled.get() != null) {
        status = cancelled.get();
        message = "stopped in " + phase + ": " + (status == PluginStatus.TIMED_OUT ? "run timed out" : "worker shutting down");
      } else {
        status = PluginStatus.FAILED;
        message = phase + " failed: " + describe(e);
        log.debug("plugin {} failed in {}", name, phase, e);
      }
    } finally {
      try {
        plugin.close();
      } catch (Throwable e) {
        log.warn("plugin {}: close failed: {}", name, describe(e));
      }
    }
    if (status == PluginStatus.COMPLETE && worker.graphMergeKind() == GraphMergeKind.CLOUD) {
      context.deliverCloudGraph();
    }
    context.carryWholeAccounts();
    Instant end = clock.instant();
    if (status == PluginStatus.COMPLETE) {
      log.info("plugin {} complete in {} s", name, String.format("%.1f", seconds(start, end)));
    } else {
      log.error("plugin {} {}: {}", name, status, message);
      recordError(new CollectError(name, null, null, null, status + ": " + message));
    }
    MDC.remove("plugin");
    PluginResult result = new PluginResult(name, status, seconds(start, end), message);
    notifyListener(l -> l.pluginFinished(info, result));
    outcome.complete(result);
  }

  private <C extends Record> void initialise(CollectorPlugin<C> plugin) throws Exception {
    C section = config.section(plugin.name(), plugin.configType());
    plugin.init(section);
  }

  private void awaitDeliveries() {
    List<CompletableFuture<?>> pending;
    synchronized (deliveries) {
      pending = new ArrayList<>(deliveries);
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // each delivery records its own failure
    }
  }

  private RunSummary finish(Instant started, List<PluginResult> results) {
    Instant finished = clock.instant();
    Map<String, Long> byKind = new HashMap<>();
    kinds.forEach((k, v) -> byKind.put(k, v.sum()));
    Map<String, Long> byProvider = new HashMap<>();
    findings.forEach((k, v) -> byProvider.put(k, v.sum()));
    List<AccountResult> accountResults = new ArrayList<>(accounts);
    accountResults.sort((a, b) -> (a.cloud() + "/" + a.account()).compareTo(b.cloud() + "/" + b.account()));
    boolean delivered = accountResults.stream().anyMatch(AccountResult::delivered);
    boolean allComplete = !results.isEmpty() && results.stream().allMatch(r -> r.status() == PluginStatus.COMPLETE);
    boolean allDelivered = accountResults.stream().allMatch(AccountResult::delivered);
    RunStatus status;
    if (cancelled.get() == PluginStatus.ABORTED) {
      status = RunStatus.ABORTED;
    } else if (allComplete && allDelivered && errors.isEmpty()) {
      status = RunStatus.COMPLETE;
    } else if (delivered) {
      status = RunStatus.PARTIAL;
    } else {
      status = RunStatus.FAILED;
    }
    RunSummary summary =
        new RunSummary(
            info.runId(),
            info.trigger(),
            started.toString(),
            finished.toString(),
            seconds(started, finished),
            status,
            selected == null ? List.of() : selected.names(),
            selected != null && selected.automatic(),
            results,
            accountResults,
            byKind,
            new ArrayList<>(errors),
            new ArrayList<>(skipped),
            totalNodes.get(),
            totalEdges.get(),
            null,
            byProvider);
    try {
      String where = sink.runFinished(info, summary);
      return summary.withLocation(where);
    } catch (Exception e) {
      log.error("collect run {}: the sink could not finish the run: {}", info.runId(), describe(e));
      List<CollectError> more = new ArrayList<>(summary.errors());
      more.add(new CollectError(null, null, null, null, "sink: " + describe(e)));
      return new RunSummary(summary.runId(), summary.trigger(), summary.startedAt(),
          summary.finishedAt(), summary.durationSeconds(),
          status == RunStatus.COMPLETE ? RunStatus.PARTIAL : status, summary.collectors(),
          summary.collectorsAutoEnabled(), results, accountResults,
          byKind, more, summary.skipped(), summary.totalNodes(), summary.totalEdges(), null, byProvider);
    }
  }

  /** One line for an exception: its message, or its type when it has none. Never a stack trace. */
  public static String describe(Throwable e) {
    Throwable cause = e;
    if (e instanceof ExecutionException && e.getCause() != null) {
      cause = e.getCause();
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.getClass().getSimpleName();
    }
    return message.replace('\n', ' ').replace('\r', ' ');
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The context one plugin sees. */
  private final class PluginContext implements CollectContext {
    private final String plugin;
    private final Graph cloudGraph;
    private final List<AccountGraph> cloudAccounts = new ArrayList<>();
    private final List<LastGood.Part> cloudParts = new ArrayList<>();
    private final Set<String> submittedAccounts = ConcurrentHashMap.newKeySet();

    PluginContext(String plugin) {
      this.plugin = plugin;
      this.cloudGraph = worker.graphMergeKind() == GraphMergeKind.CLOUD ? new Graph() : null;
    }

    @Override
    public String runId() {
      return info.runId();
    }

    @Override
    public Instant startedAt() {
      return info.startedAt();
    }

    @Override
    public Instant deadline() {
      return deadline;
    }

    @Override
    public boolean isCancelled() {
      return cancelled.get() != null;
    }

    @Override
    public AccountGraph newAccountGraph(Node account) {
      return new AccountGraph(account, clock.instant());
    }

    @Override
    public void submit(AccountGraph graph) {
      Node account = graph.account();
      double duration = seconds(graph.startedAt(), clock.instant());
      if (isCancelled()) {
        log.warn("discarding the graph of account {}: the run was cancelled", account.resourceId());
        recordAccount(new AccountResult(plugin, account.resourceId(), account.name(),
            graph.graph().nodeCount(), graph.graph().edgeCount(), duration, false,
            "discarded: the run was cancelled"));
        return;
      }
      accountsSubmitted.incrementAndGet();
      submittedAccounts.add(account.resourceId());
      Integer limit = worker.maxResourcesPerAccount();
      if (limit != null && graph.graph().nodeCount() > limit) {
        reject(account.resourceId(), account.name(), graph.graph(), duration,
            "account graph has " + graph.graph().nodeCount()
                + " nodes, more than resotoworker.max_resources_per_account (" + limit + ")");
        return;
      }
      // in cloud mode one graph holds every account: a part names its account there
      String partAccount = cloudGraph == null ? null : account.resourceId();
      List<LastGood.Part> parts = graph.incompleteParts().stream()
          .map(p -> new LastGood.Part(partAccount, p.region(), p.kind(), p.reason())).toList();
      if (cloudGraph != null) {
        synchronized (cloudGraph) {
          cloudGraph.merge(graph.graph());
          cloudAccounts.add(graph);
          cloudParts.addAll(parts);
        }
        log.info("account {} ({}) collected: {} nodes, {} edges in {} s", account.name(),
            account.resourceId(), graph.graph().nodeCount(), graph.graph().edgeCount(),
            String.format("%.1f", duration));
        return;
      }
      Graph full = wrap(graph.graph(), List.of(account));
      deliver(account.resourceId(), account.name(), full, Set.of(account.id()), graph.graph(), duration, parts);
    }

    /** In cloud merge mode: one graph for the whole cloud, replace on the cloud node. */
    void deliverCloudGraph() {
      List<Node> accountNodes = cloudAccounts.stream().map(AccountGraph::account).toList();
      Graph full = wrap(cloudGraph, accountNodes);
      Node cloud = cloudNode();
      double duration = cloudAccounts.stream()
          .mapToDouble(a -> seconds(a.startedAt(), clock.instant())).max().orElse(0);
      deliver(null, plugin, full, Set.of(cloud.id()), cloudGraph, duration, cloudParts);
    }

    private Node cloudNode() {
      return Node.builder("cloud", plugin).cloud(plugin).categories("management").build();
    }

    private Graph wrap(Graph content, List<Node> accountNodes) {
      Graph full = new Graph();
      Node root = Node.builder("graph_root", "root").categories("management").build();
      Node cloud = cloudNode();
      full.add(root);
      full.add(cloud);
      full.addEdge(root, cloud);
      full.merge(content);
      for (Node account : accountNodes) {
        full.addEdge(cloud, account);
      }
      return full;
    }

    private void deliver(String accountId, String accountName, Graph full, Set<String> replace,
        Graph content, double duration, List<LastGood.Part> incomplete) {
      List<String> problems = new ArrayList<>(full.validate());
      problems.addAll(model.check(full));
      if (!problems.isEmpty()) {
        reject(accountId, accountName, content, duration, "graph rejected: " + String.join("; ",
            problems.subList(0, Math.min(5, problems.size())))
            + (problems.size() > 5 ? "; and " + (problems.size() - 5) + " more" : ""));
        return;
      }
      Instant collected = clock.instant();
      Map<String, String> mdc = MDC.getCopyOfContextMap();
      CompletableFuture<Void> future = CompletableFuture.runAsync(() -> {
        if (mdc != null) {
          MDC.setContextMap(mdc);
        }
        String stem = GraphDelivery.fileStem(plugin, accountId);
        LastGood store = lastGood;
        LastGood.Carried carried = LastGood.Carried.NONE;
        if (store != null) {
          carried = store.carry(stem, content, incomplete);
          // the account node is the root of an account graph; a cloud graph has none of its own
          store.record(stem, content, accountId == null ? null : replace.iterator().next(), carried, collected);
        }
        GraphDelivery delivery = new GraphDelivery(plugin, accountId, full, replace, collected, carried);
        boolean ok = true;
        String problem = null;
        try {
          sink.deliver(info, delivery);
        } catch (Exception e) {
          ok = false;
          problem = "delivery failed: " + describe(e);
          log.error("graph of {} could not be delivered to {}: {}", accountName, sink.describe(), describe(e));
          recordError(new CollectError(plugin, accountId, null, null, problem));
        }
        if (ok) {
          content.countByKind().forEach((k, v) -> kinds.computeIfAbsent(k, x -> new LongAdder()).add(v));
          content.countFindingsByProvider()
              .forEach((p, v) -> findings.computeIfAbsent(p, x -> new LongAdder()).add(v));
          totalNodes.addAndGet(content.nodeCount());
          totalEdges.addAndGet(content.edgeCount());
          log.info("account {} ({}) collected: {} nodes, {} edges in {} s{}", accountName,
              accountId == null ? plugin : accountId, content.nodeCount(), content.edgeCount(),
              String.format("%.1f", duration), carried.isEmpty() ? ""
                  : "; carried forward from the last good data: " + carried.nodeLines().size() + " nodes of "
                      + String.join(", ", carried.parts()));
        }
        recordAccount(new AccountResult(plugin, accountId, accountName, content.nodeCount(),
            content.edgeCount(), duration, ok, problem, carried.nodeLines().size()));
        MDC.clear();
      }, senders);
      synchronized (deliveries) {
        deliveries.add(future);
      }
    }

    /**
     * Accounts this plugin reported failed as a whole and never submitted: their last good graph is
     * delivered again, every node marked carried, so the sink holds them as the core does (account
     * mode only; the core keeps an account it receives nothing for anyway).
     */
    void carryWholeAccounts() {
      LastGood store = lastGood;
      if (store == null || cloudGraph != null || isCancelled()) {
        return;
      }
      Map<String, String> failed = new LinkedHashMap<>();
      for (CollectError e : errors) {
        if (plugin.equals(e.plugin()) && e.account() != null && e.region() == null && e.kind() == null
            && !submittedAccounts.contains(e.account())) {
          failed.putIfAbsent(e.account(), e.message());
        }
      }
      failed.forEach((accountId, why) -> {
        Instant now = clock.instant();
        store.carryWhole(GraphDelivery.fileStem(plugin, accountId), why, now).ifPresent(whole -> {
          Graph full = wrap(new Graph(), List.of());
          List<String> edges = new ArrayList<>(whole.carried().edgeLines());
          try {
            edges.add(io.resoto.worker.graph.NdjsonWriter.edgeLine(
                new io.resoto.worker.graph.Edge(cloudNode().id(), whole.rootId(), io.resoto.worker.graph.EdgeType.DEFAULT)));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          LastGood.Carried carried = new LastGood.Carried(whole.carried().nodeLines(), edges, whole.carried().parts());
          GraphDelivery delivery = new GraphDelivery(plugin, accountId, full, Set.of(whole.rootId()), now, carried);
          CompletableFuture<Void> future = CompletableFuture.runAsync(() -> {
            boolean ok = true;
            String problem = null;
            try {
              sink.deliver(info, delivery);
              log.warn("account {} not collected: its last good data was delivered again, {} nodes marked"
                  + " carried forward", accountId, carried.nodeLines().size());
            } catch (Exception e) {
              ok = false;
              problem = "delivery of the carried data failed: " + describe(e);
              log.error("the carried graph of {} could not be delivered to {}: {}", accountId, sink.describe(),
                  describe(e));
            }
            recordAccount(new AccountResult(plugin, accountId, whole.rootName() == null ? accountId : whole.rootName(),
                0, 0, 0, ok, problem,
                carried.nodeLines().size()));
          }, senders);
          synchronized (deliveries) {
            deliveries.add(future);
          }
        });
      });
    }

    private void reject(String accountId, String accountName, Graph content, double duration, String problem) {
      log.error("account {} ({}): {}", accountName, accountId, problem);
      recordError(new CollectError(plugin, accountId, null, null, problem));
      recordAccount(new AccountResult(plugin, accountId, accountName, content.nodeCount(),
          content.edgeCount(), duration, false, problem));
    }

    @Override
    public void error(String account, String region, String kind, String message) {
      recordError(new CollectError(plugin, account, region, kind, message));
    }

    @Override
    public void skip(String account, String region, String kind, String reason) {
      skipped.add(new CollectError(plugin, account, region, kind, reason));
    }

    @Override
    public LogScope logScope(String account, String region, String kind) {
      Map<String, String> previous = MDC.getCopyOfContextMap();
      put("account", account);
      put("region", region);
      put("kind", kind);
      return () -> {
        if (previous == null) {
          MDC.clear();
        } else {
          MDC.setContextMap(previous);
        }
      };
    }

    private void put(String key, String value) {
      if (value != null) {
        MDC.put(key, value);
      }
    }
  }
}
