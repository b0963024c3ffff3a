package io.resoto.worker.awssim.resources.s3control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;
import software.amazon.awssdk.services.s3control.model.NoSuchPublicAccessBlockConfigurationException;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.S3ControlException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** S3 Control's GetPublicAccessBlock against the demo estate, through the real SDK client. */
class S3ControlApiTest {

  private static final String MGMT = "111111111111";
  private static final StaticCredentialsProvider MGMT_KEYS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIADEMO00000000000A", "demo-secret-0000000000000000000000000000"));

  private static Simulation sim;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /**
   * A client of the simulator. The SDK's rules put the account id before the endpoint's host
   * ({@code 111111111111.127.0.0.1}, no host at all); the simulator is called as it is, as the
   * collector does with a configured endpoint. Signing stays the SDK's.
   */
  private static S3ControlClient client(AwsCredentialsProvider credentials) {
    S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
    return S3ControlClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials)
        .endpointOverride(sim.endpoint())
        .endpointProvider(p -> rules.resolveEndpoint(p).thenApply(e -> e.toBuilder().url(sim.endpoint()).build()))
        .build();
  }

  @Test
  void theCallersAccountGetsItsConfiguration() {
    try (S3ControlClient s3control = client(MGMT_KEYS)) {
      PublicAccessBlockConfiguration c = s3control.getPublicAccessBlock(r -> r.accountId(MGMT))
          .publicAccessBlockConfiguration();

      assertThat(c).isEqualTo(PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(true)
          .blockPublicPolicy(true).restrictPublicBuckets(false).build());
    }
    assertThat(sim.aws().counters().get("s3control", "GetPublicAccessBlock").calls()).isPositive();
  }

  @Test
  void anAccountWithoutOneGetsS3ControlsNotFoundError() {
    try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).credentialsProvider(MGMT_KEYS)
        .endpointOverride(sim.endpoint()).build()) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/ResotoAccess")
          .roleSessionName("test")).credentials();
      try (S3ControlClient sandbox = client(StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))) {
        NoSuchPublicAccessBlockConfigurationException e = catchThrowableOfType(
            () -> sandbox.getPublicAccessBlock(r -> r.accountId("333333333333")),
            NoSuchPublicAccessBlockConfigurationException.class);

        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchPublicAccessBlockConfiguration");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The public access block configuration was not found");
        assertThat(e.requestId()).isNotBlank();
      }
    }
  }

  @Test
  void anotherAccountsIdIsDenied() {
    try (S3ControlClient s3control = client(MGMT_KEYS)) {
      S3ControlException e = catchThrowableOfType(
          () -> s3control.getPublicAccessBlock(r -> r.accountId("222222222222")), S3ControlException.class);

      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }
  }

  @Test
  void s3sOwnGetPublicAccessBlockOfABucketIsStillServedBesideIt() {
    // both operations are GetPublicAccessBlock of the signing name s3: neither replaces the other
    try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(MGMT_KEYS)
        .endpointOverride(sim.endpoint()).forcePathStyle(true).build()) {
      assertThat(s3.getPublicAccessBlock(r -> r.bucket("demo-mgmt-logs")).publicAccessBlockConfiguration()
          .blockPublicPolicy()).isFalse();
    }
  }
}
