package io.resoto.worker.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.resoto.worker.run.AccountResult;
import io.resoto.worker.run.CollectError;
import io.resoto.worker.run.PluginResult;
import io.resoto.worker.run.RunListener;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.RunInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The worker's Prometheus metrics, kept up to date from run summaries, plus the JVM's own
 * (memory, threads, GC). One registry per worker, so tests can run several workers in one JVM.
 */
public final class WorkerMetrics implements RunListener {

  /** The content type of {@link #write}. */
  public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = new PrometheusTextFormatWriter(false);
  private final Clock clock;
  private final Counter runs;
  private final Histogram runDuration;
  private final Gauge running;
  private final Gauge resources;
  private final Counter errors;
  private final Counter pluginOutcomes;
  private final Gauge lastSuccess;
  private final Gauge lastRunResources;
  private final Set<String> kindsSeen = new HashSet<>();

  public WorkerMetrics(Clock clock) {
    this.clock = clock;
    runs = Counter.builder().name("resotoworker_runs_total")
        .help("Collect runs finished, by status (complete, partial, failed, aborted).")
        .labelNames("status").register(registry);
    runDuration = Histogram.builder().name("resotoworker_run_duration_seconds")
        .help("Duration of finished collect runs.")
        .classicUpperBounds(1, 5, 15, 60, 300, 900, 1800, 3600, 7200, 10800)
        .register(registry);
    running = Gauge.builder().name("resotoworker_run_in_progress")
        .help("1 while a collect run is in progress.").register(registry);
    resources = Gauge.builder().name("resotoworker_resources")
        .help("Resources (nodes) delivered by the last finished run, by cloud and kind.")
        .labelNames("kind").register(registry);
    lastRunResources = Gauge.builder().name("resotoworker_last_run_nodes")
        .help("Nodes delivered by the last finished run.").register(registry);
    errors = Counter.builder().name("resotoworker_collect_errors_total")
        .help("Errors recorded during collect runs, by plugin, account, region and kind (empty when not"
            + " specific to one).")
        .labelNames("plugin", "account", "region", "kind").register(registry);
    pluginOutcomes = Counter.builder().name("resotoworker_plugin_runs_total")
        .help("Plugin runs, by plugin and status (complete, failed, timed_out, aborted).")
        .labelNames("plugin", "status").register(registry);
    lastSuccess = Gauge.builder().name("resotoworker_last_success_timestamp_seconds")
        .help("Unix time at which the last complete run finished (0: none yet).").register(registry);
    JvmMetrics.builder().register(registry);
  }

  @Override
  public void runStarted(RunInfo run) {
    running.set(1);
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    running.set(0);
    runs.labelValues(summary.status().toString()).inc();
    runDuration.observe(summary.durationSeconds());
    for (PluginResult p : summary.plugins()) {
      pluginOutcomes.labelValues(p.name(), p.status().toString()).inc();
    }
    for (CollectError e : summary.errors()) {
      errors.labelValues(orEmpty(e.plugin()), orEmpty(e.account()), orEmpty(e.region()), orEmpty(e.kind())).inc();
    }
    // Kinds absent from this run drop to zero rather than keep an old count.
    for (String kind : kindsSeen) {
      resources.labelValues(kind).set(0);
    }
    for (Map.Entry<String, Long> e : summary.resourcesByKind().entrySet()) {
      resources.labelValues(e.getKey()).set(e.getValue());
      kindsSeen.add(e.getKey());
    }
    lastRunResources.set(summary.accounts().stream().filter(AccountResult::delivered)
        .mapToLong(AccountResult::nodes).sum());
    if (summary.status() == RunStatus.COMPLETE) {
      lastSuccess.set(clock.millis() / 1000.0);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * Writes the Prometheus text exposition of every metric: the worker's own, and those plugins
   * register on {@link PrometheusRegistry#defaultRegistry} (the Prometheus client's usual place,
   * so a plugin needs nothing of ours to publish metrics).
   */
  public void write(OutputStream out) throws IOException {
    MetricSnapshots.Builder all = MetricSnapshots.builder();
    registry.scrape().forEach(all::metricSnapshot);
    for (MetricSnapshot m : PrometheusRegistry.defaultRegistry.scrape()) {
      // a plugin's metric named like one of ours must not break the whole scrape
      if (!all.containsMetricName(m.getMetadata().getName())) {
        all.metricSnapshot(m);
      }
    }
    writer.write(out, all.build());
  }
}
