package io.resoto.worker.daemon;

import io.resoto.worker.Version;
import io.resoto.worker.config.ConfigException;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.ConfigProblem;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.core.CoreConfigStore;
import io.resoto.worker.core.CoreConnection;
import io.resoto.worker.core.CoreSink;
import io.resoto.worker.core.tasks.TaskHandler;
import io.resoto.worker.metrics.WorkerMetrics;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.run.CollectRun;
import io.resoto.worker.run.RunCoordinator;
import io.resoto.worker.run.RunListener;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.run.SummaryTable;
import io.resoto.worker.run.TriggerResult;
import io.resoto.worker.schedule.CollectScheduler;
import io.resoto.worker.sink.FileSink;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.TeeSink;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.web.WebServer;
import io.resoto.worker.web.WorkerStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running worker: config (watched), schedule, collect runs, the embedded sink and the web
 * endpoints, wired together. {@link #start} either returns a running worker or throws a
 * {@link StartupException} having started nothing.
 *
 * <p>With a core ({@link WorkerOptions#core()}) the core takes the place of the schedule and the
 * embedded sink: the worker waits for it, reads its config from it, collects when it sends a
 * collect action and uploads the graphs to it (see {@link CoreConnection}). A change of a key that
 * is only read at start ({@link #RESTART_KEYS}) in the core's config restarts the worker in the
 * same process ({@link #runUntilStopped}).
 */
public final class Worker implements WorkerStatus, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /** Config keys that are read once at startup. */
  public static final List<String> RESTART_KEYS =
      List.of("web_host", "web_port", "web_path", "no_tls", "data_dir", "data_keep_runs",
          "files_in_home_dir", "write_files_to_home_dir", "spool_max_mb", "spool_max_age");

  private final WorkerOptions options;
  private final PluginRegistry registry;
  private final ConfigLoader loader;
  private final AtomicReference<LoadedConfig> config;
  private final GraphSink sink;
  private final CoreConnection core;
  private volatile String coreLayer;
  private volatile boolean restartRequested;
  private final WorkerMetrics metrics;
  private final RunCoordinator coordinator;
  private final List<TaskHandler> taskHandlers;
  private final Instant startedAt;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private CollectScheduler scheduler;
  private ConfigWatcher watcher;
  private WebServer web;
  private volatile boolean shuttingDown;

  private Worker(WorkerOptions options, PluginRegistry registry, ConfigLoader loader,
      LoadedConfig initial, GraphSink sink, CoreConnection core, List<RunListener> extraListeners) {
    this.options = options;
    this.registry = registry;
    this.loader = loader;
    this.config = new AtomicReference<>(initial);
    this.sink = sink;
    this.core = core;
    this.coreLayer = core == null ? null : core.config().layer();
    this.metrics = new WorkerMetrics(options.clock());
    this.startedAt = options.clock().instant();
    List<RunListener> listeners = new ArrayList<>();
    listeners.add(metrics);
    if (!options.once()) {
      listeners.add(new RunListener() {
        @Override
        public void runFinished(RunSummary summary) {
          log.info("collect run finished{}{}", System.lineSeparator(), SummaryTable.render(summary).stripTrailing());
        }
      });
    }
    listeners.addAll(extraListeners);
    if (core != null) {
      listeners.add(core.progressListener());
    }
    this.coordinator = new RunCoordinator(config::get, registry, sink, options.clock(), listeners);
    // parts a run cannot collect are carried forward from the last good data kept in data_dir
    coordinator.carryForward(io.resoto.worker.sink.LastGood.in(FileSink.expandHome(initial.worker().dataDir())));
    // announced on the core's task queue; the command line's factory gives the tag handler
    // (core.tasks.WorkerTaskHandlers), tests may give others
    this.taskHandlers = (options.core() == null ? io.resoto.worker.core.tasks.WorkerTaskHandlers.INSTALLED
        : options.core().taskHandlers()).create(registry, config::get);
  }

  /** Loads and checks the config; problems come back as one exception listing all of them. */
  public static LoadedConfig loadConfig(WorkerOptions options, PluginRegistry registry) throws StartupException {
    return load(registry.configLoader(), options, options.configFile(), null, null);
  }

  /**
   * Loads the layers: defaults, the core's document (when there is a core), the file, the
   * environment, the overrides.
   */
  private static LoadedConfig load(ConfigLoader loader, WorkerOptions options, java.nio.file.Path file,
      String coreLayer, String coreLayerName) throws StartupException {
    if (file != null && !java.nio.file.Files.isRegularFile(file)) {
      throw new StartupException(StartupException.CONFIG,
          List.of("config file " + file + " " + (java.nio.file.Files.exists(file) ? "is not a regular file" : "does not exist")));
    }
    LoadedConfig loaded;
    try {
      loaded = coreLayer == null
          ? loader.load(file, options.environment(), options.overrides())
          : loader.load(coreLayer, coreLayerName, file, options.environment(), options.overrides());
    } catch (ConfigException e) {
      throw new StartupException(StartupException.CONFIG, lines(e.problems()));
    }
    return loaded;
  }

  private static List<String> lines(List<ConfigProblem> problems) {
    return problems.stream().map(ConfigProblem::toString).toList();
  }

  /** Starts everything; the worker then collects on its schedule until {@link #shutdown}. */
  public static Worker start(WorkerOptions options, PluginRegistry registry, RunListener... listeners)
      throws StartupException {
    ConfigLoader loader = registry.configLoader();
    CoreConnection core = null;
    if (options.core() != null) {
      if (options.once()) {
        throw new StartupException(StartupException.CONFIG,
            List.of("--once and collect run without a core: leave out --resotocore-uri, or let the core trigger"));
      }
      core = connectCore(options, loader);
    }
    try {
      return start(options, registry, loader, core, listeners);
    } catch (StartupException | RuntimeException e) {
      if (core != null) {
        core.close();
      }
      throw e;
    }
  }

  private static CoreConnection connectCore(WorkerOptions options, ConfigLoader loader) throws StartupException {
    try {
      return CoreConnection.connect(options.core(), loader, options.environment(), options.clock());
    } catch (CoreConnection.CoreUnavailable e) {
      throw new StartupException(e.isConfigProblem() ? StartupException.CONFIG : StartupException.ENVIRONMENT,
          List.of(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException(StartupException.ENVIRONMENT, List.of("interrupted while waiting for the core"));
    }
  }

  private static Worker start(WorkerOptions options, PluginRegistry registry, ConfigLoader loader,
      CoreConnection core, RunListener... listeners) throws StartupException {
    LoadedConfig loaded = core == null
        ? load(loader, options, options.configFile(), null, null)
        : load(loader, options, options.configFile(), core.config().layer(), core.layerName());
    ResotoWorkerConfig wc = loaded.worker();
    warnIgnoredEnvironment(loaded);
    if (wc.forkProcess()) {
      log.debug("resotoworker.fork_process is accepted for compatibility; plugins run on threads");
    }
    java.nio.file.Path dataDir = FileSink.expandHome(wc.dataDir());
    FileSink files = new FileSink(dataDir, wc.dataKeepRuns());
    GraphSink sink = files;
    if (core == null || wc.debugDumpJson()) {
      try {
        files.prepare();
      } catch (IOException e) {
        throw new StartupException(StartupException.ENVIRONMENT,
            List.of(e.getMessage() + " (resotoworker.data_dir, " + loaded.sourceOf("resotoworker.data_dir") + ")"));
      }
    }
    if (core != null) {
      try {
        core.registerConfig();
        CoreSink coreSink = core.openSink(dataDir.resolve("spool"), wc.spoolMaxMb() * 1024L * 1024L,
            Duration.ofSeconds(wc.spoolMaxAge()), installedModel(registry));
        sink = wc.debugDumpJson() ? new TeeSink(coreSink, files) : coreSink;
      } catch (IOException e) {
        throw new StartupException(StartupException.ENVIRONMENT, List.of("the spool in " + dataDir.resolve("spool")
            + " is not usable: " + e.getMessage() + " (resotoworker.data_dir, " + loaded.sourceOf("resotoworker.data_dir") + ")"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StartupException(StartupException.ENVIRONMENT, List.of("interrupted"));
      }
    }
    // written in one-off mode too: a collect needs e.g. the .aws/credentials it holds
    HomeDirFiles.write(wc, options.home());
    Worker worker = new Worker(options, registry, loader, loaded, sink, core, List.of(listeners));
    if (!options.once()) {
      javax.net.ssl.SSLContext webTls = null;
      if (core != null && core.tls()) {
        if (wc.noTls()) {
          log.info("resotoworker.no_tls is set: the web server serves plain HTTP although the core is https");
        } else {
          try {
            webTls = core.webCertificate().sslContext();
          } catch (IOException e) {
            throw new StartupException(StartupException.ENVIRONMENT, List.of(e.getMessage()
                + "; to serve plain HTTP instead set resotoworker.no_tls: true"));
          }
        }
      }
      try {
        worker.web = WebServer.start(wc.webHost(), wc.webPort(), wc.webPath(), worker, worker.metrics,
            options.clock(), webTls);
      } catch (IOException e) {
        throw new StartupException(StartupException.ENVIRONMENT, List.of(e.getMessage()));
      }
      if (core == null) {
        worker.scheduler = new CollectScheduler(options.clock().withZone(ZoneId.systemDefault()),
            worker.coordinator::trigger);
        worker.scheduler.schedule(wc.schedule());
      } else {
        String scheduleSource = loaded.sourceOf("resotoworker.schedule");
        if (wc.schedule() != null && !scheduleSource.equals("default") && !scheduleSource.startsWith("core ")) {
          log.info("resotoworker.schedule is not used with a core: the core's workflow triggers the collects");
        }
        core.start(worker.coordinator, worker::config, worker.taskHandlers, worker::reloadFromCore);
      }
      if (options.configFile() != null) {
        worker.watcher = new ConfigWatcher(options.configFile(), options.configPollInterval(), worker::reload);
      }
    }
    log.info("resotoworker {} started: collectors {}, {}, config {}", Version.get(),
        wc.collector() == null ? "auto-enabled at each run (resotoworker.collector not set)" : wc.collector(),
        sink.describe(),
        (core == null ? "" : core.layerName() + (options.configFile() == null ? "" : " and "))
            + (options.configFile() == null ? (core == null ? "embedded defaults" : "") : options.configFile()));
    return worker;
  }

  /** The base kinds and those of every installed plugin (a plugin whose kinds clash is left out, logged). */
  private static io.resoto.worker.graph.Model installedModel(PluginRegistry registry) {
    io.resoto.worker.graph.Model model = io.resoto.worker.graph.Model.base();
    for (io.resoto.worker.spi.CollectorPlugin<?> plugin : registry.createAll(registry.names())) {
      try {
        model = model.plus(plugin.kinds());
      } catch (RuntimeException e) {
        log.error("the kinds of plugin {} cannot be part of the model: {}", plugin.name(), e.getMessage());
      }
    }
    return model;
  }

  /**
   * Runs a worker until it stops for good: when it stops to restart (a restart-required key
   * changed in the core's config), a new one starts in the same process with the new config.
   * {@code started} is told about each worker as it starts (to install signal handlers).
   */
  public static void runUntilStopped(WorkerOptions options, PluginRegistry registry,
      java.util.function.Consumer<Worker> started) throws StartupException, InterruptedException {
    while (true) {
      Worker worker = start(options, registry);
      started.accept(worker);
      worker.awaitShutdown();
      if (!worker.restartRequested) {
        return;
      }
      log.info("restarting with the new config");
    }
  }

  /** True when the worker stopped to start again with a changed config. */
  public boolean restartRequested() {
    return restartRequested;
  }

  /** The core's config changed: applied from the next collect, or the worker restarts. */
  void reloadFromCore(CoreConfigStore.Fetched fetched) {
    LoadedConfig next;
    try {
      next = load(loader, options, options.configFile(), fetched.layer(), core.layerName());
    } catch (StartupException e) {
      log.error("{} changed but is invalid; keeping the running config: {}", core.layerName(),
          String.join(" | ", e.lines()));
      return;
    }
    String before = coreLayer;
    coreLayer = fetched.layer();
    LoadedConfig previous = config.getAndSet(next);
    warnShadowed(before, fetched.layer(), next);
    List<String> changed = new ArrayList<>();
    for (String key : RESTART_KEYS) {
      if (!Objects.equals(component(previous.worker(), key), component(next.worker(), key))) {
        changed.add("resotoworker." + key);
      }
    }
    if (!changed.isEmpty()) {
      log.warn("{} changed {}, which is read only at start: restarting the worker", core.layerName(), changed);
      restartRequested = true;
      Thread t = new Thread(() -> shutdown("restart: " + String.join(", ", changed) + " changed"), "restart");
      t.start();
      return;
    }
    core.configApplied();
    log.info("{} reloaded: the changes apply from the next collect", core.layerName());
  }

  /** A key changed in the core that a local layer (file, environment, override) sets wins locally: say so. */
  private static void warnShadowed(String before, String after, LoadedConfig next) {
    try {
      com.fasterxml.jackson.databind.JsonNode a = MAPPER.readTree(before == null ? "{}" : before);
      com.fasterxml.jackson.databind.JsonNode b = MAPPER.readTree(after);
      b.fields().forEachRemaining(section -> section.getValue().fields().forEachRemaining(key -> {
        String path = section.getKey() + "." + key.getKey();
        if (!key.getValue().equals(a.path(section.getKey()).path(key.getKey()))
            && !next.sourceOf(path).startsWith("core ")) {
          log.warn("{} was changed in the core, but {} sets it and takes precedence", path, next.sourceOf(path));
        }
      }));
    } catch (IOException e) {
      // the layers are JSON the worker wrote itself
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

  private static void warnIgnoredEnvironment(LoadedConfig loaded) {
    for (String name : loaded.ignoredEnvironment()) {
      if (!CLI_ENVIRONMENT.contains(name)) {
        log.warn("environment variable {} is not a known RESOTOWORKER_ setting and is ignored", name);
      }
    }
  }

  /** The RESOTOWORKER_* variables the command line owns. */
  public static final List<String> CLI_ENVIRONMENT =
      List.of("RESOTOWORKER_PSK", "RESOTOWORKER_CONFIG", "RESOTOWORKER_OVERRIDE",
          "RESOTOWORKER_LOG_FORMAT", "RESOTOWORKER_VERBOSE", "RESOTOWORKER_RESOTOCORE_URI",
          "RESOTOWORKER_SUBSCRIBER_ID", "RESOTOWORKER_URL", "RESOTOWORKER_CORE_FLAVOR",
          "RESOTOWORKER_CA_CERT", "RESOTOWORKER_NO_VERIFY_CERTS");

  /** Applies a changed config file from the next collect, or keeps the running one. */
  void reload(String content) {
    LoadedConfig next;
    try {
      next = load(loader, options, options.configFile(), coreLayer, core == null ? null : core.layerName());
    } catch (StartupException e) {
      log.error("config file {} changed but is invalid; keeping the running config: {}",
          options.configFile(), String.join(" | ", e.lines()));
      return;
    }
    LoadedConfig previous = config.getAndSet(next);
    ResotoWorkerConfig before = previous.worker();
    ResotoWorkerConfig after = next.worker();
    for (String key : RESTART_KEYS) {
      if (!Objects.equals(component(before, key), component(after, key))) {
        log.warn("resotoworker.{} changed: this takes effect only after a restart; the running value stays in use", key);
      }
    }
    if (core != null) {
      core.configApplied();
    }
    if (!Objects.equals(before.schedule(), after.schedule()) && scheduler != null) {
      scheduler.schedule(after.schedule());
    }
    log.info("config file {} reloaded: the changes apply from the next collect", options.configFile());
  }

  private static Object component(Record r, String key) {
    for (var c : r.getClass().getRecordComponents()) {
      if (snake(c.getName()).equals(key)) {
        try {
          return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  /** The config in force (the next run takes it). */
  public LoadedConfig config() {
    return config.get();
  }

  public RunCoordinator coordinator() {
    return coordinator;
  }

  /**
   * The tasks this worker takes from the core's task queue ({@code /work/queue}): {@code tag}
   * when an installed collector supports tags, else none. Built once; each reads the config in
   * force when it runs.
   */
  public List<TaskHandler> taskHandlers() {
    return taskHandlers;
  }

  /** The bound web port, or -1 without a web server. */
  public int webPort() {
    return web == null ? -1 : web.port();
  }

  /** Runs one collect now, waits for it, and returns its summary (for --once). */
  public RunSummary collectOnce(String trigger) throws InterruptedException {
    int before = coordinator.finishedRuns();
    coordinator.trigger(trigger);
    while (!coordinator.awaitIdle(Duration.ofSeconds(1))) {
      // keep waiting: the run is bounded by resotoworker.timeout
    }
    if (coordinator.finishedRuns() == before) {
      throw new IllegalStateException("the collect run ended without a summary (see the log)");
    }
    return coordinator.lastSummary().orElseThrow();
  }

  @Override
  public TriggerResult trigger(String source) {
    return coordinator.trigger(source);
  }

  /**
   * Stops: no new runs, the running one gets {@code shutdown_grace} to finish and is then
   * aborted, the sink is flushed (the run reports before this returns), the web server stops.
   * Idempotent.
   */
  public synchronized void shutdown(String reason) {
    if (shuttingDown) {
      return;
    }
    shuttingDown = true;
    log.info("shutting down ({})", reason);
    if (scheduler != null) {
      scheduler.close();
    }
    if (watcher != null) {
      watcher.close();
    }
    try {
      coordinator.shutdown(Duration.ofSeconds(config.get().worker().shutdownGrace()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (core != null) {
      core.close();
    }
    if (web != null) {
      web.close();
    }
    log.info("shutdown complete");
    stopped.countDown();
  }

  /** Blocks until {@link #shutdown} has finished. */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    shutdown("closed");
  }

  @Override
  public List<String> healthProblems() {
    List<String> problems = new ArrayList<>();
    if (shuttingDown) {
      problems.add("shutting down");
    }
    return problems;
  }

  /**
   * Unlike the original, channels to the core that are down make the worker not ready, not
   * unhealthy: a liveness probe would restart a worker that is waiting for its core, which gains
   * nothing (graphs wait in the spool) and turns a core outage into a restart loop.
   */
  @Override
  public List<String> readinessProblems() {
    List<String> problems = new ArrayList<>(healthProblems());
    if (core != null && !shuttingDown) {
      problems.addAll(core.problems());
    }
    String sinkProblem = sink.unusableReason();
    if (sinkProblem != null) {
      problems.add(sinkProblem);
    }
    return problems;
  }

  @Override
  public Map<String, Object> info() {
    LoadedConfig c = config.get();
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("version", Version.get());
    info.put("started_at", startedAt.toString());
    info.put("active_collectors", activeCollectors(c));
    info.put("collectors_auto_enabled", c.worker().collector() == null);
    info.put("all_collectors", registry.names());
    info.put("config_file", options.configFile() == null ? null : options.configFile().toString());
    info.put("sink", sink.describe());
    info.put("core", core == null ? null : core.info());
    Map<String, Object> schedule = new LinkedHashMap<>();
    schedule.put("cron", scheduler == null ? null : scheduler.expression());
    schedule.put("time_zone", ZoneId.systemDefault().getId());
    schedule.put("next_run", scheduler == null ? null : scheduler.nextRun().map(Object::toString).orElse(null));
    info.put("schedule", schedule);
    info.put("current_run", coordinator.current().map(Worker::progress).orElse(null));
    info.put("runs_finished", coordinator.finishedRuns());
    info.put("last_run", coordinator.lastSummary().orElse(null));
    return info;
  }

  /**
   * The configured collectors; when they are auto-enabled, those of the run in progress (once
   * chosen) or else of the last run, and none before the first run.
   */
  private List<String> activeCollectors(LoadedConfig c) {
    if (c.worker().collector() != null) {
      return c.worker().collector();
    }
    return coordinator.current().flatMap(CollectRun::selection)
        .map(io.resoto.worker.run.CollectorSelection.Selection::names)
        .or(() -> coordinator.lastSummary().filter(RunSummary::collectorsAutoEnabled).map(RunSummary::collectors))
        .orElse(List.of());
  }

  private static Map<String, Object> progress(CollectRun run) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("run_id", run.info().runId());
    p.put("trigger", run.info().trigger());
    p.put("started_at", run.info().startedAt().toString());
    p.put("accounts_submitted", run.accountsSubmitted());
    return p;
  }

  @Override
  public Secret psk() {
    return options.psk();
  }
}
