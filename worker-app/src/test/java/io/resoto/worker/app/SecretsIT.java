package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the worker with known secret values (the PSK, and a credentials file's content in
 * files_in_home_dir, one of them through a $(VAR) placeholder) through a daemon start, an
 * authenticated trigger, a collect, config show and a SIGTERM, then scans everything printed and
 * every file written for them.
 */
class SecretsIT {

  private static final String PSK = "psk-Zq81-never-print-me";
  private static final String KEY = "AKIA-SECRET-9f3b-never-print-me";
  private static final String TOKEN = "token-from-env-77c1-never-print-me";

  @TempDir Path home;

  @Test
  void noSecretAppearsInOutputLogsOrWrittenFiles() throws Exception {
    int port = WorkerJarIT.freePort();
    Path config = Files.writeString(home.resolve("worker.yaml"), """
        resotoworker:
          collector: [example]
          web_host: 127.0.0.1
          web_port: %d
          data_dir: %s
          files_in_home_dir:
            .aws/credentials: "[default]\\naws_access_key_id = %s\\n"
            .aws/token: $(SESSION_TOKEN)
        """.formatted(port, home.resolve("data"), KEY));
    Map<String, String> env = Map.of("RESOTOWORKER_PSK", PSK, "SESSION_TOKEN", TOKEN);
    List<String> printed = new ArrayList<>();
    try (WorkerProcess daemon = WorkerProcess.start(home, env, "-v", "-c", config.toString())) {
      daemon.awaitErr("web server listening", Duration.ofSeconds(60));
      try (WorkerProcess trigger = WorkerProcess.start(home, env, "trigger", "--url", "http://127.0.0.1:" + port)) {
        assertThat(trigger.waitFor()).as(trigger.err()).isZero();
        assertThat(trigger.out()).isEqualTo("collect started\n");
        printed.add(trigger.out());
        printed.add(trigger.err());
      }
      daemon.awaitErr("collect run finished", Duration.ofSeconds(60));
      try (WorkerProcess show = WorkerProcess.start(home, env, "config", "show", "--sources", "-c", config.toString())) {
        assertThat(show.waitFor()).as(show.err()).isZero();
        assertThat(show.out()).contains("********");
        printed.add(show.out());
        printed.add(show.err());
      }
      daemon.terminate();
      assertThat(daemon.waitFor()).isZero();
      printed.add(daemon.out());
      printed.add(daemon.err());
    }
    // the files the user asked for hold the secrets ...
    assertThat(Files.readString(home.resolve(".aws/credentials"))).contains(KEY);
    assertThat(Files.readString(home.resolve(".aws/token"))).isEqualTo(TOKEN);
    // ... and nothing else does
    for (String text : printed) {
      assertThat(text).doesNotContain(PSK).doesNotContain(KEY).doesNotContain(TOKEN);
    }
    int scanned = 0;
    try (Stream<Path> files = Files.walk(home.resolve("data"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = Files.readString(f);
        assertThat(content).as(f.toString()).doesNotContain(PSK).doesNotContain(KEY).doesNotContain(TOKEN);
        scanned++;
      }
    }
    assertThat(scanned).isGreaterThanOrEqualTo(4);
  }

  /**
   * The worker with a core: the PSK signs every request and handshake, yet appears in no log line
   * (at DEBUG), in no spooled or written file and not in /info; the example collector's graph
   * passes the core's import rules on the way.
   */
  @Test
  void withACoreThePskAppearsNowhere() throws Exception {
    int port = WorkerJarIT.freePort();
    Path config = Files.writeString(home.resolve("worker.yaml"), """
        resotoworker:
          collector: [example]
          web_host: 127.0.0.1
          web_port: %d
          data_dir: %s
          debug_dump_json: true
        """.formatted(port, home.resolve("data")));
    try (io.resoto.worker.testcore.TestCore core = io.resoto.worker.testcore.TestCore.start(
        io.resoto.worker.testcore.TestCore.Options.psk(PSK))) {
      Map<String, String> env = Map.of("RESOTOWORKER_PSK", PSK, "RESOTOWORKER_RESOTOCORE_URI", core.uri().toString());
      String info;
      try (WorkerProcess daemon = WorkerProcess.start(home, env, "-v", "-c", config.toString())) {
        daemon.awaitErr("core actions channel connected", Duration.ofSeconds(60));
        core.collect("task-secrets");
        io.resoto.worker.testcore.Await.until("answered", Duration.ofSeconds(60), () -> core.answers("task-secrets").size() == 1);
        assertThat(core.answers("task-secrets").get(0).get("kind").asText()).isEqualTo("action_done");
        assertThat(core.rejected()).isEmpty();
        assertThat(core.uploads("task-secrets")).hasSize(2);
        info = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/info")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(info).contains("\"uri\" : \"" + core.uri() + "\"");
        daemon.terminate();
        assertThat(daemon.waitFor()).isZero();
        assertThat(daemon.err()).contains("core collect action (task task-secrets) answered done");
        for (String text : List.of(daemon.out(), daemon.err(), info)) {
          assertThat(text).doesNotContain(PSK);
        }
      }
      assertThat(core.authFailures()).isEmpty();
    }
    int scanned = 0;
    try (Stream<Path> files = Files.walk(home.resolve("data"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PSK);
        scanned++;
      }
    }
    assertThat(scanned).as("the copy of the run kept with debug_dump_json").isGreaterThanOrEqualTo(3);
  }
}
