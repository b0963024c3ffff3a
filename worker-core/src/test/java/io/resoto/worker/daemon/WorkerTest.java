package io.resoto.worker.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.auth.PskJwt;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.testing.Configs;
import io.resoto.worker.testing.TestCloudPlugin;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {

  @TempDir Path dir;
  private Worker worker;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
  }

  private WorkerOptions options(Path config, Secret psk) {
    return new WorkerOptions(config, Map.of(), List.of(), psk, false, Clock.systemUTC(),
        dir.resolve("home"), Duration.ofMillis(100));
  }

  private Path config(String extra) throws Exception {
    return Files.writeString(dir.resolve("worker.yaml"), "resotoworker:\n  collector: [testcloud]\n  web_host: 127.0.0.1\n"
        + "  web_port: 0\n  schedule: null\n  data_dir: " + dir.resolve("data") + "\n" + extra);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.webPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String auth) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + worker.webPort() + path))
        .POST(HttpRequest.BodyPublishers.noBody());
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitRuns(int n) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (worker.coordinator().finishedRuns() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(worker.coordinator().finishedRuns()).isEqualTo(n);
  }

  @Test
  void servesHealthReadyMetricsAndInfoAndCollectsOnAnAuthenticatedTrigger() throws Exception {
    Secret psk = Secret.of("s3cr3t-psk-value");
    worker = Worker.start(options(config(""), psk), Configs.REGISTRY);

    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health").body()).isEqualTo("ok\r\n");
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    assertThat(post("/collect", null).statusCode()).isEqualTo(401);
    assertThat(post("/collect", "Bearer " + PskJwt.mint(Secret.of("wrong"), Clock.systemUTC())).statusCode()).isEqualTo(401);
    assertThat(get("/collect").statusCode()).isEqualTo(405);
    assertThat(get("/nope").statusCode()).isEqualTo(404);

    HttpResponse<String> accepted = post("/collect", "Bearer " + PskJwt.mint(psk, Clock.systemUTC()));
    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(new ObjectMapper().readTree(accepted.body()).get("result").asText()).isEqualTo("started");
    awaitRuns(1);

    JsonNode info = new ObjectMapper().readTree(get("/info").body());
    assertThat(info.get("active_collectors").toString()).isEqualTo("[\"testcloud\"]");
    assertThat(info.get("collectors_auto_enabled").asBoolean()).isFalse();
    assertThat(info.get("all_collectors").toString()).contains("testcloud", "othercloud");
    assertThat(info.at("/last_run/status").asText()).isEqualTo("complete");
    assertThat(info.at("/last_run/trigger").asText()).isEqualTo("http");
    assertThat(info.at("/schedule/cron").isNull()).isTrue();
    assertThat(get("/info").body()).doesNotContain("s3cr3t-psk-value");

    String metrics = get("/metrics").body();
    assertThat(metrics).contains("resotoworker_runs_total{status=\"complete\"} 1.0");
    assertThat(metrics).contains("resotoworker_resources{kind=\"testcloud_instance\"} 6.0");
    assertThat(metrics).contains("resotoworker_last_success_timestamp_seconds");
    assertThat(metrics).contains("resotoworker_run_duration_seconds_count 1");
    assertThat(metrics).contains("jvm_threads_current");
    assertThat(Files.readString(dir.resolve("data/runs/latest")).strip())
        .isEqualTo(info.at("/last_run/run_id").asText());
  }

  @Test
  void withoutCollectorInfoShowsTheCollectorsTheLastRunAutoEnabled() throws Exception {
    Path file = Files.writeString(dir.resolve("auto.yaml"), "resotoworker:\n  web_host: 127.0.0.1\n"
        + "  web_port: 0\n  schedule: null\n  data_dir: " + dir.resolve("data") + "\n"
        + "testcloud:\n  auto_enable: 'yes'\n");
    worker = Worker.start(options(file, null), Configs.REGISTRY);

    JsonNode before = new ObjectMapper().readTree(get("/info").body());
    assertThat(before.get("active_collectors").toString()).isEqualTo("[]");
    assertThat(before.get("collectors_auto_enabled").asBoolean()).isTrue();

    RunSummary summary = worker.collectOnce("test");

    assertThat(summary.collectors()).containsExactly("testcloud");
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    JsonNode after = new ObjectMapper().readTree(get("/info").body());
    assertThat(after.get("active_collectors").toString()).isEqualTo("[\"testcloud\"]");
    assertThat(after.at("/last_run/collectors").toString()).isEqualTo("[\"testcloud\"]");
    assertThat(after.at("/last_run/collectors_auto_enabled").asBoolean()).isTrue();
    // the run's summary on disk says the same
    JsonNode written = new ObjectMapper().readTree(Path.of(summary.location()).resolve("summary.json").toFile());
    assertThat(written.get("collectors").toString()).isEqualTo("[\"testcloud\"]");
  }

  @Test
  void withoutAPskTheTriggerEndpointIsClosed() throws Exception {
    worker = Worker.start(options(config(""), null), Configs.REGISTRY);
    HttpResponse<String> refused = post("/collect", "Bearer x");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("needs a PSK");
  }

  @Test
  void servesUnderWebPathToo() throws Exception {
    worker = Worker.start(options(config("  web_path: /worker\n"), null), Configs.REGISTRY);
    assertThat(get("/worker/health").statusCode()).isEqualTo(200);
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aValidConfigChangeAppliesFromTheNextRunAndAnInvalidOneIsRejected() throws Exception {
    Path file = config("testcloud:\n  accounts: 1\n");
    worker = Worker.start(options(file, null), Configs.REGISTRY);
    RunSummary first = worker.collectOnce("test");
    assertThat(first.accounts()).hasSize(1);

    Files.writeString(file, Files.readString(file).replace("accounts: 1", "accounts: 3"));
    awaitConfig(3);
    assertThat(worker.collectOnce("test").accounts()).hasSize(3);

    Files.writeString(file, Files.readString(file).replace("accounts: 3", "accounts: many"));
    Thread.sleep(500);
    assertThat(worker.config().section("testcloud", io.resoto.worker.testing.TestCloudConfig.class).accounts()).isEqualTo(3);
    assertThat(worker.collectOnce("test").accounts()).hasSize(3);
  }

  @Test
  void offersTheTagTaskForItsCollectorsThatTagAsTheConfigSaysNow() throws Exception {
    Path file = config("");
    io.resoto.worker.plugin.PluginRegistry registry = io.resoto.worker.plugin.PluginRegistry.of(
        List.of(new TestCloudPlugin(), new io.resoto.worker.testing.TagCloudPlugin()));
    worker = Worker.start(options(file, null), registry);
    assertThat(worker.taskHandlers()).singleElement().satisfies(h -> {
      assertThat(h.name()).isEqualTo("tag");
      assertThat(h.filter()).isEqualTo(Map.of("cloud", List.of()));
    });

    Files.writeString(file, Files.readString(file).replace("[testcloud]", "[testcloud, tagcloud]"));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!worker.config().worker().collector().contains("tagcloud") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(worker.taskHandlers().get(0).filter()).isEqualTo(Map.of("cloud", List.of("tagcloud")));
  }

  @Test
  void withoutACollectorThatTagsThereIsNoTask() throws Exception {
    worker = Worker.start(options(config(""), null), Configs.REGISTRY);
    assertThat(worker.taskHandlers()).isEmpty();
  }

  private void awaitConfig(int accounts) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (worker.config().section("testcloud", io.resoto.worker.testing.TestCloudConfig.class).accounts() != accounts
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(worker.config().section("testcloud", io.resoto.worker.testing.TestCloudConfig.class).accounts()).isEqualTo(accounts);
  }

  @Test
  void writesFilesInHomeDirWithMode600AndOnlyInsideHome() throws Exception {
    worker = Worker.start(options(config("  files_in_home_dir:\n    .aws/credentials: \"[default]\\nkey=1\\n\"\n"),
        null), Configs.REGISTRY);
    Path credentials = dir.resolve("home/.aws/credentials");
    assertThat(Files.readString(credentials)).isEqualTo("[default]\nkey=1\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
  }

  @Test
  void aPortInUseIsOneClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Path file = config("").resolveSibling("worker.yaml");
      Files.writeString(file, Files.readString(file).replace("web_port: 0", "web_port: " + taken.getLocalPort()));
      assertThatThrownBy(() -> Worker.start(options(file, null), Configs.REGISTRY))
          .isInstanceOf(StartupException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort()
              + ": the port is already in use (resotoworker.web_port)")
          .extracting(e -> ((StartupException) e).exitCode()).isEqualTo(1);
    }
  }

  @Test
  void aRunDuringShutdownIsAbortedAfterTheGraceAndReportedAborted() throws Exception {
    TestCloudPlugin.gate = new java.util.concurrent.CountDownLatch(1);
    List<RunSummary> done = new CopyOnWriteArrayList<>();
    worker = Worker.start(options(config("  shutdown_grace: 0\ntestcloud:\n  mode: hang\n"), null), Configs.REGISTRY,
        done::add);
    worker.trigger("test");
    while (!worker.coordinator().isRunning()) {
      Thread.sleep(5);
    }
    worker.shutdown("test");
    assertThat(done).extracting(RunSummary::status).containsExactly(RunStatus.ABORTED);
  }
}
