package io.resoto.worker.aws.account;

import static io.resoto.worker.aws.account.ConfiguredAccountDiscoveryTest.KEY1;
import static io.resoto.worker.aws.account.ConfiguredAccountDiscoveryTest.KEY3;
import static io.resoto.worker.aws.account.ConfiguredAccountDiscoveryTest.SECRET1;
import static io.resoto.worker.aws.account.ConfiguredAccountDiscoveryTest.SECRET3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.AssumedRoleCredentials;
import io.resoto.worker.aws.credentials.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
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
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Reaching one given account the way the collect would, without listing the organisation. */
class AccountAccessTest {

  static final String MGMT = "111111111111";
  static final String PAYMENTS = "222222222222";
  static final String SANDBOX = "333333333333";

  Simulation org;
  final List<AutoCloseable> toClose = new ArrayList<>();
  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("estates/accounts-org.yaml")) {
      org = Simulation.start(Estate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "accounts-org"));
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    org.close();
  }

  AccountAccess access(Object... overrides) {
    AwsConfig config = TestSupport.config(org, overrides);
    AwsClientFactory clients = new AwsClientFactory(config);
    AccountAccess access = new AccountAccess(config, clients);
    toClose.add(clients);
    toClose.add(access);
    return access;
  }

  AccountAccess keys(Object... overrides) {
    List<Object> all = new ArrayList<>(List.of("accessKeyId", KEY1, "secretAccessKey", SECRET1));
    all.addAll(List.of(overrides));
    return access(all.toArray());
  }

  /** Who the credentials are, as STS says. */
  String caller(AwsCredentialsProvider credentials) {
    try (StsClient sts = StsClient.builder().endpointOverride(org.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials).build()) {
      return sts.getCallerIdentity().arn();
    }
  }

  @Test
  void theKeysReachTheirOwnAccountOnly() {
    AccountAccess access = keys();
    assertThat(caller(access.credentials(MGMT, "aws"))).isEqualTo("arn:aws:iam::111111111111:user/collector");
    assertThatThrownBy(() -> access.credentials(PAYMENTS, "aws"))
        .hasMessageStartingWith("no credentials of the aws config reach account 222222222222: access_key_id belongs"
            + " to account 111111111111 (");
  }

  @Test
  void roleWithAccountListAssumesTheRoleInAListedAccountAndKeepsTheSession() {
    AccountAccess access = keys("role", "ResotoAccess", "account", List.of(PAYMENTS));
    AwsCredentialsProvider credentials = access.credentials(PAYMENTS, "aws");
    assertThat(credentials).isInstanceOf(AssumedRoleCredentials.class);
    assertThat(caller(credentials)).startsWith("arn:aws:sts::222222222222:assumed-role/ResotoAccess/");
    assertThat(access.credentials(PAYMENTS, "aws")).isSameAs(credentials);
    assertThatThrownBy(() -> access.credentials(SANDBOX, "aws"))
        .hasMessageStartingWith("no credentials of the aws config reach account 333333333333: access_key_id belongs"
            + " to account 111111111111 and aws.account does not list 333333333333 (");
  }

  @Test
  void aRoleThatCannotBeAssumedIsReportedWithItsArn() {
    AccountAccess access = keys("role", "Locked", "account", List.of(PAYMENTS));
    assertThatThrownBy(() -> access.credentials(PAYMENTS, "aws"))
        .hasMessageStartingWith("no credentials of the aws config reach account 222222222222: access_key_id as"
            + " arn:aws:iam::222222222222:role/Locked: AccessDenied");
  }

  @Test
  void scrapeOrgUsesTheOwnCredentialsInTheCurrentAccountAndTheRoleElsewhere() {
    AccountAccess access = keys("role", "ResotoAccess", "scrapeOrg", true, "scrapeExcludeAccount", List.of(SANDBOX));
    assertThat(caller(access.credentials(MGMT, "aws"))).isEqualTo("arn:aws:iam::111111111111:user/collector");
    assertThat(caller(access.credentials(PAYMENTS, "aws")))
        .startsWith("arn:aws:sts::222222222222:assumed-role/ResotoAccess/");
    assertThatThrownBy(() -> access.credentials(SANDBOX, "aws"))
        .hasMessageStartingWith("no credentials of the aws config reach account 333333333333:"
            + " aws.scrape_exclude_account lists it (");
  }

  @Test
  void scrapeOrgWithAssumeCurrentAssumesTheRoleInTheCurrentAccountToo() {
    AccountAccess access = keys("role", "ResotoAccess", "scrapeOrg", true, "assumeCurrent", true,
        "doNotScrapeCurrent", true);
    assertThat(caller(access.credentials(MGMT, "aws"))).startsWith("arn:aws:sts::111111111111:assumed-role/ResotoAccess/");
  }

  @Test
  void ofSeveralProfilesTheOneOfTheAccountIsTaken() throws Exception {
    Files.writeString(dir.resolve("credentials"),
        "[mgmt]\naws_access_key_id = " + KEY1 + "\naws_secret_access_key = " + SECRET1 + "\n"
            + "[sandbox]\naws_access_key_id = " + KEY3 + "\naws_secret_access_key = " + SECRET3 + "\n");
    try (TestSupport.SystemProperties p = new TestSupport.SystemProperties()
        .set("aws.sharedCredentialsFile", dir.resolve("credentials").toString())
        .set("aws.configFile", dir.resolve("config").toString())) {
      AccountAccess access = access("profiles", List.of("mgmt", "sandbox"));
      assertThat(access.credentials(SANDBOX, "aws").resolveCredentials().accessKeyId()).isEqualTo(KEY3);
      assertThat(access.credentials(MGMT, "aws").resolveCredentials().accessKeyId()).isEqualTo(KEY1);
      assertThatThrownBy(() -> access.credentials(PAYMENTS, "aws"))
          .hasMessageStartingWith("no credentials of the aws config reach account 222222222222: profile mgmt belongs"
              + " to account 111111111111; profile sandbox belongs to account 333333333333 (");
    }
  }
}
