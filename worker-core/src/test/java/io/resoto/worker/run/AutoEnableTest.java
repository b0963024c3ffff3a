package io.resoto.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.sink.RunInfo;
import io.resoto.worker.testing.Configs;
import io.resoto.worker.testing.RecordingSink;
import io.resoto.worker.testing.TestCloudPlugin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Choosing a run's collectors: with {@code resotoworker.collector} not set (the default), the
 * installed collectors that auto-enable, within one overall timeout; otherwise the listed ones.
 * The test plugins testcloud and othercloud answer autoEnable as their {@code auto_enable} key
 * says.
 */
class AutoEnableTest {

  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void reset() {
    TestCloudPlugin.EVENTS.clear();
    TestCloudPlugin.gate = new CountDownLatch(0);
    TestCloudPlugin.autoEnableTimeout = null;
  }

  private CollectRun run(String yaml, Duration autoEnableTimeout) {
    LoadedConfig config = Configs.load(yaml);
    RunInfo info = new RunInfo("r1", "test", Clock.systemUTC().instant(), "resoto");
    return new CollectRun(info, config, CollectorSelection.of(Configs.REGISTRY, autoEnableTimeout), sink,
        Clock.systemUTC());
  }

  private RunSummary execute(String yaml) {
    return run(yaml, CollectorSelection.AUTO_ENABLE_TIMEOUT).execute();
  }

  @Test
  void withoutCollectorEveryInstalledCollectorIsAskedAndThoseThatSayYesAreCollected() {
    RunSummary summary = execute("testcloud:\n  auto_enable: 'yes'\n  accounts: 2\nothercloud:\n  auto_enable: 'no'\n");

    assertThat(summary.collectors()).containsExactly("testcloud");
    assertThat(summary.collectorsAutoEnabled()).isTrue();
    assertThat(summary.plugins()).extracting(PluginResult::name).containsExactly("testcloud");
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(sink.deliveries).hasSize(2).allMatch(d -> d.cloud().equals("testcloud"));
    // both asked (in parallel, so in any order), with the whole budget; then only testcloud collects
    assertThat(List.copyOf(TestCloudPlugin.EVENTS).subList(0, 2))
        .containsExactlyInAnyOrder("autoEnable testcloud", "autoEnable othercloud");
    assertThat(List.copyOf(TestCloudPlugin.EVENTS).subList(2, TestCloudPlugin.EVENTS.size()))
        .containsExactly("init", "collect", "submit 000000000001", "submit 000000000002", "close");
    assertThat(TestCloudPlugin.autoEnableTimeout).isEqualTo(Duration.ofSeconds(10));
    assertThat(SummaryTable.render(summary)).contains("collectors: testcloud (auto-enabled: resotoworker.collector is not set)");
  }

  @Test
  void anExplicitListIsCollectedAsItIsAndNoCollectorIsAsked() {
    RunSummary summary = execute("resotoworker:\n  collector: [othercloud]\ntestcloud:\n  auto_enable: 'yes'\n");

    assertThat(summary.collectors()).containsExactly("othercloud");
    assertThat(summary.collectorsAutoEnabled()).isFalse();
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(sink.deliveries).isNotEmpty().allMatch(d -> d.cloud().equals("othercloud"));
    assertThat(TestCloudPlugin.EVENTS).noneMatch(e -> e.startsWith("autoEnable"));
    assertThat(SummaryTable.render(summary)).contains("  collectors: othercloud\n");
  }

  @Test
  void whenNoCollectorCanBeAutoEnabledTheRunFailsAtOnceSayingWhatToSet() {
    RunSummary summary = execute("");

    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
    assertThat(summary.collectors()).isEmpty();
    assertThat(summary.collectorsAutoEnabled()).isTrue();
    assertThat(summary.plugins()).isEmpty();
    assertThat(summary.errors()).extracting(CollectError::message).containsExactly(
        "no collector configured and none could be auto-enabled: set `collector: [othercloud]` or"
            + " `collector: [testcloud]`");
    assertThat(TestCloudPlugin.EVENTS).containsExactlyInAnyOrder("autoEnable testcloud", "autoEnable othercloud");
    // the run is still recorded by the sink, so the failure is visible where runs are looked at
    assertThat(sink.events).containsExactly("started r1", "finished r1");
    assertThat(SummaryTable.render(summary)).contains("FAILED")
        .contains("collectors: none (auto-enabled: resotoworker.collector is not set)")
        .contains("\n    no collector configured and none could be auto-enabled: set `collector: [othercloud]`");
  }

  @Test
  void anEmptyListCollectsNothingAndTheRunFailsSayingSo() {
    RunSummary summary = execute("resotoworker:\n  collector: []\ntestcloud:\n  auto_enable: 'yes'\n");

    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
    assertThat(summary.collectors()).isEmpty();
    assertThat(summary.collectorsAutoEnabled()).isFalse();
    assertThat(summary.errors()).extracting(CollectError::message).containsExactly(
        "no collector configured: resotoworker.collector is an empty list, so nothing is collected"
            + " (leave it out to auto-enable the collectors whose credentials work)");
    assertThat(TestCloudPlugin.EVENTS).isEmpty();
  }

  @Test
  void aCollectorThatDoesNotAnswerWithinTheTimeoutDoesNotHoldTheRun() throws Exception {
    CollectRun run = run("testcloud:\n  auto_enable: block\nothercloud:\n  auto_enable: 'yes'\n  accounts: 1\n",
        Duration.ofMillis(200));

    long start = System.nanoTime();
    RunSummary summary = run.execute();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    // the timeout bounds the wait: far below the 10 s default, whatever the blocked plugin does
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(5));
    assertThat(TestCloudPlugin.autoEnableTimeout).isEqualTo(Duration.ofMillis(200));
    assertThat(summary.collectors()).containsExactly("othercloud");
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(run.selection().orElseThrow().notEnabled()).containsExactly(
        java.util.Map.entry("testcloud", "no answer within 200 ms"));
    // the blocked check is interrupted, and its late yes does not enable it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!TestCloudPlugin.EVENTS.contains("autoEnable interrupted testcloud") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(TestCloudPlugin.EVENTS).contains("autoEnable interrupted testcloud");
  }

  @Test
  void aCollectorWhoseCheckThrowsIsNotEnabledAndTheOthersStillAre() {
    CollectRun run = run("testcloud:\n  auto_enable: throw\nothercloud:\n  auto_enable: 'yes'\n",
        CollectorSelection.AUTO_ENABLE_TIMEOUT);

    RunSummary summary = run.execute();

    assertThat(summary.collectors()).containsExactly("othercloud");
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(run.selection().orElseThrow().notEnabled())
        .containsExactly(java.util.Map.entry("testcloud", "the check failed: testcloud: cannot tell"));
  }

  @Test
  void everyCollectorSayingYesIsCollectedInNameOrder() {
    RunSummary summary = execute("testcloud:\n  auto_enable: 'yes'\nothercloud:\n  auto_enable: 'yes'\n");

    assertThat(summary.collectors()).containsExactly("othercloud", "testcloud");
    assertThat(summary.plugins()).extracting(PluginResult::status).containsOnly(PluginStatus.COMPLETE);
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
  }

  @Test
  void aShutdownWhileCollectorsAreAskedEndsTheRunWithoutWaitingForThem() throws Exception {
    CollectRun run = run("testcloud:\n  auto_enable: block\n", CollectorSelection.AUTO_ENABLE_TIMEOUT);
    CompletableFuture<RunSummary> result = CompletableFuture.supplyAsync(run::execute);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!TestCloudPlugin.EVENTS.contains("autoEnable testcloud") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    run.abort();

    // well within the 10 s the check could take
    RunSummary summary = result.get(5, TimeUnit.SECONDS);
    assertThat(summary.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(summary.collectors()).isEmpty();
  }
}
