package io.resoto.worker.daemon;

import io.resoto.worker.Version;
import io.resoto.worker.config.ConfigException;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.ConfigProblem;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.core.tasks.TagTaskHandler;
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
 */
public final class Worker implements WorkerStatus, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /** Config keys that are read once at startup. */
  private static final List<String> RESTART_KEYS =
      List.of("web_host", "web_port", "web_path", "no_tls", "data_dir", "data_keep_runs",
          "files_in_home_dir", "write_files_to_home_dir");

  private final WorkerOptions options;
  private final PluginRegistry registry;
  private final ConfigLoader loader;
  private final AtomicReference<LoadedConfig> config;
  private final FileSink sink;
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
      LoadedConfig initial, FileSink sink, List<RunListener> extraListeners) {
    this.options = options;
    this.registry = registry;
    this.loader = loader;
    this.config = new AtomicReference<>(initial);
    this.sink = sink;
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
    this.coordinator = new RunCoordinator(config::get, registry, sink, options.clock(), listeners);
    this.taskHandlers = TagTaskHandler.forWorker(registry, config::get);
  }

  /** Loads and checks the config; problems come back as one exception listing all of them. */
  public static LoadedConfig loadConfig(WorkerOptions options, PluginRegistry registry) throws StartupException {
    return load(registry.configLoader(), options, options.configFile());
  }

  private static LoadedConfig load(ConfigLoader loader, WorkerOptions options, java.nio.file.Path file)
      throws StartupException {
    if (file != null && !java.nio.file.Files.isRegularFile(file)) {
      throw new StartupException(StartupException.CONFIG,
          List.of("config file " + file + " " + (java.nio.file.Files.exists(file) ? "is not a regular file" : "does not exist")));
    }
    LoadedConfig loaded;
    try {
      loaded = loader.load(file, options.environment(), options.overrides());
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
    LoadedConfig loaded = load(loader, options, options.configFile());
    ResotoWorkerConfig wc = loaded.worker();
    warnIgnoredEnvironment(loaded);
    if (wc.forkProcess()) {
      log.debug("resotoworker.fork_process is accepted for compatibility; plugins run on threads");
    }
    FileSink sink = new FileSink(FileSink.expandHome(wc.dataDir()), wc.dataKeepRuns());
    try {
      sink.prepare();
    } catch (IOException e) {
      throw new StartupException(StartupException.ENVIRONMENT,
          List.of(e.getMessage() + " (resotoworker.data_dir, " + loaded.sourceOf("resotoworker.data_dir") + ")"));
    }
    // written in one-off mode too: a collect needs e.g. the .aws/credentials it holds
    HomeDirFiles.write(wc, options.home());
    Worker worker = new Worker(options, registry, loader, loaded, sink, List.of(listeners));
    if (!options.once()) {
      try {
        worker.web = WebServer.start(wc.webHost(), wc.webPort(), wc.webPath(), worker, worker.metrics,
            options.clock());
      } catch (IOException e) {
        throw new StartupException(StartupException.ENVIRONMENT, List.of(e.getMessage()));
      }
      worker.scheduler = new CollectScheduler(options.clock().withZone(ZoneId.systemDefault()),
          worker.coordinator::trigger);
      worker.scheduler.schedule(wc.schedule());
      if (options.configFile() != null) {
        worker.watcher = new ConfigWatcher(options.configFile(), options.configPollInterval(), worker::reload);
      }
    }
    log.info("resotoworker {} started: collectors {}, {}, config {}", Version.get(),
        wc.collector() == null ? "auto-enabled at each run (resotoworker.collector not set)" : wc.collector(),
        sink.describe(),
        options.configFile() == null ? "embedded defaults" : options.configFile());
    return worker;
  }

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
          "RESOTOWORKER_SUBSCRIBER_ID", "RESOTOWORKER_URL");

  /** Applies a changed config file from the next collect, or keeps the running one. */
  void reload(String content) {
    LoadedConfig next;
    try {
      next = load(loader, options, options.configFile());
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

  @Override
  public List<String> readinessProblems() {
    List<String> problems = new ArrayList<>(healthProblems());
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
