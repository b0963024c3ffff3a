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
import io.resoto.worker.awssim.fault.FaultPlan;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.model.StsException;

/** Assuming roles: ARNs, ExternalId, session name, renewal, role chaining. */
class RoleAssumerTest {

  private static final AwsCredentialsProvider DEMO =
      StaticCredentialsProvider.create(AwsBasicCredentials.create(DEMO_KEY, DEMO_SECRET));

  static Estate demoWithLifetime(int seconds) throws Exception {
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("assumed_role_lifetime_seconds: null", "assumed_role_lifetime_seconds: " + seconds);
      return Estate.parse(yaml, "demo-short-sessions");
    }
  }

  @Test
  void roleNamesBecomeArnsInThePartitionAndArnsAreKept() {
    assertThat(RoleAssumer.roleArn("ResotoAccess", "aws", "222222222222"))
        .isEqualTo("arn:aws:iam::222222222222:role/ResotoAccess");
    assertThat(RoleAssumer.roleArn("ResotoAccess", "aws-cn", "222222222222"))
        .isEqualTo("arn:aws-cn:iam::222222222222:role/ResotoAccess");
    assertThat(RoleAssumer.roleArn("arn:aws-us-gov:iam::444444444444:role/path/R", "aws", "222222222222"))
        .isEqualTo("arn:aws-us-gov:iam::444444444444:role/path/R");
  }

  @Test
  void sessionsAreRenewedWellBeforeTheyEnd() {
    assertThat(RoleAssumer.prefetchTime(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(15));
    assertThat(RoleAssumer.staleTime(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
    assertThat(RoleAssumer.prefetchTime(Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(225));
    assertThat(RoleAssumer.staleTime(Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(112).plusMillis(500));
    assertThat(RoleAssumer.prefetchTime(Duration.ofHours(12))).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void externalIdAndSessionNameAreSentAndTheSessionIsReusedWhileFresh() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo())) {
      AwsConfig config = config(sim, "externalId", "demo-external-id", "roleSessionName", "collector-run");
      try (AwsClientFactory clients = new AwsClientFactory(config);
          AssumedRoleCredentials role = new RoleAssumer(config, clients)
              .assume(DEMO, "arn:aws:iam::222222222222:role/ResotoAccess")) {
        assertThat(CredentialChainTest.whoAmI(config, role))
            .isEqualTo("arn:aws:sts::222222222222:assumed-role/ResotoAccess/collector-run");
        AwsCredentials first = role.resolveCredentials();
        assertThat(role.resolveCredentials().accessKeyId()).isEqualTo(first.accessKeyId());
      }
    }
  }

  @Test
  void aSessionCloseToItsExpiryIsRenewedBeforeItIsUsed() throws Exception {
    // STS's clock runs 59 minutes behind ours: a one-hour session it mints ends a minute from
    // now by our clock, inside the stale window, so the next use must assume the role again
    Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-59));
    try (Simulation sim = Simulation.start(Estate.demo(), 0, 0, new FaultPlan(), behind)) {
      AwsConfig config = config(sim, "sessionDuration", 3600);
      try (AwsClientFactory clients = new AwsClientFactory(config);
          AssumedRoleCredentials role = new RoleAssumer(config, clients, false)
              .assume(DEMO, "arn:aws:iam::333333333333:role/ResotoAccess")) {
        AwsCredentials first = role.resolveCredentials();
        AwsCredentials second = role.resolveCredentials();
        assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(sim.aws().counters().get("sts", "AssumeRole").calls()).isEqualTo(2);
        assertThat(CredentialChainTest.whoAmI(config, role)).startsWith("arn:aws:sts::333333333333:assumed-role/");
      }
    }
  }

  @Test
  void renewingReplacesTheSessionOnceForAllWhoSawItFail() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo())) {
      AwsConfig config = config(sim);
      try (AwsClientFactory clients = new AwsClientFactory(config);
          AssumedRoleCredentials role = new RoleAssumer(config, clients, false)
              .assume(DEMO, "arn:aws:iam::333333333333:role/ResotoAccess")) {
        Object seen = role.session();
        String before = role.resolveCredentials().accessKeyId();
        role.renew(seen);
        role.renew(seen); // a second caller that saw the same session fail: nothing more to do
        assertThat(role.resolveCredentials().accessKeyId()).isNotEqualTo(before);
        assertThat(sim.aws().counters().get("sts", "AssumeRole").calls()).isEqualTo(2);
      }
    }
  }

  @Test
  void withoutTheExternalIdTheRoleIsRefused() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo())) {
      AwsConfig config = config(sim);
      try (AwsClientFactory clients = new AwsClientFactory(config);
          AssumedRoleCredentials role = new RoleAssumer(config, clients)
              .assume(DEMO, "arn:aws:iam::222222222222:role/ResotoAccess")) {
        assertThatThrownBy(role::resolveCredentials).isInstanceOf(StsException.class)
            .hasMessageContaining("not authorized");
      }
    }
  }

  @Test
  void sessionsCarryTheirExpiryForTheRenewal() throws Exception {
    // The SDK's cache renews from the expiry STS states. (Observing the renewal itself would need
    // its clock, which it does not expose, and its prefetch time is jittered; see the report.)
    try (Simulation sim = Simulation.start(demoWithLifetime(600), 0, 0, new FaultPlan(), Clock.systemUTC())) {
      AwsConfig config = config(sim);
      try (AwsClientFactory clients = new AwsClientFactory(config);
          AssumedRoleCredentials role = new RoleAssumer(config, clients, false)
              .assume(DEMO, "arn:aws:iam::333333333333:role/ResotoAccess")) {
        AwsCredentials credentials = role.resolveCredentials();
        assertThat(credentials.expirationTime()).hasValueSatisfying(expiry ->
            assertThat(Duration.between(Clock.systemUTC().instant(), expiry)).isBetween(
                Duration.ofSeconds(500), Duration.ofSeconds(601)));
        assertThat(CredentialChainTest.whoAmI(config, role)).startsWith("arn:aws:sts::333333333333:assumed-role/ResotoAccess/");
      }
    }
  }

  @Test
  void aDurationAboveTheRolesMaximumFallsBackToOneHour() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo())) {
      // worker-node allows the default hour only.
      AwsConfig config = config(sim, "sessionDuration", 7200);
      try (AwsClientFactory clients = new AwsClientFactory(config);
          AssumedRoleCredentials node = new RoleAssumer(config, clients)
              .assume(DEMO, "arn:aws:iam::111111111111:role/worker-node")) {
        assertThat(node.sessionSeconds()).isEqualTo(7200);
        assertThat(CredentialChainTest.whoAmI(config, node)).startsWith("arn:aws:sts::111111111111:assumed-role/worker-node/");
        assertThat(node.sessionSeconds()).isEqualTo(3600);
      }
    }
  }

  @Test
  void rolesChainAndTheChainedSessionIsCappedAtOneHour() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo())) {
      // 7200 s is fine for ResotoAccess in 333 (max 43200) but STS refuses it when chained.
      AwsConfig config = config(sim, "sessionDuration", 7200);
      try (AwsClientFactory clients = new AwsClientFactory(config)) {
        RoleAssumer roles = new RoleAssumer(config, clients);
        try (AssumedRoleCredentials node = roles.assume(DEMO, "arn:aws:iam::111111111111:role/worker-node");
            AssumedRoleCredentials member = roles.assume(node, "arn:aws:iam::333333333333:role/ResotoAccess")) {
          assertThat(member.base()).isSameAs(node);
          assertThat(member.sessionSeconds()).isEqualTo(3600);
          assertThat(CredentialChainTest.whoAmI(config, member))
              .startsWith("arn:aws:sts::333333333333:assumed-role/ResotoAccess/");
        }
      }
    }
  }
}
