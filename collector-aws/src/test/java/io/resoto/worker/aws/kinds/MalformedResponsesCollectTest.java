package io.resoto.worker.aws.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.CallCounters;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.fault.MalformedKind;
import io.resoto.worker.testcore.SecretScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input, answers (issue 8): the demo account collected with every kind while 15% of the calls
 * (5% for HUGE; STS left alone, so the account itself can be reached) get a malformed answer of each kind:
 * a synthetic cut body (CUT), the real answer cut off (TRUNCATED), with values of the wrong type
 * (WRONG_TYPES), or with 16 MiB more (HUGE). The run completes within its time; every error is one
 * line of its scope (region and kind) that names the call and what was wrong ("malformed response
 * from ec2:DescribeVolumes: ..."); no secret is in any of it. Prints the counts per mode.
 */
class MalformedResponsesCollectTest extends KindTestHarness {

  private static final double RATE = 0.15;
  /** Each huge answer is 16 MiB more: a third of the rate keeps the test short. */
  private static final double HUGE_RATE = 0.05;

  @ParameterizedTest
  @EnumSource(MalformedKind.class)
  void theDemoAccountIsCollectedWithMalformedAnswers(MalformedKind mode) throws Exception {
    // every service but STS: the account's credentials and identity come first
    for (String service : services()) {
      sim.aws().faults().add(FaultRule.forService(service)
          .malformedRate(mode == MalformedKind.HUGE ? HUGE_RATE : RATE).malformed(mode));
    }
    long callsBefore = calls();
    Map<String, CallCounters.Stats> before = sim.aws().counters().snapshot();
    long malformedBefore = sim.aws().faults().malformedAnswers();
    AwsConfig c = TestSupport.config(sim, Map.of());
    long t0 = System.nanoTime();
    AccountCollector.Result result;
    try (AwsClientFactory clients = new AwsClientFactory(c)) {
      result = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
          new AccountCollector(c, clients, TestSupport.resolver(), KindRegistry.kinds(), context)
              .collect(TestSupport.managementAccount()));
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long malformed = sim.aws().faults().malformedAnswers() - malformedBefore;
    List<AccountCollector.Problem> errors = result.problems().stream()
        .filter(p -> p.level() == AccountCollector.Level.ERROR).toList();
    int nodes = result.graph() == null ? 0 : result.graph().graph().nodes().size();
    System.out.printf("malformed %-11s: %5d calls, %4d malformed answers, %4d errors reported, %5d nodes, %5d ms%n",
        mode.name().toLowerCase(), calls() - callsBefore, malformed, errors.size(), nodes, ms);

    assertThat(malformed).as("malformed answers").isPositive();
    assertThat(result.graph()).as("the account's graph").isNotNull();
    assertThat(nodes).isPositive();
    List<String> unclear = new ArrayList<>();
    Set<String> calls = new TreeSet<>();
    StringBuilder all = new StringBuilder();
    for (AccountCollector.Problem p : errors) {
      String m = p.message();
      all.append(p).append('\n');
      boolean clear = p.kind() != null && p.region() != null && !m.contains("\n") && m.length() < 500
          && m.startsWith("malformed response from ") && !m.contains("\tat ");
      if (!clear) {
        unclear.add(p.region() + " " + p.kind() + ": " + m);
      } else {
        calls.add(m.substring("malformed response from ".length(), m.indexOf(':', m.indexOf(':') + 1)));
      }
    }
    assertThat(unclear).as("errors that are not one clear line of their scope").isEmpty();
    assertThat(context.errors).allSatisfy(e -> assertThat(e).doesNotContain("\n"));
    if (mode != MalformedKind.HUGE) {
      assertThat(errors).as("errors reported for %d malformed answers", malformed).isNotEmpty();
    }
    if (!calls.isEmpty()) {
      System.out.println("  calls named in errors: " + calls.size() + ", e.g. " + calls.iterator().next());
    }
    // operations that got a failed answer (malformed, or an error) but are named in no error: the
    // SDK retried them away (max_attempts 2), or the kind treats the failure as optional
    Set<String> unreported = new TreeSet<>();
    sim.aws().counters().snapshot().forEach((op, stats) -> {
      long failed = stats.failed() - before.getOrDefault(op, new CallCounters.Stats(0, 0, 0)).failed();
      if (failed > 0 && !calls.contains(op)) {
        unreported.add(op + " x" + failed);
      }
    });
    System.out.println("  operations with failed answers not named in an error: " + unreported.size() + " "
        + unreported.stream().limit(12).toList());
    Set<String> secrets = new java.util.HashSet<>(sim.issuedSecrets());
    secrets.add(TestSupport.SECRET);
    SecretScan.of(secrets).text("problems", all.toString()).text("context errors", String.join("\n", context.errors))
        .assertNone();
  }

  /** The services the kinds call (IAM prefixes; CloudWatch signs as monitoring), STS left out. */
  private static List<String> services() {
    Set<String> names = new TreeSet<>();
    KindRegistry.kinds().forEach(k -> k.apiCalls().forEach(a -> names.add(a.substring(0, a.indexOf(':')))));
    names.add("monitoring");
    names.remove("sts");
    return List.copyOf(names);
  }

  private static long calls() {
    return sim.aws().counters().snapshot().values().stream().mapToLong(CallCounters.Stats::calls).sum();
  }
}
