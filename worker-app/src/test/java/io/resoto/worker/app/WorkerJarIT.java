package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** worker.jar as operators run it: a real JVM, real signals, real files. */
class WorkerJarIT {

  @TempDir Path home;

  @Test
  void helpAndVersion() throws Exception {
    try (WorkerProcess p = WorkerProcess.start(home, Map.of(), "--version")) {
      assertThat(p.waitFor()).isZero();
      assertThat(p.out()).startsWith("resotoworker (Java) 0.1.0");
    }
    try (WorkerProcess p = WorkerProcess.start(home, Map.of(), "--help")) {
      assertThat(p.waitFor()).isZero();
      assertThat(p.out()).contains("Usage: worker").contains("collect").contains("trigger").contains("config")
          .contains("demo");
    }
  }

  @Test
  void oneCollectWithTheExampleCollectorPrintsTheSummaryAndWritesTheRun() throws Exception {
    try (WorkerProcess p = WorkerProcess.start(home, Map.of(), "collect", "--override", "resotoworker.collector=example")) {
      assertThat(p.waitFor()).as(p.err()).isZero();
      assertThat(p.out()).contains("COMPLETE").contains("collectors: example\n")
          .contains("example_instance").contains("example_volume");
      assertThat(p.err()).contains("region us-east-1 collected");
    }
    Path runs = home.resolve(".resotoworker/data/runs");
    String latest = Files.readString(runs.resolve("latest")).strip();
    try (Stream<Path> files = Files.list(runs.resolve(latest))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .contains("model.json", "summary.json")
          .anyMatch(n -> n.startsWith("example-") && n.endsWith(".ndjson"));
    }
  }

  @Test
  void theDemoCollectsTheSimulatorsOrganisationWithTheAwsCollector() throws Exception {
    try (WorkerProcess p = WorkerProcess.start(home, Map.of(), "demo")) {
      assertThat(p.waitFor()).as(p.err()).isZero();
      assertThat(p.out()).contains("COMPLETE").contains("demo-mgmt (111111111111)")
          .contains("demo-payments (222222222222)").contains("sandbox (333333333333)")
          .contains("aws_ec2_instance").contains("aws_iam_user").contains("aws_s3_bucket").contains("aws_vpc")
          .contains("skipped: not enabled in this account (opt-in region)");
    }
  }

  @Test
  void withoutCollectorTheAwsCollectorIsAutoEnabledWhenItsCredentialsWork() throws Exception {
    // an operator's config from the original worker: AWS credentials, no collector key
    try (Simulation sim = Simulation.start(Estate.demo())) {
      Path config = Files.writeString(home.resolve("worker.yaml"), """
          resotoworker:
            data_dir: %s
          aws:
            endpoint_url: %s
            access_key_id: AKIADEMO00000000000A
            secret_access_key: demo-secret-0000000000000000000000000000
          """.formatted(home.resolve("data"), sim.endpoint()));
      try (WorkerProcess p = WorkerProcess.start(home, NO_INSTANCE_ROLE, "collect", "-c", config.toString())) {
        assertThat(p.waitFor()).as(p.err()).isZero();
        assertThat(p.out()).contains("COMPLETE")
            .contains("collectors: aws (auto-enabled: resotoworker.collector is not set)")
            .contains("demo-mgmt (111111111111)").contains("aws_ec2_instance").doesNotContain("example_");
        assertThat(p.err()).contains("auto-enabled: access_key_id answered in")
            .contains("collector not set: auto-enabled aws; not enabled: example (answered no)");
      }
    }
  }

  @Test
  void withoutCollectorAndWithoutWorkingCredentialsACollectFailsSayingWhatToSet() throws Exception {
    int closed = freePort();
    // whatever AWS credentials this host has, nothing answers at this endpoint
    Path config = Files.writeString(home.resolve("worker.yaml"), """
        resotoworker:
          data_dir: %s
        aws:
          endpoint_url: http://127.0.0.1:%d
          max_attempts: 1
        """.formatted(home.resolve("data"), closed));
    try (WorkerProcess p = WorkerProcess.start(home, NO_INSTANCE_ROLE, "collect", "-c", config.toString())) {
      assertThat(p.waitFor()).as(p.err()).isEqualTo(3);
      assertThat(p.out()).contains("FAILED").contains("collectors: none (auto-enabled")
          .contains("no collector configured and none could be auto-enabled:"
              + " set `collector: [aws]` (with credentials) or `collector: [example]`")
          .doesNotContain("example_");
      assertThat(p.err()).contains("not auto-enabled: no credentials answered sts:GetCallerIdentity");
    }
  }

  @Test
  void jsonLogsAreOneObjectPerLineWithTheScopeInFields() throws Exception {
    try (WorkerProcess p = WorkerProcess.start(home, Map.of("RESOTOWORKER_LOG_FORMAT", "json"), "collect",
        "--override", "resotoworker.collector=example")) {
      assertThat(p.waitFor()).isZero();
      List<String> lines = p.err().lines().toList();
      assertThat(lines).isNotEmpty();
      ObjectMapper json = new ObjectMapper();
      for (String line : lines) {
        json.readTree(line);
      }
      assertThat(lines.stream().map(l -> read(json, l))
          .filter(n -> n.path("message").asText().startsWith("region us-east-1 collected")))
          .isNotEmpty()
          .allMatch(n -> n.path("plugin").asText().equals("example") && n.path("region").asText().equals("us-east-1")
              && !n.path("account").asText().isEmpty());
    }
  }

  @Test
  void sigtermDuringARunExitsZeroAndLeavesNothingLookingComplete() throws Exception {
    Path config = Files.writeString(home.resolve("worker.yaml"), """
        resotoworker:
          collector: [example]
          web_host: 127.0.0.1
          web_port: %d
          shutdown_grace: 1
          data_dir: %s
        example:
          accounts: 50
          delay_ms: 500
        """.formatted(freePort(), home.resolve("data")));
    try (WorkerProcess p = WorkerProcess.start(home, Map.of(), "--once", "-c", config.toString())) {
      p.awaitErr("region us-east-1 collected", Duration.ofSeconds(60));
      long signalled = System.nanoTime();
      p.terminate();
      int code = p.waitFor();
      double seconds = (System.nanoTime() - signalled) / 1e9;
      assertThat(code).as(p.err()).isEqualTo(3); // --once: the run was not complete
      assertThat(seconds).isLessThan(10);
      assertThat(p.err()).contains("shutting down (SIGTERM)").contains("shutdown complete");
      assertThat(p.out()).contains("ABORTED");
    }
    Path runs = home.resolve("data/runs");
    String latest = Files.readString(runs.resolve("latest")).strip();
    JsonNode summary = new ObjectMapper().readTree(runs.resolve(latest).resolve("summary.json").toFile());
    assertThat(summary.get("status").asText()).isEqualTo("aborted");
    assertThat(summary.at("/plugins/0/status").asText()).isEqualTo("aborted");
    try (Stream<Path> all = Files.walk(runs)) {
      assertThat(all.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial") || n.endsWith(".tmp"));
    }
  }

  @Test
  void sigtermStopsAnIdleDaemonWithExitZero() throws Exception {
    int port = freePort();
    Path config = Files.writeString(home.resolve("worker.yaml"), """
        resotoworker:
          collector: [example]
          web_host: 127.0.0.1
          web_port: %d
          data_dir: %s
        """.formatted(port, home.resolve("data")));
    try (WorkerProcess p = WorkerProcess.start(home, Map.of(), "-c", config.toString())) {
      p.awaitErr("web server listening on 127.0.0.1:" + port, Duration.ofSeconds(60));
      p.terminate();
      assertThat(p.waitFor()).as(p.err()).isZero();
      assertThat(p.err()).contains("shutdown complete");
    }
  }

  /** Keeps the AWS SDK away from instance metadata, which is slow to fail off EC2. */
  private static final Map<String, String> NO_INSTANCE_ROLE = Map.of("AWS_EC2_METADATA_DISABLED", "true");

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }
}
