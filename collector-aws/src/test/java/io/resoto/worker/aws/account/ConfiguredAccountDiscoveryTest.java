package io.resoto.worker.aws.account;

import static io.resoto.worker.aws.credentials.TestSupport.DEMO_KEY;
import static io.resoto.worker.aws.credentials.TestSupport.DEMO_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;

/** Account discovery in every mode, against the simulator. */
class ConfiguredAccountDiscoveryTest {

  static final String KEY1 = "AKIATEST000000000001";
  static final String SECRET1 = "test-secret-1111111111111111111111111111";
  static final String KEY3 = "AKIATEST000000000003";
  static final String SECRET3 = "test-secret-3333333333333333333333333333";

  /** What discovery reported, as "scope: message". */
  final List<String> problems = new ArrayList<>();
  final List<AwsClientFactory> factories = new ArrayList<>();
  Simulation demo;
  Simulation org;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    demo = Simulation.start(Estate.demo());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("estates/accounts-org.yaml")) {
      org = Simulation.start(Estate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "accounts-org"));
    }
  }

  @AfterEach
  void stop() {
    factories.forEach(AwsClientFactory::close);
    demo.close();
    org.close();
  }

  List<AwsAccountTarget> discover(AwsConfig config) throws Exception {
    AwsClientFactory clients = new AwsClientFactory(config);
    factories.add(clients);
    return ConfiguredAccountDiscovery.of(config, clients).discover((scope, message) -> problems.add(scope + ": " + message));
  }

  AwsConfig demoConfig(Object... overrides) {
    List<Object> all = new ArrayList<>(List.of("accessKeyId", DEMO_KEY, "secretAccessKey", DEMO_SECRET));
    all.addAll(List.of(overrides));
    return TestSupport.config(demo, all.toArray());
  }

  AwsConfig orgConfig(Object... overrides) {
    List<Object> all = new ArrayList<>(List.of("accessKeyId", KEY1, "secretAccessKey", SECRET1));
    all.addAll(List.of(overrides));
    return TestSupport.config(org, all.toArray());
  }

  @Test
  void withoutRoleOnlyTheCurrentAccountNamedByItsAlias() throws Exception {
    List<AwsAccountTarget> targets = discover(demoConfig());
    assertThat(targets).extracting(AwsAccountTarget::id, AwsAccountTarget::name, AwsAccountTarget::roleArn,
        AwsAccountTarget::partition).containsExactly(tuple("111111111111", "demo-mgmt", null, "aws"));
    assertThat(problems).isEmpty();
  }

  @Test
  void accountListWithRoleAndExternalId() throws Exception {
    List<AwsAccountTarget> targets = discover(demoConfig(
        "role", "ResotoAccess", "account", List.of("222222222222", "333333333333"), "externalId", "demo-external-id"));
    assertThat(targets).extracting(AwsAccountTarget::id, AwsAccountTarget::name, AwsAccountTarget::roleArn)
        .containsExactly(
            tuple("222222222222", "demo-payments", "arn:aws:iam::222222222222:role/ResotoAccess"),
            // no alias: the organisation's name, from DescribeAccount
            tuple("333333333333", "sandbox", "arn:aws:iam::333333333333:role/ResotoAccess"));
    assertThat(problems).isEmpty();
  }

  @Test
  void theAuthenticationGateSkipsAnAccountTheRoleDoesNotLetIn() throws Exception {
    // Without the ExternalId, 222's role refuses; 333's does not need one.
    List<AwsAccountTarget> targets = discover(demoConfig(
        "role", "ResotoAccess", "account", List.of("222222222222", "333333333333")));
    assertThat(targets).extracting(AwsAccountTarget::id).containsExactly("333333333333");
    assertThat(problems).singleElement().asString()
        .startsWith("222222222222: authentication failure through access_key_id as arn:aws:iam::222222222222:role/ResotoAccess")
        .contains("AccessDenied").doesNotContain(DEMO_SECRET).doesNotContain("\n");
  }

  @Test
  void aRoleGivenAsArnIsUsedAsGivenAndARoleThatTrustsSomeoneElseGetsNobodyIn() throws Exception {
    assertThat(discover(orgConfig("role", "arn:aws:iam::333333333333:role/ResotoAccess",
        "account", List.of("333333333333"))))
        .extracting(AwsAccountTarget::roleArn).containsExactly("arn:aws:iam::333333333333:role/ResotoAccess");
    // The only account cannot be reached: that is an error, not an empty run.
    assertThatThrownBy(() -> discover(orgConfig("role", "arn:aws:iam::222222222222:role/Locked",
        "account", List.of("222222222222"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("222222222222: authentication failure through access_key_id as "
            + "arn:aws:iam::222222222222:role/Locked")
        .hasMessageNotContaining(SECRET1);
  }

  @Test
  void scrapeOrgCollectsEveryAccountWithTheRoleAndTheCurrentOneDirectly() throws Exception {
    List<AwsAccountTarget> targets = discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true));
    assertThat(targets).extracting(AwsAccountTarget::id, AwsAccountTarget::name, AwsAccountTarget::roleArn)
        .containsExactly(
            tuple("222222222222", "test-payments", "arn:aws:iam::222222222222:role/ResotoAccess"),
            // no alias: the organisation's name from the listing
            tuple("333333333333", "sandbox", "arn:aws:iam::333333333333:role/ResotoAccess"),
            tuple("111111111111", "test-mgmt", null));
    assertThat(problems).isEmpty();
  }

  @Test
  void scrapeOrgOuTakesNestedOusAndExcludesSubtreesAndAccounts() throws Exception {
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true,
        "scrapeOrgOu", List.of("ou-test-prod0001"))))
        .extracting(AwsAccountTarget::id).containsExactly("222222222222", "111111111111");
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true,
        "scrapeOrgExcludeOu", List.of("ou-test-prod0001"))))
        .extracting(AwsAccountTarget::id).containsExactly("333333333333", "111111111111");
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true,
        "scrapeExcludeAccount", List.of("333333333333"))))
        .extracting(AwsAccountTarget::id).containsExactly("222222222222", "111111111111");
    assertThat(problems).isEmpty();
  }

  @Test
  void anUnknownOuIsReported() throws Exception {
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true,
        "scrapeOrgOu", List.of("ou-test-nope0001", "ou-test-sand0001"))))
        .extracting(AwsAccountTarget::id).containsExactly("333333333333", "111111111111");
    assertThat(problems).containsExactly("organization: scrape_org_ou: no OU or root 'ou-test-nope0001' in the organisation");
  }

  @Test
  void doNotScrapeCurrentAndAssumeCurrent() throws Exception {
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true, "doNotScrapeCurrent", true)))
        .extracting(AwsAccountTarget::id).containsExactly("222222222222", "333333333333");
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true, "doNotScrapeCurrent", true,
        "assumeCurrent", true)))
        .extracting(AwsAccountTarget::id, AwsAccountTarget::roleArn).containsExactly(
            tuple("111111111111", "arn:aws:iam::111111111111:role/ResotoAccess"),
            tuple("222222222222", "arn:aws:iam::222222222222:role/ResotoAccess"),
            tuple("333333333333", "arn:aws:iam::333333333333:role/ResotoAccess"));
    assertThatThrownBy(() -> discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true, "assumeCurrent", true)))
        .hasMessageContaining("do_not_scrape_current");
  }

  @Test
  void scrapeOrgRoleArnListsTheOrganisationAsASeparatePrincipal() throws Exception {
    // The member principal in 333 may not list the organisation itself.
    AwsConfig config = TestSupport.config(org, "accessKeyId", KEY3, "secretAccessKey", SECRET3,
        "role", "ResotoAccess", "scrapeOrg", true);
    assertThat(discover(config)).extracting(AwsAccountTarget::id).containsExactly("333333333333");
    assertThat(problems).singleElement().asString()
        .startsWith("organization: missing permissions to list the organisation's accounts through access_key_id");
    problems.clear();

    config = TestSupport.config(org, "accessKeyId", KEY3, "secretAccessKey", SECRET3, "role", "ResotoAccess",
        "scrapeOrg", true, "scrapeOrgRoleArn", "arn:aws:iam::111111111111:role/OrgReader");
    assertThat(discover(config)).extracting(AwsAccountTarget::id, AwsAccountTarget::roleArn).containsExactly(
        tuple("111111111111", "arn:aws:iam::111111111111:role/ResotoAccess"),
        tuple("222222222222", "arn:aws:iam::222222222222:role/ResotoAccess"),
        tuple("333333333333", null));
    assertThat(problems).isEmpty();
  }

  @Test
  void deniedListingKeepsTheCurrentAccount() throws Exception {
    org.aws().faults().add(FaultRule.forService("organizations").operation("ListAccounts").accessDenied(true));
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true)))
        .extracting(AwsAccountTarget::id).containsExactly("111111111111");
    assertThat(problems).singleElement().asString().startsWith("organization: missing permissions");
  }

  @Test
  void eachAccountIsCollectedOnceFirstSourceWins() throws Exception {
    try (TestSupport.SystemProperties p = files(
        "[one]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = " + SECRET1 + "\n"
            + "[two]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = " + SECRET1 + "\n"
            + "[three]\naws_access_key_id = " + KEY3 + "\naws_secret_access_key = " + SECRET3 + "\n")) {
      List<AwsAccountTarget> targets = discover(TestSupport.config(org, "profiles", List.of("one", "two", "three")));
      assertThat(targets).extracting(AwsAccountTarget::id, AwsAccountTarget::profile)
          .containsExactly(tuple("111111111111", "one"), tuple("333333333333", "three"));
      assertThat(problems).containsExactly(
          "111111111111: already collected through profile one; not collected again through profile two");
    }
  }

  @Test
  void profilesCombineWithScrapeOrgAndDeduplicate() throws Exception {
    try (TestSupport.SystemProperties p = files(
        "[mgmt]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = " + SECRET1 + "\n"
            + "[member]\naws_access_key_id = " + KEY3 + "\naws_secret_access_key = " + SECRET3 + "\n")) {
      List<AwsAccountTarget> targets = discover(TestSupport.config(org, "profiles", List.of("mgmt", "member"),
          "role", "ResotoAccess", "scrapeOrg", true));
      // member's own listing is denied; its current account 333 is already reached through mgmt
      assertThat(targets).extracting(AwsAccountTarget::id, AwsAccountTarget::profile).containsExactly(
          tuple("222222222222", "mgmt"), tuple("333333333333", "mgmt"), tuple("111111111111", "mgmt"));
      assertThat(problems).contains("333333333333: already collected through profile mgmt as "
          + "arn:aws:iam::333333333333:role/ResotoAccess; not collected again through profile member");
    }
  }

  @Test
  void aBrokenProfileIsReportedAndTheOthersGoOn() throws Exception {
    try (TestSupport.SystemProperties p = files(
        "[good]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = " + SECRET1 + "\n"
            + "[stale]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = rotated-away\n")) {
      List<AwsAccountTarget> targets = discover(TestSupport.config(org, "profiles", List.of("stale", "missing", "good")));
      assertThat(targets).extracting(AwsAccountTarget::id).containsExactly("111111111111");
      assertThat(problems).hasSize(2);
      assertThat(problems.get(0)).startsWith("profile stale: credentials do not get in, skipped: SignatureDoesNotMatch");
      assertThat(problems.get(1)).startsWith("profile missing: credentials do not get in, skipped:");
    }
  }

  @Test
  void nothingReachableIsAnErrorThatSaysWhatToFix() {
    AwsConfig config = TestSupport.config(org, "accessKeyId", KEY1, "secretAccessKey", "wrong");
    assertThatThrownBy(() -> discover(config)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No AWS account could be reached")
        .hasMessageContaining("aws.access_key_id")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void namesFollowThePreferKeys() throws Exception {
    assertThat(discover(orgConfig("role", "ResotoAccess", "scrapeOrg", true, "preferAccountAliasAsName", false)))
        .extracting(AwsAccountTarget::name).containsExactly("payments-prod", "sandbox", "management");

    try (TestSupport.SystemProperties p = files(
        "[mgmt]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = " + SECRET1 + "\n")) {
      assertThat(discover(TestSupport.config(org, "profiles", List.of("mgmt"), "preferProfileAsAccountName", true)))
          .extracting(AwsAccountTarget::name).containsExactly("mgmt");
    }
  }

  @Test
  void theOrganisationNameComesFromDescribeAccountWhenDiscoveryHasNoListing() throws Exception {
    demo.aws().on(DescribeAccountRequest.class, (ctx, req) -> DescribeAccountResponse.builder()
        .account(a -> a.id(req.accountId()).name("named-" + req.accountId())).build());
    assertThat(discover(demoConfig("role", "ResotoAccess", "account", List.of("333333333333"))))
        .extracting(AwsAccountTarget::name).containsExactly("named-333333333333");
    assertThat(discover(demoConfig("role", "ResotoAccess", "account", List.of("222222222222"),
        "externalId", "demo-external-id", "preferAccountAliasAsName", false)))
        .extracting(AwsAccountTarget::name).containsExactly("named-222222222222");
  }

  @Test
  void failedNameLookupsNeverLoseTheAccount() throws Exception {
    org.aws().faults().add(FaultRule.forService("iam").accessDenied(true));
    org.aws().faults().add(FaultRule.forService("organizations").operation("DescribeAccount").accessDenied(true));
    assertThat(discover(orgConfig())).extracting(AwsAccountTarget::id, AwsAccountTarget::name)
        .containsExactly(tuple("111111111111", "111111111111"));
    assertThat(problems).isEmpty();
  }

  private TestSupport.SystemProperties files(String credentials) throws Exception {
    Files.writeString(dir.resolve("credentials"), credentials);
    return new TestSupport.SystemProperties()
        .set("aws.sharedCredentialsFile", dir.resolve("credentials").toString())
        .set("aws.configFile", dir.resolve("config").toString());
  }
}
