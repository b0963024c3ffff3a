package io.resoto.worker.aws.kinds.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.Node;
import io.resoto.worker.graph.Property;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsAccountKindTest {

  private static Simulation sim;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** Collects the account with the account kind only; {@code config} as in {@link TestSupport#config}. */
  private static AccountCollector.Result collect(Simulation s, AwsAccountTarget target, Map<String, Object> config)
      throws Exception {
    AwsConfig c = TestSupport.config(s, config);
    try (AwsClientFactory f = new AwsClientFactory(c)) {
      return new AccountCollector(c, f, TestSupport.resolver(), List.of(new AwsAccountKind()),
          new TestSupport.RecordingContext()).collect(target);
    }
  }

  /** The management account as if reached through a profile and a role (the keys stay the demo's). */
  private static AwsAccountTarget managementViaProfileAndRole() {
    return new AwsAccountTarget(TestSupport.MGMT, "demo-mgmt", "demo",
        "arn:aws:iam::111111111111:role/worker-node", "aws", TestSupport.managementAccount().credentials());
  }

  @Test
  void everyDeclaredPropertyIsFilledFromTheDemo() throws Exception {
    AccountCollector.Result r = collect(sim, managementViaProfileAndRole(), Map.of());

    Node account = r.graph().account();
    assertThat(r.graph().graph().node(account.id())).containsSame(account);
    assertThat(new AwsAccountKind().model().properties()).extracting(Property::name)
        .allSatisfy(p -> assertThat(account.properties().get(p)).as(p).isNotNull());
    assertThat(r.problems()).noneMatch(p -> p.kind() != null);
  }

  @Test
  void theAccountSummaryPasswordPolicyAliasAndOrganisationAsTheOriginalNamesThem() throws Exception {
    Node account = collect(sim, TestSupport.managementAccount(), Map.of()).graph().account();

    assertThat(account.properties())
        .containsEntry("users", 3L).containsEntry("groups", 2L).containsEntry("policies", 2L)
        .containsEntry("policy_versions_in_use", 2L).containsEntry("server_certificates", 1L)
        .containsEntry("mfa_devices", 2L).containsEntry("mfa_devices_in_use", 2L)
        .containsEntry("account_mfa_enabled", 1L).containsEntry("account_access_keys_present", 0L)
        .containsEntry("account_signing_certificates_present", 1L).containsEntry("global_endpoint_token_version", 2L)
        .containsEntry("minimum_password_length", 14L).containsEntry("require_symbols", true)
        .containsEntry("require_numbers", true).containsEntry("require_uppercase_characters", true)
        .containsEntry("require_lowercase_characters", true).containsEntry("allow_users_to_change_password", true)
        .containsEntry("expire_passwords", true).containsEntry("max_password_age", 90L)
        .containsEntry("password_reuse_prevention", 24L).containsEntry("hard_expiry", false)
        .containsEntry("account_alias", "demo-mgmt")
        .containsEntry("is_organization_member", true).containsEntry("is_organization_master", true)
        .containsEntry("organization_id", "o-demo0a1b2c")
        .containsEntry("organization_arn", "arn:aws:organizations::111111111111:organization/o-demo0a1b2c")
        .containsEntry("partition", "aws");
    assertThat(account.name()).isEqualTo("demo-mgmt");
  }

  @Test
  void anAccountOutsideAnOrganisationWithoutPasswordPolicyIsNoProblem() throws Exception {
    Estate alone = Estate.parse("""
        accounts: [{id: "123456789012", name: solo, regions: [us-east-1]}]
        principals: [{account: "123456789012", user: u, access_key_id: AKIATEST000000000009, secret_access_key: s}]
        """, "alone");
    try (Simulation solo = Simulation.start(alone)) {
      AwsAccountTarget target = new AwsAccountTarget("123456789012", null, null, null, "aws",
          StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST000000000009", "s")));
      AccountCollector.Result r = collect(solo, target, Map.of());

      Node account = r.graph().account();
      assertThat(account.properties()).containsEntry("is_organization_member", false)
          .containsEntry("is_organization_master", false).containsEntry("users", 0L)
          .doesNotContainKeys("organization_id", "minimum_password_length", "account_alias");
      assertThat(r.problems()).noneMatch(p -> p.kind() != null);
    }
  }

  @Test
  void aDeniedCallLeavesOnlyItsOwnFieldsEmptyWithAWarning() throws Exception {
    sim.aws().faults().add(FaultRule.forService("iam").operation("GetAccountSummary").accessDenied(true));
    try {
      AccountCollector.Result r = collect(sim, TestSupport.managementAccount(), Map.of());

      assertThat(r.graph()).isNotNull();
      assertThat(r.graph().account().properties()).doesNotContainKeys("users", "mfa_devices")
          .containsEntry("minimum_password_length", 14L).containsEntry("is_organization_master", true);
      assertThat(r.problems()).filteredOn(p -> p.kind() != null).singleElement().satisfies(p -> {
        assertThat(p.level()).isEqualTo(AccountCollector.Level.WARN);
        assertThat(p.region()).isEqualTo("global");
        assertThat(p.kind()).isEqualTo(AwsAccountKind.KIND);
      });
    } finally {
      sim.aws().faults().clear();
    }
  }

  @Test
  void theAccountNodeNamesItselfAsItsAccountAndCarriesHowItWasReached() {
    AwsAccountTarget target = new AwsAccountTarget("222222222222", "payments", "prod",
        "arn:aws:iam::222222222222:role/ResotoAccess", "aws", null);

    Node n = AwsAccountKind.node(target);

    assertThat(n.kind()).isEqualTo("aws_account");
    assertThat(n.resourceId()).isEqualTo("222222222222");
    assertThat(n.name()).isEqualTo("payments");
    assertThat(n.cloud()).isEqualTo("aws");
    assertThat(n.account()).isEqualTo("222222222222");
    assertThat(n.region()).isNull();
    assertThat(n.properties()).containsEntry("role", "arn:aws:iam::222222222222:role/ResotoAccess")
        .containsEntry("profile", "prod").containsEntry("partition", "aws");
    // the id depends only on the identity, not on the name or how the account was reached
    assertThat(AwsAccountKind.node(new AwsAccountTarget("222222222222", null, null, null, "aws", null)).id())
        .isEqualTo(n.id());
  }

  @Test
  void anAccountWithoutANameIsNamedByItsId() {
    Node n = AwsAccountKind.node(new AwsAccountTarget("333333333333", " ", null, null, null, null));
    assertThat(n.name()).isEqualTo("333333333333");
    assertThat(n.properties()).containsEntry("partition", "aws");
  }

  @Test
  void everyDeclaredPropertyIsDescribed() {
    assertThat(new AwsAccountKind().model().properties()).hasSize(29)
        .allSatisfy(p -> assertThat(p.description()).isNotBlank());
  }
}
