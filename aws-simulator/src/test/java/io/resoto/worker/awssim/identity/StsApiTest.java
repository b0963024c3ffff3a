package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.COLLECTOR_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static io.resoto.worker.awssim.identity.Fixtures.INTERN_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.OUTSIDER_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.awsError;
import static io.resoto.worker.awssim.identity.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Estate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class StsApiTest {
  private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");
  private static final String PAYMENTS_ROLE = "arn:aws:iam::222222222222:role/ResotoAccess";
  private static final String PROD_ROLE = "arn:aws:iam::333333333333:role/ResotoAccess";
  private static final String CHAINED_ROLE = "arn:aws:iam::333333333333:role/Chained";

  private final TestClock clock = new TestClock(NOW);
  private final EstateCredentials credentials = new EstateCredentials(ESTATE, clock);
  private final StsApi sts = new StsApi(ESTATE, credentials);

  private CallContext collector() {
    return call(credentials, COLLECTOR_KEY, "us-east-1");
  }

  private static AssumeRoleRequest.Builder assume(String roleArn) {
    return AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName("resoto");
  }

  @Test
  void getCallerIdentityReportsTheSigningPrincipal() {
    GetCallerIdentityResponse me = sts.getCallerIdentity(collector(), GetCallerIdentityRequest.builder().build());
    assertThat(me.account()).isEqualTo("111111111111");
    assertThat(me.arn()).isEqualTo("arn:aws:iam::111111111111:user/collector");
    assertThat(me.userId()).startsWith("AIDA").hasSize(21);
  }

  @Test
  void getCallerIdentityNeedsACaller() {
    CallContext unsigned = new CallContext("sts", "GetCallerIdentity", "us-east-1", null, null, "r");
    awsError(() -> sts.getCallerIdentity(unsigned, GetCallerIdentityRequest.builder().build()),
        403, "MissingAuthenticationToken");
  }

  @Test
  void assumeRoleMintsASessionTheStoreKnows() {
    AssumeRoleResponse r = sts.assumeRole(collector(), assume(PAYMENTS_ROLE).externalId("ext-secret-1").build());

    assertThat(r.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
    assertThat(r.credentials().secretAccessKey()).hasSize(40);
    assertThat(r.credentials().sessionToken()).isNotBlank();
    assertThat(r.credentials().expiration()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/ResotoAccess/resoto");
    assertThat(r.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z0-9]{17}:resoto");

    KeyRecord key = credentials.find(r.credentials().accessKeyId()).orElseThrow();
    assertThat(key.secretAccessKey()).isEqualTo(r.credentials().secretAccessKey());
    assertThat(key.sessionToken()).isEqualTo(r.credentials().sessionToken());
    assertThat(key.expiration()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(key.identity().accountId()).isEqualTo("222222222222");
    assertThat(key.identity().arn()).isEqualTo(r.assumedRoleUser().arn());
    assertThat(key.identity().userId()).isEqualTo(r.assumedRoleUser().assumedRoleId());
  }

  @Test
  void eachSessionGetsItsOwnKeys() {
    AssumeRoleResponse a = sts.assumeRole(collector(), assume(PROD_ROLE).build());
    AssumeRoleResponse b = sts.assumeRole(collector(), assume(PROD_ROLE).build());
    assertThat(a.credentials().accessKeyId()).isNotEqualTo(b.credentials().accessKeyId());
    assertThat(a.credentials().sessionToken()).isNotEqualTo(b.credentials().sessionToken());
  }

  @Test
  void unknownRoleIsDeniedLikeAws() {
    String ghost = "arn:aws:iam::222222222222:role/Ghost";
    assertThat(awsError(() -> sts.assumeRole(collector(), assume(ghost).build()), 403, "AccessDenied"))
        .hasMessage("User: arn:aws:iam::111111111111:user/collector is not authorized to perform: "
            + "sts:AssumeRole on resource: " + ghost);
  }

  @Test
  void accountTrustAdmitsEveryPrincipalOfTheAccount() {
    CallContext intern = call(credentials, INTERN_KEY, "us-east-1");
    assertThat(sts.assumeRole(intern, assume(PAYMENTS_ROLE).externalId("ext-secret-1").build()).credentials())
        .isNotNull();
  }

  @Test
  void principalTrustAdmitsOnlyThatPrincipal() {
    assertThat(sts.assumeRole(collector(), assume(PROD_ROLE).build()).credentials()).isNotNull();
    CallContext intern = call(credentials, INTERN_KEY, "us-east-1");
    assertThat(awsError(() -> sts.assumeRole(intern, assume(PROD_ROLE).build()), 403, "AccessDenied"))
        .hasMessageContaining("User: arn:aws:iam::111111111111:user/intern is not authorized")
        .hasMessageEndingWith("on resource: " + PROD_ROLE);
  }

  @Test
  void untrustedAccountIsDenied() {
    CallContext outsider = call(credentials, OUTSIDER_KEY, "us-east-1");
    awsError(() -> sts.assumeRole(outsider, assume(PAYMENTS_ROLE).externalId("ext-secret-1").build()),
        403, "AccessDenied");
  }

  @Test
  void externalIdIsRequiredAndMustMatch() {
    awsError(() -> sts.assumeRole(collector(), assume(PAYMENTS_ROLE).build()), 403, "AccessDenied");
    awsError(() -> sts.assumeRole(collector(), assume(PAYMENTS_ROLE).externalId("ext-secret-2").build()),
        403, "AccessDenied");
    assertThat(sts.assumeRole(collector(), assume(PAYMENTS_ROLE).externalId("ext-secret-1").build())).isNotNull();
  }

  @Test
  void sessionNameMustBe2To64AllowedCharacters() {
    assertThat(awsError(() -> sts.assumeRole(collector(), assume(PROD_ROLE).roleSessionName("a").build()),
        400, "ValidationError")).hasMessageContaining("'roleSessionName'").hasMessageContaining("greater than or equal to 2");
    awsError(() -> sts.assumeRole(collector(), assume(PROD_ROLE).roleSessionName("x".repeat(65)).build()),
        400, "ValidationError");
    assertThat(awsError(() -> sts.assumeRole(collector(), assume(PROD_ROLE).roleSessionName("no spaces").build()),
        400, "ValidationError")).hasMessageContaining("regular expression pattern");
    awsError(() -> sts.assumeRole(collector(), assume(PROD_ROLE).roleSessionName(null).build()),
        400, "ValidationError");
    assertThat(sts.assumeRole(collector(), assume(PROD_ROLE).roleSessionName("x".repeat(64)).build())).isNotNull();
    assertThat(sts.assumeRole(collector(), assume(PROD_ROLE).roleSessionName("a+b=c,d.e@f-g_h").build())
        .assumedRoleUser().arn()).endsWith("/a+b=c,d.e@f-g_h");
  }

  @Test
  void durationMustBeBetween900AndTheRolesMaximum() {
    awsError(() -> sts.assumeRole(collector(), assume(PROD_ROLE).durationSeconds(899).build()),
        400, "ValidationError");
    assertThat(awsError(() -> sts.assumeRole(collector(), assume(PROD_ROLE).durationSeconds(3601).build()),
        400, "ValidationError")).hasMessageContaining("MaxSessionDuration");
    AssumeRoleResponse shortest = sts.assumeRole(collector(), assume(PROD_ROLE).durationSeconds(900).build());
    assertThat(shortest.credentials().expiration()).isEqualTo(NOW.plusSeconds(900));
    AssumeRoleResponse longest = sts.assumeRole(collector(),
        assume(PAYMENTS_ROLE).externalId("ext-secret-1").durationSeconds(7200).build());
    assertThat(longest.credentials().expiration()).isEqualTo(NOW.plusSeconds(7200));
  }

  @Test
  void mintedCredentialsExpireByTheClock() {
    AssumeRoleResponse r = sts.assumeRole(collector(), assume(PROD_ROLE).durationSeconds(900).build());
    clock.advance(Duration.ofSeconds(600));
    AssumeRoleResponse later = sts.assumeRole(collector(), assume(PROD_ROLE).durationSeconds(900).build());
    assertThat(later.credentials().expiration()).isEqualTo(NOW.plusSeconds(1500));
    assertThat(credentials.find(r.credentials().accessKeyId()).orElseThrow().expiration())
        .isEqualTo(NOW.plusSeconds(900)).isBefore(clock.instant().plusSeconds(301));
  }

  @Test
  void lifetimeSettingOverridesTheRequestedDuration() {
    Estate shortLived = Estate.parse("""
        accounts:
          - {id: "111111111111", name: a, regions: [us-east-1]}
        principals:
          - {account: "111111111111", user: u, access_key_id: AKIATEST000000000009, secret_access_key: s}
        roles:
          - {account: "111111111111", name: r, trust: ["111111111111"], web_identity: true}
        settings:
          assumed_role_lifetime_seconds: 5
        """, "short-lived");
    EstateCredentials store = new EstateCredentials(shortLived, clock);
    StsApi api = new StsApi(shortLived, store);
    AssumeRoleResponse r = api.assumeRole(call(store, "AKIATEST000000000009", "us-east-1"),
        assume("arn:aws:iam::111111111111:role/r").durationSeconds(3600).build());
    assertThat(r.credentials().expiration()).isEqualTo(NOW.plusSeconds(5));
    AssumeRoleWithWebIdentityResponse web = api.assumeRoleWithWebIdentity(null,
        AssumeRoleWithWebIdentityRequest.builder().roleArn("arn:aws:iam::111111111111:role/r")
            .roleSessionName("pod").webIdentityToken("x.y.z").build());
    assertThat(web.credentials().expiration()).isEqualTo(NOW.plusSeconds(5));
  }

  @Test
  void roleChainingWorksWhenTheSessionsRoleIsTrusted() {
    AssumeRoleResponse first = sts.assumeRole(collector(), assume(PAYMENTS_ROLE).externalId("ext-secret-1").build());
    CallContext session = call(credentials, first.credentials().accessKeyId(), "us-east-1");

    AssumeRoleResponse chained = sts.assumeRole(session, assume(CHAINED_ROLE).roleSessionName("hop").build());
    assertThat(chained.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::333333333333:assumed-role/Chained/hop");
    assertThat(credentials.find(chained.credentials().accessKeyId()).orElseThrow().identity().accountId())
        .isEqualTo("333333333333");
    assertThat(sts.getCallerIdentity(call(credentials, chained.credentials().accessKeyId(), "us-east-1"),
        GetCallerIdentityRequest.builder().build()).arn()).isEqualTo(chained.assumedRoleUser().arn());
  }

  @Test
  void roleChainingIsLimitedToAnHour() {
    AssumeRoleResponse first = sts.assumeRole(collector(), assume(PAYMENTS_ROLE).externalId("ext-secret-1").build());
    CallContext session = call(credentials, first.credentials().accessKeyId(), "us-east-1");
    assertThat(awsError(() -> sts.assumeRole(session, assume(CHAINED_ROLE).durationSeconds(3601).build()),
        400, "ValidationError")).hasMessageContaining("role chaining");
  }

  @Test
  void roleChainingNeedsTrustToo() {
    AssumeRoleResponse prod = sts.assumeRole(collector(), assume(PROD_ROLE).build());
    CallContext session = call(credentials, prod.credentials().accessKeyId(), "us-east-1");
    assertThat(awsError(() -> sts.assumeRole(session, assume(CHAINED_ROLE).build()), 403, "AccessDenied"))
        .hasMessageStartingWith("User: arn:aws:sts::333333333333:assumed-role/ResotoAccess/resoto is not authorized");
  }

  @Test
  void webIdentityNeedsNoCallerAndReportsTheTokensClaims() {
    String claims = "{\"iss\":\"https://oidc.eks.eu-central-1.amazonaws.com/id/ABC\",\"sub\":"
        + "\"system:serviceaccount:resoto:worker\",\"aud\":[\"sts.amazonaws.com\"]}";
    String jwt = "eyJhbGciOiJSUzI1NiJ9." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    CallContext unsigned = new CallContext("sts", "AssumeRoleWithWebIdentity", "us-east-1", null, null, "r");

    AssumeRoleWithWebIdentityResponse r = sts.assumeRoleWithWebIdentity(unsigned,
        AssumeRoleWithWebIdentityRequest.builder().roleArn("arn:aws:iam::111111111111:role/irsa")
            .roleSessionName("pod-1").webIdentityToken(jwt).durationSeconds(7200).build());

    assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
    assertThat(r.credentials().expiration()).isEqualTo(NOW.plusSeconds(7200));
    assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::111111111111:assumed-role/irsa/pod-1");
    assertThat(r.subjectFromWebIdentityToken()).isEqualTo("system:serviceaccount:resoto:worker");
    assertThat(r.audience()).isEqualTo("sts.amazonaws.com");
    assertThat(r.provider()).isEqualTo("oidc.eks.eu-central-1.amazonaws.com/id/ABC");
    assertThat(credentials.find(r.credentials().accessKeyId())).isPresent();
  }

  @Test
  void webIdentityIsRefusedForRolesWithoutIt() {
    assertThat(awsError(() -> sts.assumeRoleWithWebIdentity(null, AssumeRoleWithWebIdentityRequest.builder()
        .roleArn("arn:aws:iam::111111111111:role/worker-node").roleSessionName("pod").webIdentityToken("a.b.c")
        .build()), 403, "AccessDenied")).hasMessage("Not authorized to perform sts:AssumeRoleWithWebIdentity");
  }

  @Test
  void webIdentityChecksTokenSessionNameAndDuration() {
    AssumeRoleWithWebIdentityRequest.Builder ok = AssumeRoleWithWebIdentityRequest.builder()
        .roleArn("arn:aws:iam::111111111111:role/irsa").roleSessionName("pod").webIdentityToken("opaque-token");
    awsError(() -> sts.assumeRoleWithWebIdentity(null, ok.copy().webIdentityToken("").build()), 400, "ValidationError");
    awsError(() -> sts.assumeRoleWithWebIdentity(null, ok.copy().webIdentityToken(null).build()), 400, "ValidationError");
    awsError(() -> sts.assumeRoleWithWebIdentity(null, ok.copy().roleSessionName("p").build()), 400, "ValidationError");
    awsError(() -> sts.assumeRoleWithWebIdentity(null, ok.copy().durationSeconds(7201).build()), 400, "ValidationError");
    assertThat(sts.assumeRoleWithWebIdentity(null, ok.build()).subjectFromWebIdentityToken()).isNull();
  }
}
