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
}
