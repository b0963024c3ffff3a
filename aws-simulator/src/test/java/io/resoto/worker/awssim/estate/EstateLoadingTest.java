package io.resoto.worker.awssim.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateLoadingTest {

  private static List<String> problems(String yaml) {
    try {
      Estate.parse(yaml, "test.yaml");
    } catch (InvalidEstateException e) {
      assertThat(e.getMessage()).startsWith("invalid estate test.yaml (" + e.problems().size());
      return e.problems();
    }
    throw new AssertionError("the estate was accepted");
  }

  @Test
  void loadsTheDemoEstate() {
    Estate demo = Estate.demo();
    Organization org = demo.organization().orElseThrow();
    assertThat(org.managementAccount()).isEqualTo("111111111111");
    assertThat(demo.accounts()).extracting(Account::id).containsExactly("111111111111", "222222222222", "333333333333");
    assertThat(demo.accounts()).allSatisfy(a -> {
      assertThat(a.regions()).hasSizeBetween(2, 3);
      assertThat(a.notOptedIn()).isNotEmpty();
    });
    Account payments = demo.account("222222222222").orElseThrow();
    Organization.Unit paymentsOu = demo.unitsUnder("ou-demo-prod0001").get(0);
    assertThat(payments.parent()).isEqualTo(paymentsOu.id());
    assertThat(demo.unitsUnder(org.roots().get(0).id())).extracting(Organization.Unit::id).contains("ou-demo-prod0001");
    assertThat(demo.principals()).singleElement().satisfies(p -> {
      assertThat(p.accessKeyId()).isEqualTo("AKIADEMO00000000000A");
      assertThat(p.secretAccessKey()).startsWith("demo-secret-");
      assertThat(p.account()).isEqualTo("111111111111");
    });
    assertThat(demo.role("222222222222", "ResotoAccess").orElseThrow().externalId()).isNotNull();
    assertThat(demo.role("333333333333", "ResotoAccess").orElseThrow().externalId()).isNull();
    assertThat(demo.roles()).filteredOn(r -> r.name().equals("ResotoAccess"))
        .allSatisfy(r -> assertThat(r.trust()).containsExactly("111111111111"));
    InstanceProfile profile = demo.instanceProfile().orElseThrow();
    assertThat(profile.role()).isEqualTo("worker-node");
    assertThat(profile.instanceId()).matches("i-[0-9a-f]{17}");
    assertThat(demo.settings().assumedRoleLifetime()).isEmpty();
  }

  @Test
  void derivesArnsAndDeterministicJoinDates() {
    Estate demo = Estate.demo();
    Organization org = demo.organization().orElseThrow();
    assertThat(org.accountArn("222222222222"))
        .isEqualTo("arn:aws:organizations::111111111111:account/o-demo0a1b2c/222222222222");
    assertThat(demo.principals().get(0).arn()).isEqualTo("arn:aws:iam::111111111111:user/collector");
    assertThat(demo.role("222222222222", "ResotoAccess").orElseThrow().arn())
        .isEqualTo("arn:aws:iam::222222222222:role/ResotoAccess");
    assertThat(demo.roleByArn("arn:aws:iam::222222222222:role/ResotoAccess")).isPresent();
    assertThat(Arns.assumedRole("222222222222", "ResotoAccess", "s"))
        .isEqualTo("arn:aws:sts::222222222222:assumed-role/ResotoAccess/s");
    assertThat(demo.accounts()).extracting(Account::joined).containsExactly(
        Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-02T00:00:00Z"),
        Instant.parse("2020-01-03T00:00:00Z"));
    assertThat(Estate.demo().accounts()).isEqualTo(demo.accounts());
  }

  @Test
  void loadsFromAFileWithDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("small.yaml");
    Files.writeString(file, """
        accounts:
          - {id: "123456789012", name: solo, regions: [eu-west-1], joined: 2021-03-04T05:06:07Z}
        """);
    Estate estate = Estate.load(file);
    Account solo = estate.accounts().get(0);
    assertThat(estate.organization()).isEmpty();
    assertThat(solo.status()).isEqualTo("ACTIVE");
    assertThat(solo.email()).isEqualTo("aws-123456789012@example.com");
    assertThat(solo.parent()).isNull();
    assertThat(solo.joined()).isEqualTo(Instant.parse("2021-03-04T05:06:07Z"));
    assertThat(estate.instanceProfile()).isEmpty();
  }

  @Test
  void accountsWithoutParentGoUnderTheFirstRoot() {
    Estate estate = Estate.parse("""
        organization: {id: o-abcdefghij, management_account: "123456789012", roots: [{id: r-abcd, name: Root}]}
        accounts: [{id: "123456789012", name: m, regions: [us-east-1]}]
        """, "t");
    assertThat(estate.accountsUnder("r-abcd")).hasSize(1);
  }

  @Test
  void keepsResourcesAsRawData() {
    Estate estate = Estate.parse("""
        accounts: [{id: "123456789012", name: a, regions: [us-east-1, eu-west-1]}]
        resources:
          "123456789012":
            us-east-1:
              ec2:
                Reservations:
                  - Instances: [{InstanceId: i-1, InstanceType: t3.micro}]
            global:
              iam: {Users: [{UserName: alice}]}
        """, "t");
    RawResources resources = estate.resources();
    assertThat(resources.accounts()).containsExactly("123456789012");
    assertThat(resources.regions("123456789012")).containsExactly("us-east-1", "global");
    Object ec2 = resources.get("123456789012", "us-east-1", "ec2");
    assertThat(ec2).isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) ec2).get("Reservations")).isInstanceOf(List.class);
    assertThat(resources.services("123456789012", "global")).containsOnlyKeys("iam");
    assertThat(resources.get("123456789012", "eu-west-1", "ec2")).isNull();
    assertThatThrownBy(() -> ((Map<String, Object>) ec2).put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsPriceListsPerServiceCodeWithTimestampsAsText() {
    Estate estate = Estate.parse("""
        accounts: [{id: "123456789012", name: a, regions: [us-east-1]}]
        pricing:
          AmazonEC2:
            - product: {productFamily: Storage, sku: S1, attributes: {volumeApiName: gp3}}
              serviceCode: AmazonEC2
              publicationDate: 2025-09-30T21:04:11Z
        """, "t");
    assertThat(estate.pricing().serviceCodes()).containsExactly("AmazonEC2");
    Map<String, Object> doc = estate.pricing().documents("AmazonEC2").get(0);
    assertThat(PriceLists.attributes(doc)).containsEntry("volumeApiName", "gp3");
    assertThat(doc).containsEntry("publicationDate", "2025-09-30T21:04:11Z");
    assertThat(estate.pricing().documents("AmazonS3")).isEmpty();
    assertThat(Estate.demo().pricing().documents("AmazonEC2")).hasSize(12);
  }

  @Test
  void priceListsWithoutProductAttributesOrOfAnotherServiceAreRefused() {
    assertThat(problems("""
        pricing:
          AmazonEC2:
            - {serviceCode: AmazonEC2}
            - {product: {attributes: [a]}, serviceCode: AmazonS3}
          AmazonS3: {not: a list}
        """)).containsExactlyInAnyOrder(
        "pricing.AmazonEC2[0].product: is required",
        "pricing.AmazonEC2[1].product.attributes: expected a mapping, got a list",
        "pricing.AmazonEC2[1].serviceCode: \"AmazonS3\" is not AmazonEC2",
        "pricing.AmazonS3: expected a list, got a mapping");
  }

  @Test
  void reportsAllProblemsAtOnceWithTheirPaths() {
    List<String> problems = problems("""
        organization:
          id: o-a1b2c3d4e5
          management_account: "999999999999"
          roots: [{id: r-ab12, name: Root}]
          units:
            - {id: ou-ab12-11111111, name: Production, parent: r-ab12}
            - {id: ou-ab12-22222222, name: Payments, parent: ou-ab12-99999999}
            - {id: ou-ab12-11111111, name: Again, parent: r-ab12}
        accounts:
          - {id: "111111111111", name: mgmt, parent: r-ab12, regions: [us-east-1], not_opted_in: [eu-west-1]}
          - {id: "11111111111", name: short, parent: r-ab12, regions: [us-east-1]}
          - {id: "111111111111", name: dup, parent: ou-ab12-nope0000, regions: [us-east-1, moon-1], status: GONE}
        principals:
          - {account: "222222222222", user: collector, access_key_id: AKIAX, secret_access_key: s}
        roles:
          - {account: "333333333333", name: ResotoAccess, trust: ["111111111111"]}
          - {account: "111111111111", name: R, trust: [nobody], max_session_duration: 100}
        instance_profile: {account: "111111111111", role: missing}
        """);
    assertThat(problems).contains(
        "organization.management_account: account \"999999999999\" is not in accounts",
        "organization.units[1].parent: unknown parent \"ou-ab12-99999999\" (neither a root nor an OU)",
        "organization.units[2].id: duplicate id \"ou-ab12-11111111\"",
        "accounts[0].not_opted_in[0]: \"eu-west-1\" is not an opt-in region; it is always enabled",
        "accounts[2].id: duplicate account id \"111111111111\"",
        "accounts[2].parent: unknown parent \"ou-ab12-nope0000\" (neither a root nor an OU)",
        "accounts[2].regions[1]: \"moon-1\" is not a region name",
        "principals[0].account: unknown account \"222222222222\"",
        "roles[0].account: unknown account \"333333333333\"",
        "roles[1].trust[0]: \"nobody\" is neither a 12-digit account id nor a principal ARN",
        "roles[1].max_session_duration: must be between 3600 and 43200 seconds, got 100",
        "instance_profile.role: no role \"missing\" in account 111111111111");
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("accounts[1].id: \"11111111111\" is not a 12-digit"));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("accounts[2].status: \"GONE\""));
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("principals[0].access_key_id: \"AKIAX\""));
    assertThat(problems).hasSize(15);
  }

  @Test
  void reportsShapeProblemsAndUnknownKeys() {
    List<String> problems = problems("""
        acounts: []
        accounts:
          - "just a string"
          - {id: "111111111111", name: a, regions: us-east-1, colour: blue}
        roles:
          - {account: "111111111111", name: r, trust: ["111111111111"], web_identity: maybe}
        settings: {assumed_role_lifetime_seconds: soon}
        """);
    assertThat(problems).containsExactlyInAnyOrder(
        "acounts: unknown key (expected one of [accounts, instance_profile, organization, pricing, principals, "
            + "resources, roles, settings])",
        "accounts[0]: expected a mapping, got \"just a string\"",
        "accounts[1].colour: unknown key (expected one of [alias, email, id, joined, name, not_opted_in, parent, "
            + "regions, status])",
        "accounts[1].regions: expected a list, got \"us-east-1\"",
        "roles[0].web_identity: expected true or false, got \"maybe\"",
        "settings.assumed_role_lifetime_seconds: expected an integer, got \"soon\"");
  }

  @Test
  void theMetricPageSizeIsASettingAndMustBePositive() {
    assertThat(Estate.parse("accounts: []\nsettings: {metric_datapoints_per_page: 7}\n", "t").settings()
        .metricDataPageSize()).isEqualTo(7);
    assertThat(Estate.parse("accounts: []\n", "t").settings().metricDataPageSize()).isEqualTo(100_800);
    assertThat(problems("accounts: []\nsettings: {metric_datapoints_per_page: 0}\n"))
        .containsExactly("settings.metric_datapoints_per_page: must be positive, got 0");
  }

  @Test
  void reportsMissingRequiredValues() {
    assertThat(problems("""
        accounts: [{name: nameless, regions: []}]
        principals: [{account: "111111111111"}]
        """)).contains(
        "accounts[0].id: is required",
        "accounts[0].regions: an account needs at least one enabled region",
        "principals[0].account: unknown account \"111111111111\"",
        "principals[0].user: is required",
        "principals[0].access_key_id: is required",
        "principals[0].secret_access_key: is required");
  }

  @Test
  void unquotedAccountIdsThatLostDigitsAreCaught() {
    assertThat(problems("""
        accounts: [{id: 012345670123, name: octal, regions: [us-east-1]}]
        """)).singleElement().asString().startsWith("accounts[0].id: ").contains("quote account ids");
  }

  @Test
  void rejectsOuCyclesAndResourcesOfUnknownAccountsOrRegions() {
    List<String> problems = problems("""
        organization:
          id: o-a1b2c3d4e5
          management_account: "111111111111"
          roots: [{id: r-ab12, name: Root}]
          units:
            - {id: ou-ab12-11111111, name: A, parent: ou-ab12-22222222}
            - {id: ou-ab12-22222222, name: B, parent: ou-ab12-11111111}
        accounts: [{id: "111111111111", name: m, regions: [us-east-1]}]
        resources:
          "111111111111": {eu-west-1: {ec2: {}}}
          "222222222222": {us-east-1: {ec2: {}}}
        """);
    assertThat(problems).containsExactlyInAnyOrder(
        "organization.units[0].parent: OU \"ou-ab12-11111111\" is its own ancestor",
        "organization.units[1].parent: OU \"ou-ab12-22222222\" is its own ancestor",
        "resources.111111111111.eu-west-1: region \"eu-west-1\" is not enabled for account 111111111111 "
            + "(use \"global\" for global services)",
        "resources.222222222222: unknown account \"222222222222\"");
  }

  @Test
  void yamlSyntaxErrorsAreReported() {
    assertThat(problems("accounts: [unclosed")).singleElement().asString().startsWith("(yaml): ");
    assertThat(problems("accounts: []\naccounts: []\n")).singleElement().asString().contains("duplicate key");
  }
}
