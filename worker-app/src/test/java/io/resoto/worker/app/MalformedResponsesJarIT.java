package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.awssim.CallCounters;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.fault.MalformedKind;
import io.resoto.worker.testcore.SecretScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, answers, end to end (issue 8): worker.jar (-Xmx256m) collects the demo account while
 * every service but STS answers 5% of the calls truncated, 5% with wrong types and 5% huge (16 MiB
 * more each). The collect ends (exit 3: finished, not complete), every error the log shows at the
 * default level is one line naming region, kind and the call ("malformed response from
 * ec2:DescribeVolumes: ..."), stderr has no stack trace and no exception class name, the huge
 * answers do not exhaust the heap, and no secret is printed or written. Prints the counts.
 */
class MalformedResponsesJarIT {

  private static final Map<String, String> NO_INSTANCE_ROLE = Map.of("AWS_EC2_METADATA_DISABLED", "true");

  @TempDir Path home;

  /** About 40 s on 2 cores: in the resilience profile. */
  @Test
  @Tag("resilience-long")
  void aCollectWithMalformedAnswersEndsWithOneClearLinePerError() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo())) {
      Set<String> services = new TreeSet<>();
      KindRegistry.kinds().forEach(k -> k.apiCalls().forEach(a -> services.add(a.substring(0, a.indexOf(':')))));
      services.add("monitoring");
      services.remove("sts");
      for (String service : services) {
        for (MalformedKind kind : List.of(MalformedKind.TRUNCATED, MalformedKind.WRONG_TYPES, MalformedKind.HUGE)) {
          sim.aws().faults().add(FaultRule.forService(service).malformedRate(0.05).malformed(kind));
        }
      }
      Path data = home.resolve("data");
      Path config = Files.writeString(home.resolve("worker.yaml"), """
          resotoworker:
            collector: [aws]
            data_dir: %s
          aws:
            endpoint_url: %s
            access_key_id: AKIADEMO00000000000A
            secret_access_key: demo-secret-0000000000000000000000000000
            max_attempts: 2
          """.formatted(data, sim.endpoint()));
      long t0 = System.nanoTime();
      try (WorkerProcess p = WorkerProcess.start(home, NO_INSTANCE_ROLE, "collect", "-c", config.toString())) {
        int code = p.waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String err = p.err();
        String out = p.out();
        List<String> errorLines = err.lines().filter(l -> l.contains(" ERROR ")).toList();
        long malformedErrors = errorLines.stream().filter(l -> l.contains("malformed response from ")).count();
        long calls = sim.aws().counters().snapshot().values().stream().mapToLong(CallCounters.Stats::calls).sum();
        long nodes = countNodes(data);
        System.out.printf("malformed answers, worker.jar -Xmx256m: %d calls, %d malformed answers, %d errors reported"
            + " (%d malformed response), %d nodes, %d ms, exit %d%n", calls, sim.aws().faults().malformedAnswers(),
            errorLines.size(), malformedErrors, nodes, ms, code);

        assertThat(code).as(err).isIn(0, 3);
        assertThat(out).contains("demo-mgmt (111111111111)");
        assertThat(sim.aws().faults().malformedAnswers()).isPositive();
        assertThat(malformedErrors).isPositive();
        assertThat(err).doesNotContain("\tat ").doesNotContain("OutOfMemoryError")
            .doesNotContainPattern("[A-Z][A-Za-z]*(Exception|Error)\\b");
        assertThat(errorLines).allSatisfy(l -> assertThat(l)
            .as("an error line names its region and kind").containsPattern(" (us-east-1|us-west-2|eu-central-1|"
                + "global|[a-z]{2}-[a-z]+-\\d) aws_[a-z0-9_]+: ").hasSizeLessThan(600));
        assertThat(nodes).isPositive();
        Set<String> secrets = new HashSet<>(sim.issuedSecrets());
        secrets.add("demo-secret-0000000000000000000000000000");
        SecretScan.of(secrets).text("stdout", out).text("stderr", err).tree(data).assertNone();
      }
    }
  }

  private static long countNodes(Path data) throws Exception {
    long n = 0;
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
        try (Stream<String> lines = Files.lines(f)) {
          // a node line starts with its id; edges start with "from", the rest are headers
          n += lines.filter(l -> l.startsWith("{\"id\":")).count();
        }
      }
    }
    return n;
  }
}
