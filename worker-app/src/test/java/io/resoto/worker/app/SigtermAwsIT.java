package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM in the middle of an AWS collect of the demo organisation, with a core and the file sink:
 * the worker exits within its grace period, and whatever it wrote is whole or clearly not done:
 * the run directory says aborted, no temporary or partial file is left, every graph the core
 * received is complete (its import rules check the counts), every spool entry has its metadata,
 * and the last good data files read back whole.
 */
class SigtermAwsIT {

  private static final String PSK = "sigterm-aws-it-psk-0c4d";
  private static final int GRACE = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  @Test
  void sigtermDuringAnAwsCollectExitsWithinTheGraceAndLeavesNothingHalfWrittenLookingComplete() throws Exception {
    Path data = home.resolve("data");
    // latency keeps the collect running for a while: the signal lands in its middle
    FaultPlan latency = new FaultPlan(3).add(FaultRule.any().latencyMs(40).jitterMs(20));
    try (Simulation sim = Simulation.start(Estate.demo(), 0, 0, latency, java.time.Clock.systemUTC());
        TestCore core = TestCore.start(TestCore.Options.psk(PSK))) {
      Path config = Files.writeString(home.resolve("worker.yaml"), ResilienceRuns.demoConfig(sim, data,
          ResilienceRuns.daemonLines("debug_dump_json: true", "shutdown_grace: " + GRACE),
          List.of("account_pool_size: 1", "region: [us-east-1, eu-central-1]")));
      Map<String, String> env = Map.of("RESOTOWORKER_RESOTOCORE_URI", core.uri().toString(), "RESOTOWORKER_PSK", PSK);
      try (WorkerProcess worker = WorkerProcess.start(home, env, "-c", config.toString())) {
        worker.awaitErr("core actions channel connected", Duration.ofSeconds(60));
        core.collect("task-term");
        // one account through, the next ones still collecting
        worker.awaitErr("collected:", Duration.ofSeconds(120));
        long signalled = System.nanoTime();
        worker.terminate();
        int code = worker.waitFor();
        double seconds = (System.nanoTime() - signalled) / 1e9;
        System.out.printf("SIGTERM mid-run: exit %d after %.1f s (grace %d s)%n", code, seconds, GRACE);
        assertThat(code).as(worker.err()).isZero();
        // the grace, the plugins' 5 s to wind down, and the JVM's own exit
        assertThat(seconds).isLessThan(GRACE + 5 + 5);
        assertThat(worker.err()).contains("shutting down (SIGTERM)").contains("shutdown complete");

        // the file sink: the run says it was aborted; nothing partial or temporary is left
        Path runs = data.resolve("runs");
        String latest = Files.readString(runs.resolve("latest")).strip();
        JsonNode summary = JSON.readTree(runs.resolve(latest).resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("aborted");
        Set<String> delivered = new HashSet<>();
        summary.get("accounts").forEach(a -> {
          if (a.get("delivered").asBoolean()) {
            delivered.add(a.get("account").asText());
          }
        });
        assertThat(delivered).as("the run was stopped before its last account").hasSizeLessThan(3);
        try (Stream<Path> all = Files.walk(data)) {
          assertThat(all.map(f -> f.getFileName().toString()))
              .noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"));
        }
        // each account file of the run is whole and stands for a delivered account
        try (Stream<Path> files = Files.list(runs.resolve(latest))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
            assertThat(delivered).contains(f.getFileName().toString().replace("aws-", "").replace(".ndjson", ""));
            for (String line : Files.readAllLines(f)) {
              JSON.readTree(line);
            }
          }
        }
        // the spool: every graph file has its metadata
        Path spool = data.resolve("spool");
        if (Files.isDirectory(spool)) {
          try (Stream<Path> entries = Files.walk(spool)) {
            for (Path f : entries.filter(p -> p.toString().endsWith(".ndjson")).toList()) {
              assertThat(f.resolveSibling(f.getFileName().toString().replace(".ndjson", ".meta.json"))).exists();
            }
          }
        }
        // the last good data reads back whole
        try (Stream<Path> kept = Files.list(data.resolve("last-good"))) {
          for (Path f : kept.toList()) {
            List<String> lines = Files.readAllLines(f);
            assertThat(lines.get(0)).startsWith("# resotoworker last good graph");
            for (String line : lines.subList(1, lines.size())) {
              assertThat(line.split("\t", 6).length).isGreaterThanOrEqualTo(5);
              JSON.readTree(line.substring(line.indexOf('{')));
            }
          }
        }
        // the core: what it received is complete, and only for accounts the run delivered
        assertThat(core.rejected()).isEmpty();
        for (Upload u : core.uploads("task-term")) {
          u.nodesOfKind("aws_account").forEach(a -> assertThat(delivered).contains(a.at("/reported/id").asText()));
        }
        Set<String> secrets = new HashSet<>(sim.issuedSecrets());
        secrets.add(PSK);
        SecretScan.of(secrets).text("stdout", worker.out()).text("stderr", worker.err()).tree(data).assertNone();
      }
    }
  }
}
