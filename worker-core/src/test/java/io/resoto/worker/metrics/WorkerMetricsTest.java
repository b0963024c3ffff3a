package io.resoto.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.run.CollectError;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {

  private static String scrape(WorkerMetrics metrics) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metrics.write(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void errorsAreCountedPerPluginAccountRegionAndKind() throws Exception {
    WorkerMetrics metrics = new WorkerMetrics(Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC));
    List<CollectError> errors = List.of(
        new CollectError("aws", "111111111111", "us-east-1", "aws_ec2_volume", "skipped: access denied"),
        new CollectError("aws", "111111111111", "us-east-1", "aws_ec2_volume", "throttled"),
        new CollectError("aws", "222222222222", null, null, "account discarded"));
    List<CollectError> skipped = List.of(
        new CollectError("aws", "111111111111", "af-south-1", null, "not enabled"));
    metrics.runFinished(new RunSummary("r1", "test", "2026-11-23T11:59:00Z", "2026-11-23T12:00:00Z", 60,
        RunStatus.PARTIAL, List.of("aws"), false, List.of(), List.of(), Map.of(), errors, skipped, 0, 0, null));

    String text = scrape(metrics);
    assertThat(text).contains("resotoworker_collect_errors_total{account=\"111111111111\",kind=\"aws_ec2_volume\","
        + "plugin=\"aws\",region=\"us-east-1\"} 2.0");
    assertThat(text).contains("resotoworker_collect_errors_total{account=\"222222222222\",kind=\"\","
        + "plugin=\"aws\",region=\"\"} 1.0");
    // a skipped scope is not an error
    assertThat(text).doesNotContain("region=\"af-south-1\"");
  }

  @Test
  void metricsPluginsRegisterOnTheDefaultRegistryAreServedToo() throws Exception {
    io.prometheus.metrics.core.metrics.Counter pluginCounter = io.prometheus.metrics.core.metrics.Counter.builder()
        .name("test_plugin_things_total").help("Things a test plugin counted.").register();
    try {
      pluginCounter.inc(3);
      WorkerMetrics metrics = new WorkerMetrics(Clock.systemUTC());
      assertThat(scrape(metrics)).contains("test_plugin_things_total 3.0").contains("resotoworker_run_in_progress");
    } finally {
      io.prometheus.metrics.model.registry.PrometheusRegistry.defaultRegistry.unregister(pluginCounter);
    }
  }
}
