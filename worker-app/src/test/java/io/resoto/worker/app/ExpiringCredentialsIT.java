package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.app.ResilienceRuns.Run;
import io.resoto.worker.awssim.CallCounters;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.EstateSettings;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, expiring credentials: every assumed-role session the simulator mints lives only a few
 * seconds (estate setting {@code assumed_role_lifetime_seconds}), and latency on every call makes
 * the collect last several lifetimes, so each account's session runs out several times during the
 * run. worker.jar re-mints them (more AssumeRole calls than an ordinary run) and the run completes
 * without errors with the graph of an ordinary run.
 */
class ExpiringCredentialsIT {

  private static final int LIFETIME_SECONDS = 2;
  private static final long LATENCY_MS = 40;
  private static final long JITTER_MS = 20;

  @TempDir Path home;

  @Test
  void sessionsExpiringSeveralTimesInARunAreMintedAgainAndTheRunCompletesWithTheSameGraph() throws Exception {
    Run normal = ResilienceRuns.demoReference();
    long normalAssumeRole = assumeRole(normal).calls();
    Estate shortSessions = Estate.demo().withSettings(new EstateSettings(LIFETIME_SECONDS, null));
    FaultPlan latency = new FaultPlan(3).add(FaultRule.any().latencyMs(LATENCY_MS).jitterMs(JITTER_MS));
    try (Simulation sim = Simulation.start(shortSessions, 0, 0, latency, Clock.systemUTC(), 64)) {
      int secretsBefore = sim.issuedSecrets().size();
      Run expiring = ResilienceRuns.collect(LIFETIME_SECONDS + " s sessions", sim, home.resolve("expiring"),
          ResilienceRuns.demoConfig(sim, home.resolve("expiring/data")));
      CallCounters.Stats assumeRole = assumeRole(expiring);
      System.out.println(normal.figures() + String.format(Locale.ROOT, " %4d AssumeRole", normalAssumeRole));
      System.out.println(expiring.figures() + String.format(Locale.ROOT, " %4d AssumeRole (%d failed, %d throttled)",
          assumeRole.calls(), assumeRole.failed(), assumeRole.throttled()));
      System.out.printf(Locale.ROOT, "sessions minted: %d (secret values issued: %d); lifetimes in the run: %.1f;"
              + " calls refused beyond the undisturbed run's (an expired session used): %d%n",
          assumeRole.calls() - assumeRole.failed(), sim.issuedSecrets().size() - secretsBefore,
          expiring.wallSeconds() / LIFETIME_SECONDS, expiring.failed() - normal.failed());

      expiring.assertCompleteWithoutErrors();
      assertThat(expiring.wallSeconds()).as("the run must outlast several session lifetimes (raise LATENCY_MS)")
          .isGreaterThan(3 * LIFETIME_SECONDS);
      // every account's session runs out at least (wall / lifetime) - 1 times while it is collected
      assertThat(assumeRole.calls()).as("AssumeRole calls: sessions minted again")
          .isGreaterThan(normalAssumeRole * 3);
      ResilienceRuns.assertSameGraph(ResilienceRuns.graph(normal.dataDir()), ResilienceRuns.graph(expiring.dataDir()),
          "run with expiring sessions");
      ResilienceRuns.assertNoSecrets(sim, List.of(expiring));
    }
  }

  private static CallCounters.Stats assumeRole(Run run) {
    return run.counts().getOrDefault("sts:AssumeRole", new CallCounters.Stats(0, 0, 0));
  }
}
