package io.resoto.worker.aws.credentials;

import static io.resoto.worker.aws.credentials.TestSupport.DEMO_KEY;
import static io.resoto.worker.aws.credentials.TestSupport.DEMO_SECRET;
import static io.resoto.worker.aws.credentials.TestSupport.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** Every credential source of {@link CredentialChain}, against the simulator. */
class CredentialChainTest {

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

  /** The principal ARN the simulator sees for these credentials. */
  static String whoAmI(AwsConfig config, AwsCredentialsProvider credentials) {
    try (AwsClientFactory clients = new AwsClientFactory(config);
        StsClient sts = clients.create(StsClient.builder(), credentials, "us-east-1")) {
      return sts.getCallerIdentity().arn();
    }
  }

  /** Points the shared files at files in the temp dir that do not exist yet, and clears keys. */
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
        // No instance metadata unless a test points it at the simulator's.
        .set("aws.disableEc2Metadata", "true");
  }

  @Test
  void staticKeysAreUsedAndLabelledWithoutTheSecret() {
    AwsConfig config = config(sim, "accessKeyId", DEMO_KEY, "secretAccessKey", DEMO_SECRET);
    List<CredentialChain.Source> sources = CredentialChain.sources(config);
    assertThat(sources).singleElement().satisfies(s -> {
      assertThat(s.profile()).isNull();
      assertThat(s.label()).isEqualTo("access_key_id").doesNotContain(DEMO_SECRET);
      assertThat(whoAmI(config, s.provider())).isEqualTo("arn:aws:iam::111111111111:user/collector");
    });
  }

  @Test
  void aProfileOfACredentialsFileNamedBySystemProperty() throws Exception {
    try (TestSupport.SystemProperties p = isolated()) {
      Files.writeString(dir.resolve("credentials"),
          "[mgmt]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = " + DEMO_SECRET + "\n");
      AwsConfig config = config(sim, "profiles", List.of("mgmt"));
      CredentialChain.Source source = CredentialChain.sources(config).get(0);
      assertThat(source.profile()).isEqualTo("mgmt");
      assertThat(source.label()).isEqualTo("profile mgmt");
      assertThat(whoAmI(config, source.provider())).isEqualTo("arn:aws:iam::111111111111:user/collector");
    }
  }

  @Test
  void rotatedKeysInTheCredentialsFileAreUsedWithoutARestart() throws Exception {
    try (TestSupport.SystemProperties p = isolated()) {
      Path file = dir.resolve("credentials");
      Files.writeString(file, "[mgmt]\naws_access_key_id = " + DEMO_KEY
          + "\naws_secret_access_key = an-old-secret-that-was-rotated-away-000000\n");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
      AwsConfig config = config(sim, "profiles", List.of("mgmt"));
      AwsCredentialsProvider provider = CredentialChain.sources(config).get(0).provider();
      assertThatThrownBy(() -> whoAmI(config, provider)).isInstanceOf(StsException.class)
          .hasMessageContaining("signature");

      Files.writeString(file, "[mgmt]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = "
          + DEMO_SECRET + "\n");
      // A later modification time, set rather than waited for, marks the file as changed.
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
      assertThat(provider.resolveCredentials().secretAccessKey()).isEqualTo(DEMO_SECRET);
      assertThat(whoAmI(config, provider)).isEqualTo("arn:aws:iam::111111111111:user/collector");
    }
  }

  @Test
  void aCredentialsFileThatAppearsLaterIsRead() throws Exception {
    try (TestSupport.SystemProperties p = isolated()) {
      AwsConfig config = config(sim, "profiles", List.of("mgmt"));
      AwsCredentialsProvider provider = CredentialChain.sources(config).get(0).provider();
      assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("mgmt");
      Files.writeString(dir.resolve("credentials"),
          "[mgmt]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = " + DEMO_SECRET + "\n");
      assertThat(whoAmI(config, provider)).isEqualTo("arn:aws:iam::111111111111:user/collector");
    }
  }

  @Test
  void theDefaultChainReadsSystemProperties() {
    try (TestSupport.SystemProperties p = isolated()) {
      p.set("aws.accessKeyId", DEMO_KEY).set("aws.secretAccessKey", DEMO_SECRET);
      AwsConfig config = config(sim);
      CredentialChain.Source source = CredentialChain.sources(config).get(0);
      assertThat(source.label()).isEqualTo("default credentials");
      assertThat(whoAmI(config, source.provider())).isEqualTo("arn:aws:iam::111111111111:user/collector");
    }
  }

  @Test
  void theDefaultChainReadsAProfileNamedBySystemPropertyAndRereadsTheFile() throws Exception {
    try (TestSupport.SystemProperties p = isolated()) {
      Path file = dir.resolve("credentials");
      Files.writeString(file, "[other]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = wrong\n");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
      p.set("aws.profile", "other");
      AwsConfig config = config(sim);
      AwsCredentialsProvider provider = CredentialChain.sources(config).get(0).provider();
      assertThat(provider.resolveCredentials().secretAccessKey()).isEqualTo("wrong");
      Files.writeString(file, "[other]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = "
          + DEMO_SECRET + "\n");
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
      assertThat(whoAmI(config, provider)).isEqualTo("arn:aws:iam::111111111111:user/collector");
    }
  }

  @Test
  void theDefaultChainFallsBackToTheInstanceProfile() {
    try (TestSupport.SystemProperties p = isolated()) {
      p.set("aws.disableEc2Metadata", "false").set("aws.ec2MetadataServiceEndpoint", sim.imdsEndpoint());
      AwsConfig config = config(sim);
      String arn = whoAmI(config, CredentialChain.sources(config).get(0).provider());
      assertThat(arn).startsWith("arn:aws:sts::111111111111:assumed-role/worker-node/");
    } finally {
      System.clearProperty("aws.ec2MetadataServiceEndpoint");
    }
  }

  @Test
  void theDefaultChainUsesWebIdentity() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6d29ya2VyIn0.c2ln");
    try (TestSupport.SystemProperties p = isolated()) {
      p.set("aws.roleArn", "arn:aws:iam::111111111111:role/worker-pod")
          .set("aws.webIdentityTokenFile", token.toString())
          .set("aws.roleSessionName", "worker-pod-session")
          .set("aws.region", "us-east-1")
          // The SDK builds the STS client of web identity itself; this is how it finds the simulator.
          .set("aws.endpointUrl", sim.endpoint().toString());
      AwsConfig config = config(sim);
      String arn = whoAmI(config, CredentialChain.sources(config).get(0).provider());
      assertThat(arn).isEqualTo("arn:aws:sts::111111111111:assumed-role/worker-pod/worker-pod-session");
    } finally {
      System.clearProperty("aws.roleSessionName");
      System.clearProperty("aws.region");
      System.clearProperty("aws.endpointUrl");
    }
  }

  @Test
  void aProfileWithRoleArnSourceProfileAndExternalId() throws Exception {
    try (TestSupport.SystemProperties p = isolated()) {
      p.set("aws.endpointUrl", sim.endpoint().toString());
      Files.writeString(dir.resolve("credentials"),
          "[base]\naws_access_key_id = " + DEMO_KEY + "\naws_secret_access_key = " + DEMO_SECRET + "\n");
      Files.writeString(dir.resolve("config"), """
          [profile payments]
          role_arn = arn:aws:iam::222222222222:role/ResotoAccess
          source_profile = base
          external_id = demo-external-id
          role_session_name = from-profile
          region = us-east-1
          """);
      AwsConfig config = config(sim, "profiles", List.of("payments"));
      String arn = whoAmI(config, CredentialChain.sources(config).get(0).provider());
      assertThat(arn).isEqualTo("arn:aws:sts::222222222222:assumed-role/ResotoAccess/from-profile");
    } finally {
      System.clearProperty("aws.endpointUrl");
    }
  }

  @Test
  void noCredentialsAnywhereFailsWhenResolved() {
    try (TestSupport.SystemProperties p = isolated()) {
      AwsConfig config = config(sim);
      AwsCredentialsProvider provider = CredentialChain.sources(config).get(0).provider();
      assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("Unable to load credentials");
    }
  }
}
