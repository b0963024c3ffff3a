package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.app.ResilienceRuns.Graph;
import io.resoto.worker.app.ResilienceRuns.Run;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, throttling storm: with 30% of all calls throttled the worker's collect still completes
 * and writes the same graph (same nodes with the same properties, same edges) as an unthrottled
 * collect of the same estate. worker.jar runs as a child process against the simulator in this
 * JVM; retries are the SDK's (max_attempts 10 by default: a call fails only if 10 attempts in a
 * row are throttled, 0.3^10 = 6e-6).
 *
 * <p>"Retries" below are the calls the stormed run made beyond the unthrottled run's: each
 * throttled answer costs one more attempt, so they match the throttled count when the collect
 * otherwise makes the same calls.
 */
class ThrottlingStormIT {

  private static final double RATE = 0.3;

  @TempDir Path home;

  /**
   * Short version (normal suite): the demo organisation, 30% of every call throttled from the
   * first call to the last, with retry_mode standard (the adaptive default is the long test below:
   * with throttling that does not depend on the request rate, adaptive mode keeps lowering its
   * client-side send rate, and the collect takes about four times as long; docs/resilience.md,
   * "Throttling storms").
   */
  @Test
  void thirtyPercentThrottledThroughoutTheDemoCollectGivesTheSameGraph() throws Exception {
    stormThroughout(System.getProperty("storm.retry_mode", "standard"), Duration.ofMinutes(2));
  }

  /**
   * The same storm with the worker's default retry mode, adaptive (long: about 100 s here). Each
   * SDK client has its own retry strategy, so its client-side send rate drops for its own
   * throttling only; when one strategy was shared by every client, this collect did not finish in
   * 10 minutes.
   */
  @Test
  @Tag("resilience-long")
  void withTheDefaultAdaptiveRetryModeTheStormedCollectCompletesWithTheSameGraph() throws Exception {
    stormThroughout("adaptive", Duration.ofMinutes(5));
  }

  private void stormThroughout(String mode, Duration limit) throws Exception {
    Run normal = ResilienceRuns.demoReference();
    FaultPlan faults = new FaultPlan(7).add(FaultRule.any().throttleRate(RATE));
    try (Simulation sim = Simulation.start(Estate.demo(), 0, 0, faults, Clock.systemUTC())) {
      Run stormed = ResilienceRuns.collect("throttled 30%, " + mode, sim, home.resolve("storm"),
          ResilienceRuns.demoConfig(sim, home.resolve("storm/data"), "retry_mode: " + mode),
          limit);
      print(normal, stormed);

      stormed.assertCompleteWithoutErrors();
      // the storm really hit: close to 30% of the calls, with some slack for chance
      assertThat((double) stormed.throttled() / stormed.calls()).isBetween(RATE - 0.05, RATE + 0.05);
      assertThat(stormed.calls() - normal.calls()).as("retries").isEqualTo(stormed.throttled());
      Graph expected = ResilienceRuns.graph(normal.dataDir());
      ResilienceRuns.assertSameGraph(expected, ResilienceRuns.graph(stormed.dataDir()), "throttled run");
      System.out.println("graph of both runs: " + expected.size());
      ResilienceRuns.assertNoSecrets(sim, List.of(stormed));
    }
  }

  private static final Duration STORM_AFTER = Duration.ofSeconds(3);
  private static final Duration STORM_FOR = Duration.ofSeconds(60);
  /**
   * Latency on every call of the long version and the worker's parallelism there: with every API
   * task of the collect at most {@value #TASKS} at once (one account at a time), the ~1,750 calls
   * take about 1,750 x 0.2 s / 4 = 90 s, so the collect outlasts the storm. (With the default
   * parallelism the wall time hardly depends on the latency: 350 ms and 550 ms both gave about
   * 55 s, most of it the SDK's backoff after repeated throttling.)
   */
  private static final long LATENCY_MS = 180;
  private static final long JITTER_MS = 40;
  private static final int TASKS = 4;

  /** Counts the simulator had at one moment of a run. */
  private record Sample(double seconds, long calls, long throttled) {}

  /**
   * Long version: the demo organisation with 180-220 ms latency on every call and the worker
   * limited to 4 API tasks at once (so that the collect lasts longer than the storm), 30% of the
   * calls throttled from 3 s after the first call for a minute. The simulator's counts are sampled every 250 ms: nothing is throttled before the
   * window, about 30% in it, nothing after it while the collect goes on, and the graph equals an
   * undisturbed collect's (on a simulator of the same estate without faults).
   *
   * <p>Retry mode standard: adaptive lowers its send rate in the storm, which here means minutes
   * more (see the adaptive test and docs/resilience.md, "Throttling storms").
   */
  @Test
  @Tag("resilience-long")
  void aMinuteOfThirtyPercentThrottlingInTheMiddleOfALongCollectGivesTheSameGraph() throws Exception {
    Run normal = ResilienceRuns.demoReference();
    FaultPlan faults = new FaultPlan(11)
        .add(FaultRule.any().latencyMs(LATENCY_MS).jitterMs(JITTER_MS))
        .add(FaultRule.any().throttleRate(RATE).activeAfter(STORM_AFTER).activeFor(STORM_FOR));
    try (Simulation sim = Simulation.start(Estate.demo(), 0, 0, faults, Clock.systemUTC(), 128)) {
      List<Sample> samples = new CopyOnWriteArrayList<>();
      long start = System.nanoTime();
      java.util.concurrent.ScheduledExecutorService sampler =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      sampler.scheduleAtFixedRate(() -> {
        var counts = sim.aws().counters().snapshot().values();
        samples.add(new Sample((System.nanoTime() - start) / 1e9,
            counts.stream().mapToLong(io.resoto.worker.awssim.CallCounters.Stats::calls).sum(),
            counts.stream().mapToLong(io.resoto.worker.awssim.CallCounters.Stats::throttled).sum()));
      }, 0, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
      Run stormed;
      try {
        stormed = ResilienceRuns.collect("latency, 1 min of 30% storm", sim, home.resolve("storm"),
            ResilienceRuns.demoConfig(sim, home.resolve("storm/data"), "retry_mode: standard",
                "account_pool_size: 1", "resource_pool_size: " + TASKS),
            Duration.ofMinutes(5));
      } finally {
        sampler.shutdownNow();
      }
      print(normal, stormed);
      for (int i = 0; i < samples.size(); i += 20) {
        Sample x = samples.get(i);
        System.out.printf(Locale.ROOT, "  t=%5.1f s: %5d calls, %4d throttled%n", x.seconds(), x.calls(), x.throttled());
      }
      stormed.assertCompleteWithoutErrors();

      // the window on this test's clock: the plan's first call came between these two samples
      int first = 0;
      while (first < samples.size() && samples.get(first).calls() == 0) {
        first++;
      }
      assertThat(first).as("a sample with calls").isLessThan(samples.size());
      double earliestFirstCall = first == 0 ? 0 : samples.get(first - 1).seconds();
      double latestFirstCall = samples.get(first).seconds();
      double windowOpens = earliestFirstCall + STORM_AFTER.toMillis() / 1e3;
      // a call throttled at the end of the window is counted once its latency has passed
      double windowClosed = latestFirstCall + (STORM_AFTER.plus(STORM_FOR).toMillis() + LATENCY_MS + JITTER_MS) / 1e3
          + 0.5;
      Sample last = samples.get(samples.size() - 1);
      assertThat(last.seconds()).as("the collect must outlast the storm (raise LATENCY_MS)")
          .isGreaterThan(windowClosed + 2);
      Sample before = samples.stream().filter(x -> x.seconds() < windowOpens).reduce((a, b) -> b).orElseThrow();
      Sample after = samples.stream().filter(x -> x.seconds() >= windowClosed).findFirst().orElseThrow();
      assertThat(before.throttled()).as("throttled before the storm").isZero();
      assertThat(after.throttled()).as("throttled in the storm").isEqualTo(stormed.throttled()).isPositive();
      assertThat(last.calls() - after.calls()).as("calls after the storm").isPositive();
      double rate = (double) after.throttled() / (after.calls() - before.calls());
      System.out.printf(Locale.ROOT, "storm: %.1f s to %.1f s after the worker started; %d calls meanwhile, %.0f%% "
          + "throttled; %d calls after it; run %.1f s%n", windowOpens, windowClosed, after.calls() - before.calls(),
          rate * 100, last.calls() - after.calls(), stormed.wallSeconds());
      // calls just outside the window may be in the count: a little slack below 30%
      assertThat(rate).isBetween(RATE - 0.08, RATE + 0.05);
      assertThat(stormed.calls() - normal.calls()).as("retries").isEqualTo(stormed.throttled());

      ResilienceRuns.assertSameGraph(ResilienceRuns.graph(normal.dataDir()), ResilienceRuns.graph(stormed.dataDir()),
          "run through the storm");
      ResilienceRuns.assertNoSecrets(sim, List.of(stormed));
    }
  }

  static void print(Run normal, Run stormed) {
    System.out.println(normal.figures());
    System.out.println(stormed.figures() + String.format(Locale.ROOT, " %6d retries",
        stormed.calls() - normal.calls()));
  }
}
