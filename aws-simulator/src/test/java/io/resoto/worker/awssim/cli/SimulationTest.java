package io.resoto.worker.awssim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * (Apache HTTP client: the JDK's HttpURLConnection drops the body of a 401, where EC2 puts its
 * AuthFailure code.)
 *
 * The demo estate over real HTTP with the real SDK clients: identities, roles, the organisation,
 * regions and the instance metadata service, as the collector will use them.
 */
class SimulationTest {

  private static final AwsCredentialsProvider COLLECTOR = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIADEMO00000000000A", "demo-secret-0000000000000000000000000000"));

  private final MutableClock clock = new MutableClock(Instant.now());
  private Simulation sim;

  @AfterEach
  void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private Simulation start(Estate estate) throws Exception {
    sim = Simulation.start(estate, 0, 0, new FaultPlan(), clock);
    return sim;
  }

  private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
      & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>, C> C client(
          B builder, AwsCredentialsProvider credentials, String region) {
    return builder.endpointOverride(sim.endpoint())
        .region(software.amazon.awssdk.regions.Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  private static StaticCredentialsProvider session(Credentials c) {
    return StaticCredentialsProvider.create(
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }

  @Test
  void callerIdentityAndRoleAssumptionWithExternalId() throws Exception {
    start(Estate.demo());
    StsClient sts = client(StsClient.builder(), COLLECTOR, "us-east-1");
    assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/collector");

    String role = "arn:aws:iam::222222222222:role/ResotoAccess";
    assertThatThrownBy(() -> sts.assumeRole(r -> r.roleArn(role).roleSessionName("resoto")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
    AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn(role).roleSessionName("resoto")
        .externalId("demo-external-id"));

    StsClient asRole = client(StsClient.builder(), session(assumed.credentials()), "us-east-1");
    assertThat(asRole.getCallerIdentity().arn())
        .isEqualTo("arn:aws:sts::222222222222:assumed-role/ResotoAccess/resoto");
  }

  @Test
  void assumedRoleCredentialsExpire() throws Exception {
    start(Estate.demo());
    StsClient sts = client(StsClient.builder(), COLLECTOR, "us-east-1");
    Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/ResotoAccess")
        .roleSessionName("resoto").durationSeconds(900)).credentials();
    assertThat(c.expiration()).isEqualTo(clock.instant().plusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    StsClient asRole = client(StsClient.builder(), session(c), "us-east-1");
    assertThat(asRole.getCallerIdentity().account()).isEqualTo("333333333333");

    clock.advance(Duration.ofSeconds(901));
    assertThatThrownBy(asRole::getCallerIdentity)
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
  }

  @Test
  void theOrganisationIsListedPageByPage() throws Exception {
    start(Estate.demo());
    OrganizationsClient org = client(OrganizationsClient.builder(), COLLECTOR, "us-east-1");
    assertThat(org.describeOrganization().organization().masterAccountId()).isEqualTo("111111111111");
    List<String> ids = org.listAccountsPaginator(r -> r.maxResults(1)).stream()
        .flatMap(p -> p.accounts().stream()).map(Account::id).toList();
    assertThat(ids).containsExactly("111111111111", "222222222222", "333333333333");
    assertThat(sim.aws().counters().snapshot().get("organizations:ListAccounts").calls()).isEqualTo(3);
    String root = org.listRoots().roots().get(0).id();
    assertThat(org.listOrganizationalUnitsForParent(r -> r.parentId(root)).organizationalUnits())
        .extracting(u -> u.name()).contains("Production", "Sandbox");
  }

  @Test
  void callsAreCountedPerAccountAndRegionWithTheirLaterPages() throws Exception {
    start(Estate.demo());
    OrganizationsClient org = client(OrganizationsClient.builder(), COLLECTOR, "us-east-1");
    assertThat(org.listAccountsPaginator(r -> r.maxResults(1)).stream().count()).isEqualTo(3);
    Ec2Client ec2 = client(Ec2Client.builder(), COLLECTOR, "eu-central-1");
    ec2.describeVpcs();
    ec2.describeVpcs();

    assertThat(sim.aws().counters().scopedSnapshot()).containsExactly(
        new io.resoto.worker.awssim.CallCounters.ScopedStats("111111111111", "eu-central-1", "ec2", "DescribeVpcs", 2, 0),
        new io.resoto.worker.awssim.CallCounters.ScopedStats("111111111111", "us-east-1", "organizations",
            "ListAccounts", 3, 2));
    assertThat(sim.aws().counters().scopedSnapshot().get(1).firstPages()).isEqualTo(1);
    sim.aws().counters().reset();
    assertThat(sim.aws().counters().scopedSnapshot()).isEmpty();
  }

  @Test
  void servesWithTheGivenNumberOfThreads() throws Exception {
    sim = Simulation.start(Estate.demo(), 0, 0, new FaultPlan(), clock, 24);
    // 24 calls that each wait for all 24 to arrive: they complete only when 24 threads serve at once
    // (the default 16 would leave 8 queued and the barrier would time out)
    java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(24);
    sim.aws().on(software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest.class, (ctx, req) -> {
      try {
        barrier.await(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("not all calls were served at once", e);
      }
      return software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse.builder().account("all").build();
    });
    StsClient sts = client(StsClient.builder(), COLLECTOR, "us-east-1");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
    try {
      List<java.util.concurrent.Future<String>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        calls.add(pool.submit(() -> sts.getCallerIdentity().account()));
      }
      for (var c : calls) {
        assertThat(c.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("all");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aliasesAndRegionsIncludingNotOptedIn() throws Exception {
    start(Estate.demo());
    IamClient iam = client(IamClient.builder(), COLLECTOR, "us-east-1");
    assertThat(iam.listAccountAliases().accountAliases()).containsExactly("demo-mgmt");

    Ec2Client ec2 = client(Ec2Client.builder(), COLLECTOR, "us-east-1");
    assertThat(ec2.describeRegions().regions()).extracting(Region::regionName)
        .containsExactlyInAnyOrder("us-east-1", "eu-central-1", "us-west-2");
    assertThat(ec2.describeRegions(r -> r.allRegions(true)).regions())
        .anyMatch(r -> r.regionName().equals("af-south-1") && r.optInStatus().equals("not-opted-in"));

    Ec2Client disabled = client(Ec2Client.builder(), COLLECTOR, "af-south-1");
    assertThatThrownBy(disabled::describeRegions)
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthFailure"));
  }

  @Test
  void theInstanceProfileServesCredentialsTheSimulatorAccepts() throws Exception {
    start(Estate.demo());
    try (InstanceProfileCredentialsProvider imds = InstanceProfileCredentialsProvider.builder()
        .endpoint(sim.imdsEndpoint()).build()) {
      StsClient sts = client(StsClient.builder(), imds, "us-east-1");
      assertThat(sts.getCallerIdentity().arn()).startsWith("arn:aws:sts::111111111111:assumed-role/worker-node/");
    }
  }

  @Test
  void aWrongSecretIsRejectedAsAwsDoes() throws Exception {
    start(Estate.demo());
    StsClient sts = client(StsClient.builder(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("AKIADEMO00000000000A", "wrong")), "us-east-1");
    assertThatThrownBy(sts::getCallerIdentity)
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch"));
  }

  @Test
  void webIdentityRoleAssumptionIsUnsigned() throws Exception {
    start(Estate.demo());
    StsClient anonymous = StsClient.builder().endpointOverride(sim.endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
        .httpClient(ApacheHttpClient.create()).build();
    Credentials c = anonymous.assumeRoleWithWebIdentity(r -> r
        .roleArn("arn:aws:iam::111111111111:role/worker-pod").roleSessionName("pod")
        .webIdentityToken("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2ln")).credentials();
    StsClient asPod = client(StsClient.builder(), session(c), "us-east-1");
    assertThat(asPod.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/worker-pod/pod");
  }

}
