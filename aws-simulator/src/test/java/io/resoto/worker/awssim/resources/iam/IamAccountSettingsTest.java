package io.resoto.worker.awssim.resources.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** GetAccountSummary and GetAccountPasswordPolicy over the wire, from the demo estate. */
class IamAccountSettingsTest {

  private static Simulation sim;
  private static IamClient iam;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    iam = DemoClients.client(sim, IamClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    iam.close();
    sim.close();
  }

  /** An IAM client in the sandbox account, through its ResotoAccess role. */
  private static IamClient sandbox() {
    try (StsClient sts = DemoClients.client(sim, StsClient.builder(), "us-east-1")) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/ResotoAccess")
          .roleSessionName("test")).credentials();
      return DemoClients.client(sim, IamClient.builder(), "us-east-1", StaticCredentialsProvider.create(
          AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
    }
  }

  @Test
  void theSummaryCountsTheAccountsIamResourcesWithTheEstatesOverrides() {
    Map<String, Integer> s = iam.getAccountSummary().summaryMapAsStrings();

    assertThat(s).containsEntry("Users", 3).containsEntry("Groups", 2).containsEntry("Roles", 2)
        .containsEntry("InstanceProfiles", 1)
        // customer managed only: resoto-collect and artifacts-write, one stored version each
        .containsEntry("Policies", 2).containsEntry("PolicyVersionsInUse", 2)
        .containsEntry("ServerCertificates", 1)
        .containsEntry("MFADevices", 2).containsEntry("MFADevicesInUse", 2)
        // the root user has an MFA device and no access key
        .containsEntry("AccountMFAEnabled", 1).containsEntry("AccountAccessKeysPresent", 0)
        // from the estate's AccountSummary
        .containsEntry("AccountSigningCertificatesPresent", 1).containsEntry("GlobalEndpointTokenVersion", 2)
        .containsEntry("UsersQuota", 5000).containsEntry("PolicyVersionsInUseQuota", 10000);
  }

  @Test
  void thePasswordPolicyIsTheEstatesWithExpiryDerivedFromTheMaximumAge() {
    PasswordPolicy p = iam.getAccountPasswordPolicy().passwordPolicy();

    assertThat(p.minimumPasswordLength()).isEqualTo(14);
    assertThat(p.requireSymbols()).isTrue();
    assertThat(p.maxPasswordAge()).isEqualTo(90);
    assertThat(p.expirePasswords()).isTrue();
    assertThat(p.passwordReusePrevention()).isEqualTo(24);
    assertThat(p.hardExpiry()).isFalse();
  }

  @Test
  void anAccountWithoutIamDataHasAnEmptySummaryAndNoPasswordPolicy() {
    try (IamClient other = sandbox()) {
      assertThat(other.getAccountSummary().summaryMapAsStrings()).containsEntry("Users", 0)
          .containsEntry("AccountMFAEnabled", 0).containsEntry("GlobalEndpointTokenVersion", 1);
      assertThatThrownBy(other::getAccountPasswordPolicy).isInstanceOfSatisfying(NoSuchEntityException.class,
          e -> assertThat(e.awsErrorDetails().errorMessage()).contains("333333333333"));
    }
  }
}
