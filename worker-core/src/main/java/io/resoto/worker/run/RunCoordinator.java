package io.resoto.worker.run;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.LastGood;
import io.resoto.worker.sink.RunInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts collect runs so that they never overlap. A request while a run is in progress is
 * <em>queued once</em>: exactly one more run starts right after the current one, however many
 * requests came in meanwhile (the core's own workflow scheduler behaves the same way). A run takes
 * the config as it is when the run starts, so a reloaded config applies from the next run.
 */
public final class RunCoordinator {

  private static final Logger log = LoggerFactory.getLogger(RunCoordinator.class);
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Supplier<LoadedConfig> config;
  private final CollectorSelection selection;
  private final GraphSink sink;
  private final Clock clock;
  private final List<RunListener> listeners;
  private final RunListener progressListener;
  private volatile LastGood lastGood;

  private boolean running;
  private boolean queued;
  private String queuedBy;
  private String queuedTask;
  private CompletableFuture<RunSummary> queuedRun;
  private boolean shuttingDown;
  private CollectRun current;
  private RunSummary last;
  private String lastRunId = "";
  private int finishedRuns;

  public RunCoordinator(
      Supplier<LoadedConfig> config,
      PluginRegistry registry,
      GraphSink sink,
      Clock clock,
      List<RunListener> listeners) {
    this(config, CollectorSelection.of(registry), sink, clock, listeners);
  }

  /** The same, choosing each run's collectors with the given selection. */
  public RunCoordinator(
      Supplier<LoadedConfig> config,
      CollectorSelection selection,
      GraphSink sink,
      Clock clock,
      List<RunListener> listeners) {
    this.config = config;
    this.selection = selection;
    this.sink = sink;
    this.clock = clock;
    this.listeners = List.copyOf(listeners);
    this.progressListener = new Fanout(this.listeners);
  }

  /** Passes a run's progress to every listener. */
  private record Fanout(List<RunListener> listeners) implements RunListener {
    @Override
    public void pluginStarted(RunInfo run, String plugin) {
      listeners.forEach(l -> safely(() -> l.pluginStarted(run, plugin)));
    }

    @Override
    public void accountFinished(RunInfo run, AccountResult account) {
      listeners.forEach(l -> safely(() -> l.accountFinished(run, account)));
    }

    @Override
    public void errorRecorded(RunInfo run, CollectError error) {
      listeners.forEach(l -> safely(() -> l.errorRecorded(run, error)));
    }

    @Override
    public void pluginFinished(RunInfo run, PluginResult plugin) {
      listeners.forEach(l -> safely(() -> l.pluginFinished(run, plugin)));
    }

    @Override
    public void runFinished(RunSummary summary) {}
  }

  /**
   * What became of a request, and the run that serves it: completes with that run's summary, or
   * exceptionally when no run serves it (the worker is shutting down).
   */
  public record Ticket(TriggerResult result, CompletableFuture<RunSummary> run) {}

  /** Asks for a run now; {@code source} says who asked (schedule, http, cli, core, ...). */
  public TriggerResult trigger(String source) {
    return submit(source, null).result();
  }

  /**
   * Asks for a run now, like {@link #trigger}, and says which run serves the request.
   *
   * @param coreTask the core's task id the run serves ({@link RunInfo#coreTask()}), or null; a
   *     request that joins an already queued run is served by that run, which keeps the task id of
   *     the request that queued it
   */
  public synchronized Ticket submit(String source, String coreTask) {
    if (shuttingDown) {
      log.info("collect requested by {} ignored: the worker is shutting down", source);
      return new Ticket(TriggerResult.REJECTED,
          CompletableFuture.failedFuture(new IllegalStateException("the worker is shutting down")));
    }
    if (!running) {
      running = true;
      CompletableFuture<RunSummary> run = new CompletableFuture<>();
      Thread runner = new Thread(() -> runLoop(source, coreTask, run), "collect-runner");
      runner.start();
      return new Ticket(TriggerResult.STARTED, run);
    }
    if (!queued) {
      queued = true;
      queuedBy = source;
      queuedTask = coreTask;
      queuedRun = new CompletableFuture<>();
      log.info("collect requested by {} while run {} is in progress: queued to start right after it",
          source, current == null ? "?" : current.info().runId());
      return new Ticket(TriggerResult.QUEUED, queuedRun);
    }
    log.info("collect requested by {} while a run is in progress and another is queued: nothing more to do",
        source);
    return new Ticket(TriggerResult.ALREADY_QUEUED, queuedRun);
  }

  private void runLoop(String firstSource, String firstTask, CompletableFuture<RunSummary> firstRun) {
    String source = firstSource;
    String task = firstTask;
    CompletableFuture<RunSummary> run = firstRun;
    while (true) {
      RunSummary summary = runOne(source, task);
      if (summary != null) {
        run.complete(summary);
      } else {
        run.completeExceptionally(new IllegalStateException("the collect run failed unexpectedly (see the log)"));
      }
      synchronized (this) {
        if (queued && !shuttingDown) {
          queued = false;
          source = queuedBy;
          task = queuedTask;
          run = queuedRun;
          queuedRun = null;
        } else {
          if (queuedRun != null) {
            queuedRun.completeExceptionally(new IllegalStateException("the worker is shutting down"));
            queuedRun = null;
          }
          queued = false;
          running = false;
          notifyAll();
          return;
        }
      }
    }
  }

  /**
   * Keeps each run's account graphs in {@code store} and carries the parts a run could not collect
   * forward from it (see {@link LastGood}); null (the default) does neither.
   */
  public void carryForward(LastGood store) {
    this.lastGood = store;
  }

  private RunSummary runOne(String source, String coreTask) {
    LoadedConfig snapshot = config.get();
    Instant started = clock.instant();
    CollectRun run;
    synchronized (this) {
      String id = RUN_ID.format(started);
      if (id.compareTo(lastRunId) <= 0) {
        // two runs in the same millisecond, or a clock step back: keep ids unique and ordered
        id = lastRunId + "-1";
      }
      lastRunId = id;
      RunInfo info = new RunInfo(id, source, started, snapshot.worker().graph(), coreTask);
      run = new CollectRun(info, snapshot, selection, sink, clock);
      run.progressListener(progressListener);
      run.carryForward(lastGood);
      current = run;
      if (shuttingDown) {
        // asked for before the shutdown began, started after: report it, but collect nothing
        run.abort();
      }
    }
    List<String> collectors = snapshot.worker().collector();
    log.info("collect run {} started (trigger: {}, collectors: {})", run.info().runId(), source,
        collectors == null ? "auto-enabled" : collectors.isEmpty() ? "none" : String.join(", ", collectors));
    for (RunListener l : listeners) {
      safely(() -> l.runStarted(run.info()));
    }
    RunSummary summary;
    try {
      summary = run.execute();
    } catch (RuntimeException e) {
      log.error("collect run {} failed unexpectedly: {}", run.info().runId(), CollectRun.describe(e), e);
      summary = null;
    }
    synchronized (this) {
      current = null;
      if (summary != null) {
        last = summary;
        finishedRuns++;
      }
    }
    if (summary != null) {
      RunSummary s = summary;
      for (RunListener l : listeners) {
        safely(() -> l.runFinished(s));
      }
    }
    return summary;
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.warn("a run listener failed: {}", CollectRun.describe(e));
    }
  }

  /** The run in progress, if any. */
  public synchronized Optional<CollectRun> current() {
    return Optional.ofNullable(current);
  }

  /** The last finished run's summary, if any. */
  public synchronized Optional<RunSummary> lastSummary() {
    return Optional.ofNullable(last);
  }

  /** How many runs have finished since start. */
  public synchronized int finishedRuns() {
    return finishedRuns;
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /** Waits until no run is in progress or queued; false if the wait timed out. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (running) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Stops taking requests, drops a queued run, lets the running one finish within {@code grace},
   * then aborts it and waits for it to report (its sink is flushed by then).
   */
  public void shutdown(Duration grace) throws InterruptedException {
    synchronized (this) {
      shuttingDown = true;
      queued = false;
      if (queuedRun != null) {
        queuedRun.completeExceptionally(new IllegalStateException("the worker is shutting down"));
        queuedRun = null;
      }
      if (!running) {
        return;
      }
    }
    log.info("waiting up to {} s for the collect run to finish (resotoworker.shutdown_grace)", grace.toSeconds());
    if (awaitIdle(grace)) {
      return;
    }
    CollectRun run = current().orElse(null);
    log.warn("collect run {} did not finish within {} s: aborting it",
        run == null ? "(starting)" : run.info().runId(), grace.toSeconds());
    if (run != null) {
      run.abort();
    }
    awaitIdle(CollectRun.CANCEL_GRACE.plusSeconds(10));
  }
}
