package io.resoto.worker.aws;

import static io.resoto.worker.aws.credentials.TestSupport.DEMO_KEY;
import static io.resoto.worker.aws.credentials.TestSupport.DEMO_SECRET;
import static io.resoto.worker.aws.credentials.TestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.credentials.CredentialCheck;
import io.resoto.worker.aws.credentials.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.run.CollectRun;
import io.resoto.worker.run.CollectorSelection;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.RunInfo;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aws collector's auto-enable: on when its credentials answer sts:GetCallerIdentity at the
 * configured endpoint (the simulator), off, quickly and without an exception, otherwise.
 */
class AwsAutoEnableTest {

  private static final Duration TIMEOUT = CollectorSelection.AUTO_ENABLE_TIMEOUT;
  private static Simulation sim;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** No credentials from the host: shared files in the temp dir, no keys, no instance metadata. */
  private TestSupport.SystemProperties isolated() {
    return new TestSupport.SystemProperties()
        .set("aws.sharedCredentialsFile", dir.resolve("credentials").toString())
        .set("aws.configFile", dir.resolve("config").toString())
        .set("aws.accessKeyId", null)
        .set("aws.secretAccessKey", null)
        .set("aws.sessionToken", null)
        .set("aws.profile", null)
        .set("aws.roleArn", null)
        .set("aws.webIdentityTokenFile", null)
        .set("aws.disableEc2Metadata", "true");
  }

  @Test
  void theDemoKeysAnswerSoThePluginIsEnabled() {
    AwsConfig config = config(sim, "accessKeyId", DEMO_KEY, "secretAccessKey", DEMO_SECRET);

    assertThat(new AwsCollectorPlugin().autoEnable(config, TIMEOUT)).isTrue();
    // the simulator serves every region at its one endpoint: whichever answers first counts
    assertThat(CredentialCheck.run(config, TIMEOUT).detail()).matches(
        "access_key_id answered in (us-east-1|us-gov-west-1|cn-north-1) \\(arn:aws:iam::111111111111:user/collector\\)");
  }

  @Test
  void unknownKeysAreRefusedInEveryRegionSoThePluginIsNotEnabledQuickly() {
    String secret = "unknown-secret-0000000000000000000000000000";
    AwsConfig config = config(sim, "accessKeyId", "AKIAUNKNOWN000000000", "secretAccessKey", secret);

    long start = System.nanoTime();
    boolean enabled = new AwsCollectorPlugin().autoEnable(config, TIMEOUT);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(enabled).isFalse();
    assertThat(took).isLessThan(Duration.ofSeconds(5));
    CredentialCheck.Result result = CredentialCheck.run(config, TIMEOUT);
    assertThat(result.works()).isFalse();
    assertThat(result.detail())
        .isEqualTo("access_key_id: InvalidClientTokenId (HTTP 403) in us-east-1, us-gov-west-1, cn-north-1")
        .doesNotContain(secret);
  }

  @Test
  void withoutAnyCredentialsThePluginIsNotEnabledAndSaysWhereItLooked() {
    try (TestSupport.SystemProperties p = isolated()) {
      AwsConfig config = config(sim);

      assertThat(new AwsCollectorPlugin().autoEnable(config, TIMEOUT)).isFalse();
      assertThat(CredentialCheck.run(config, TIMEOUT).detail()).isEqualTo("no credentials found"
          + " (aws.access_key_id, aws.profiles, the environment, the shared files, the container or instance role)");
    }
  }

  @Test
  void credentialsFromTheSharedFilesOrTheInstanceRoleEnableIt() throws Exception {
    try (TestSupport.SystemProperties p = isolated()) {
      Files.writeString(dir.resolve("credentials"),
          "[mgmt]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = " + DEMO_SECRET + "\n");
      assertThat(new AwsCollectorPlugin().autoEnable(config(sim, "profiles", List.of("mgmt")), TIMEOUT)).isTrue();
      assertThat(new AwsCollectorPlugin().autoEnable(config(sim, "profiles", List.of("nope")), TIMEOUT)).isFalse();
      assertThat(CredentialCheck.run(config(sim, "profiles", List.of("nope")), TIMEOUT).detail())
          .isEqualTo("profile nope: no credentials: Profile file contained no credentials for profile 'nope'");

      p.set("aws.disableEc2Metadata", "false").set("aws.ec2MetadataServiceEndpoint", sim.imdsEndpoint());
      assertThat(CredentialCheck.run(config(sim), TIMEOUT).detail())
          .startsWith("default credentials answered in ").contains("(arn:aws:sts::111111111111:assumed-role/worker-node/");
    } finally {
      System.clearProperty("aws.ec2MetadataServiceEndpoint");
    }
  }

  @Test
  void anEndpointThatDoesNotAnswerCostsNoMoreThanTheTimeout() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    AwsConfig config = config(sim, "accessKeyId", DEMO_KEY, "secretAccessKey", DEMO_SECRET,
        "endpointUrl", "http://127.0.0.1:" + closed, "maxAttempts", 10);

    long start = System.nanoTime();
    CredentialCheck.Result result = CredentialCheck.run(config, Duration.ofMillis(300));
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.works()).isFalse();
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    assertThat(result.detail()).isNotBlank();
  }

  @Test
  void aRunWithoutCollectorCollectsTheSimulatorWhenTheAwsCredentialsWork() throws Exception {
    LoadedConfig config = PluginRegistry.of(List.of(new AwsCollectorPlugin())).configLoader().load(
        "aws:\n  endpoint_url: " + sim.endpoint() + "\n  access_key_id: " + DEMO_KEY + "\n  secret_access_key: "
            + DEMO_SECRET + "\n  retry_mode: standard\n", "test.yaml", Map.of(), List.of());
    AwsCollectorPluginTest.RecordingSink sink = new AwsCollectorPluginTest.RecordingSink();
    RunInfo info = new RunInfo("r1", "test", Clock.systemUTC().instant(), "resoto");

    RunSummary summary = new CollectRun(info, config,
        CollectorSelection.of(PluginRegistry.of(List.of(new AwsCollectorPlugin()))), sink, Clock.systemUTC()).execute();

    assertThat(config.worker().collector()).isNull();
    assertThat(summary.collectors()).containsExactly("aws");
    assertThat(summary.collectorsAutoEnabled()).isTrue();
    assertThat(summary.status()).as(summary.errors().toString()).isEqualTo(RunStatus.COMPLETE);
    assertThat(summary.accounts()).extracting(a -> a.account()).containsExactly("111111111111");
  }
}
