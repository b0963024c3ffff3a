package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.testcore.Await;
import io.resoto.worker.testcore.SecretScan;
import io.resoto.worker.testcore.TestCore;
import io.resoto.worker.testcore.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core unreachable for minutes, then back, with the real jar and the simulator's demo
 * organisation (three accounts through an assumed role): the core goes down while a collect it
 * asked for runs; the three account graphs wait in the spool while the worker keeps retrying and
 * reconnecting; when the core is back every graph arrives exactly once, the action is answered,
 * and the next collect works as usual. Long (the outage lasts {@code outage.seconds}, default
 * 120): in the {@code resilience} profile.
 */
@Tag("resilience-long")
class CoreOutageIT {

  private static final String PSK = "core-outage-it-psk-5be0";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 120));

  @TempDir
  Path home;

  @Test
  void withTheCoreDownForMinutesEveryGraphArrivesExactlyOnce() throws Exception {
    Path data = home.resolve("data");
    // latency, so that the collect is still running when the core goes down
    FaultPlan latency = new FaultPlan(7).add(FaultRule.any().latencyMs(20).jitterMs(10));
    Estate estate = Estate.demo();
    try (Simulation sim = Simulation.start(estate, 0, 0, latency, java.time.Clock.systemUTC());
        TestCore core = TestCore.start(TestCore.Options.psk(PSK))) {
      Path config = Files.writeString(home.resolve("worker.yaml"), ResilienceRuns.demoConfig(sim, data,
          ResilienceRuns.daemonLines(), List.of("region: [us-east-1, eu-central-1]")));
      Map<String, String> env = Map.of("RESOTOWORKER_RESOTOCORE_URI", core.uri().toString(), "RESOTOWORKER_PSK", PSK);
      try (WorkerProcess worker = WorkerProcess.start(home, env, "-c", config.toString())) {
        worker.awaitErr("core actions channel connected", WAIT);

        long started = System.nanoTime();
        core.collect("task-outage");
        worker.awaitErr("collecting with plugin aws", WAIT);
        core.down();
        System.out.printf("core down %.1f s after the collect was asked for%n", (System.nanoTime() - started) / 1e9);
        Await.until("three graphs spooled", WAIT, () -> spooled(data) == 3);
        long spooledAt = System.nanoTime();
        Thread.sleep(OUTAGE.toMillis());
        assertThat(core.uploads("task-outage")).isEmpty();
        assertThat(spooled(data)).as("still waiting in the spool").isEqualTo(3);
        String during = worker.err();
        assertThat(during).as("the worker says it keeps the graphs").contains("kept in the spool");
        System.out.printf("core back after %.0f s down; graphs spooled for %.0f s%n",
            (System.nanoTime() - started) / 1e9, (System.nanoTime() - spooledAt) / 1e9);

        core.up();
        Await.until("the three graphs arrived", WAIT, () -> core.uploads("task-outage").size() >= 3);
        Await.until("the action is answered", WAIT, () -> core.answers("task-outage").size() == 1);
        Await.until("the spool is empty", WAIT, () -> spooled(data) == 0);
        assertThat(core.answers("task-outage").get(0).get("kind").asText()).isEqualTo("action_done");
        // a moment for any duplicate to show up
        Thread.sleep(5_000);
        List<Upload> uploads = core.uploads("task-outage");
        assertThat(uploads).hasSize(3);
        Set<String> accounts = new HashSet<>();
        for (Upload u : uploads) {
          u.nodesOfKind("aws_account").forEach(a -> accounts.add(a.at("/reported/id").asText()));
        }
        assertThat(accounts).containsExactlyInAnyOrder("111111111111", "222222222222", "333333333333");
        assertThat(core.rejected()).isEmpty();
        System.out.printf("exactly once: %d uploads for %d accounts after %.0f s of outage%n", uploads.size(),
            accounts.size(), OUTAGE.toSeconds() + 0.0);

        // and life goes on
        core.collect("task-after");
        Await.until("the next collect arrived", WAIT, () -> core.answers("task-after").size() == 1);
        assertThat(core.uploads("task-after")).hasSize(3);
        assertThat(core.uploads("task-outage")).hasSize(3);

        worker.terminate();
        assertThat(worker.waitFor()).isZero();
        Set<String> secrets = new HashSet<>(sim.issuedSecrets());
        secrets.add(PSK);
        SecretScan.of(secrets).text("stdout", worker.out()).text("stderr", worker.err()).tree(data).assertNone();
      }
    }
  }

  private static long spooled(Path data) {
    Path spool = data.resolve("spool");
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(spool)) {
      return files.filter(f -> f.toString().endsWith(".ndjson")).count();
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return -1;
    }
  }
}
