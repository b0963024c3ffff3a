package io.resoto.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.testing.Configs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: one clear line and the right exit code for each kind of bad input. */
class WorkerCliTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Map<String, String> env = new HashMap<>();

  private int run(String... args) {
    return WorkerCli.run(args, env, Configs.REGISTRY, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path file(String yaml) throws Exception {
    return Files.writeString(dir.resolve("worker.yaml"), yaml);
  }

  @Test
  void aCertificateWithoutItsKeyAndAKeyWithoutItsCertificateAreRefused() throws Exception {
    Path f = file("resotoworker:\n  web_port: 0\n  web_host: 127.0.0.1\n  data_dir: " + dir.resolve("d") + "\n");
    assertThat(run("-c", f.toString(), "--resotocore-uri", "https://core:8900", "--cert", "c.pem")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --cert needs --cert-key (the certificate's private key)\n");
    err.getBuffer().setLength(0);
    env.put("RESOTOWORKER_CERT_KEY", "k.pem");
    assertThat(run("-c", f.toString(), "--resotocore-uri", "https://core:8900")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: --cert-key needs --cert (the certificate of the key)\n");
  }

  @Test
  void anUnknownCoreFlavorAndOnceWithACore() throws Exception {
    env.put("RESOTOWORKER_RESOTOCORE_URI", "http://127.0.0.1:1");
    assertThat(run("--core-flavor", "acme")).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: unknown core flavor 'acme': use resoto or fix\n");
    err.getBuffer().setLength(0);
    assertThat(run("--once")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: --once and collect run without a core");
  }

  @Test
  void aCoreThatIsNeverReadyEndsTheStartWithExitCode1() throws Exception {
    // nothing listens on port 1
    Path f = file("resotoworker:\n  web_port: 0\n  web_host: 127.0.0.1\n  data_dir: " + dir.resolve("d") + "\n");
    io.resoto.worker.core.CoreOptions core = io.resoto.worker.core.CoreOptions.of(java.net.URI.create("http://127.0.0.1:1"), null)
        .withReadyTimeout(java.time.Duration.ofMillis(200)).withBackoff(io.resoto.worker.core.Backoff.DEFAULT, java.time.Duration.ofMillis(20));
    io.resoto.worker.daemon.WorkerOptions options = new io.resoto.worker.daemon.WorkerOptions(f, Map.of(), java.util.List.of(),
        null, false, java.time.Clock.systemUTC(), dir, java.time.Duration.ofSeconds(1), core);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> io.resoto.worker.daemon.Worker.start(options, Configs.REGISTRY))
        .isInstanceOf(io.resoto.worker.daemon.StartupException.class)
        .hasMessage("the core at http://127.0.0.1:1 was not ready within 0 s (GET /system/ready)")
        .satisfies(e -> assertThat(((io.resoto.worker.daemon.StartupException) e).exitCode()).isEqualTo(1));
  }

  @Test
  void aMissingConfigFile() {
    assertThat(run("--once", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("error: config file " + dir.resolve("nope.yaml") + " does not exist\n");
  }

  @Test
  void invalidYaml() throws Exception {
    Path f = file("resotoworker:\n  timeout: [1\n");
    assertThat(run("config", "validate", f.toString(), "--override", "resotoworker.collector=testcloud")).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: " + f + ":3:").contains("invalid YAML");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void anUnknownKey() throws Exception {
    Path f = file("resotoworker:\n  timout: 10\n  collector: [testcloud]\n");
    assertThat(run("--once", "-c", f.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains(":2:").contains("resotoworker.timout").contains("did you mean 'timeout'");
  }

  @Test
  void aWrongType() throws Exception {
    Path f = file("resotoworker:\n  timeout: soon\n  collector: [testcloud]\n");
    assertThat(run("--once", "-c", f.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).contains(":2:").contains("resotoworker.timeout").contains("'soon'");
  }

  @Test
  void anUnknownCollectorListsTheKnownOnes() throws Exception {
    Path f = file("resotoworker:\n  collector: [testcloud, awz]\n");
    assertThat(run("--once", "-c", f.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("error: " + f + ":2:").endsWith(": resotoworker.collector[1]: "
        + "unknown collector 'awz'; known collectors: othercloud, testcloud\n");
  }

  @Test
  void allProblemsAtOnce() throws Exception {
    Path f = file("resotoworker:\n  collector: [nope]\n  timeout: 0\n  pool_size: many\n  bogus: 1\n");
    assertThat(run("config", "validate", f.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(4)
        .anyMatch(l -> l.contains("resotoworker.collector[0]: unknown collector 'nope'"))
        .anyMatch(l -> l.contains("resotoworker.timeout: must be at least 1, got 0"))
        .anyMatch(l -> l.contains("resotoworker.pool_size: expected an integer"))
        .anyMatch(l -> l.contains("resotoworker.bogus: unknown key"));
  }

  @Test
  void anUnwritableDataDirectory() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    Path f = file("resotoworker:\n  collector: [testcloud]\n  data_dir: " + blocker.resolve("data") + "\n");
    assertThat(run("--once", "-c", f.toString())).isEqualTo(1);
    assertThat(err.toString().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("error: data directory " + blocker.resolve("data") + " is not usable")
        .contains("(resotoworker.data_dir, " + f + ":3");
  }

  @Test
  void oneCollectPrintsTheSummaryAndExitsZero() throws Exception {
    Path f = file("resotoworker:\n  collector: [testcloud]\n  data_dir: " + dir.resolve("data") + "\n");
    assertThat(run("collect", "-c", f.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("COMPLETE").contains("testcloud_instance").contains("written to: " + dir.resolve("data"));
  }

  @Test
  void anIncompleteCollectExitsThree() throws Exception {
    Path f = file("resotoworker:\n  collector: [testcloud]\n  data_dir: " + dir.resolve("data")
        + "\ntestcloud:\n  mode: fail_collect\n");
    assertThat(run("--once", "-c", f.toString())).isEqualTo(3);
    assertThat(out.toString()).contains("FAILED").contains("collect failed: testcloud: API exploded");
  }

  @Test
  void aCollectWithoutCollectorAndNoneAutoEnabledExitsThreeSayingWhatToSet() throws Exception {
    // no collector key; neither test plugin auto-enables (their default answer is no)
    Path f = file("resotoworker:\n  data_dir: " + dir.resolve("data") + "\n");
    assertThat(run("collect", "-c", f.toString())).isEqualTo(3);
    assertThat(out.toString()).contains("FAILED").contains("collectors: none (auto-enabled")
        .contains("no collector configured and none could be auto-enabled: set `collector: [othercloud]`"
            + " or `collector: [testcloud]`");
  }

  @Test
  void configShowRedactsSecretsAndNamesSources() throws Exception {
    env.put("RESOTOWORKER_TIMEOUT", "60");
    Path f = file("resotoworker:\n  collector: [testcloud]\n  files_in_home_dir:\n    .aws/credentials: TOPSECRET\n");
    assertThat(run("config", "show", "--sources", "-c", f.toString(), "--override", "resotoworker.pool_size=7")).isEqualTo(0);
    assertThat(out.toString()).doesNotContain("TOPSECRET").contains("********")
        .contains("RESOTOWORKER_TIMEOUT").contains("--override resotoworker.pool_size=7");
  }

  @Test
  void aConfigFileGivenBeforeTheSubcommandApplies() throws Exception {
    Path f = file("resotoworker:\n  collector: [testcloud]\n  pool_size: 3\n");
    assertThat(run("-c", f.toString(), "--override", "resotoworker.timeout=90", "config", "show", "--sources"))
        .isEqualTo(0);
    assertThat(out.toString()).contains("pool_size: 3  # " + f).contains("timeout: 90  # --override");
    out.getBuffer().setLength(0);
    // the subcommand's own file wins
    Path other = Files.writeString(dir.resolve("other.yaml"), "resotoworker:\n  collector: [testcloud]\n  pool_size: 4\n");
    assertThat(run("-c", f.toString(), "config", "show", "-c", other.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("pool_size: 4");
  }

  @Test
  void configDefaultsIsACompleteValidConfig() throws Exception {
    assertThat(run("config", "defaults")).isEqualTo(0);
    Path f = file(out.toString());
    out.getBuffer().setLength(0);
    // valid as printed: the default collector (not set, auto-enabled) names no plugin
    assertThat(Files.readString(f)).contains("  collector: null\n");
    assertThat(run("config", "validate", f.toString())).isEqualTo(0);
    assertThat(out.toString()).isEqualTo(f + ": valid\n");
  }

  @Test
  void aHomeDirFileOutsideHome() throws Exception {
    Path f = file("resotoworker:\n  collector: [testcloud]\n  files_in_home_dir:\n    ../escape: x\n");
    assertThat(run("--once", "-c", f.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("resotoworker.files_in_home_dir.../escape").contains("stay inside");
  }

  @Test
  void aPortInUse() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Path f = file("resotoworker:\n  collector: [testcloud]\n  web_host: 127.0.0.1\n  web_port: " + taken.getLocalPort()
          + "\n  data_dir: " + dir.resolve("data") + "\n");
      assertThat(run("-c", f.toString())).isEqualTo(1);
      assertThat(err.toString()).isEqualTo("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
          + ": the port is already in use (resotoworker.web_port)\n");
    }
  }

  @Test
  void triggerWithoutAPskIsRefused() {
    assertThat(run("trigger")).isEqualTo(2);
    assertThat(err.toString()).contains("--psk");
  }

  @Test
  void triggerWhenNoWorkerListens() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    env.put("RESOTOWORKER_PSK", "x");
    assertThat(run("trigger", "--url", "http://127.0.0.1:" + port)).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: cannot reach the worker at http://127.0.0.1:" + port);
  }

  @Test
  void versionAndHelp() {
    assertThat(run("--version")).isEqualTo(0);
    assertThat(out.toString()).startsWith("resotoworker (Java) ");
    out.getBuffer().setLength(0);
    assertThat(run("--help")).isEqualTo(0);
    assertThat(out.toString()).contains("--once").contains("collect").contains("config").contains("Exit codes");
  }
}
