package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.fault.MalformedKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;

/**
 * The malformed answers of {@link MalformedKind} other than CUT, per protocol family (EC2, query
 * XML, JSON, REST-JSON, REST-XML), as the real SDK sees them: a truncated or wrongly typed answer
 * fails to parse on the client (an SdkClientException, not a service error); a huge one (16 MiB
 * of an unknown member in front) still parses to the right result.
 */
class MalformedAnswersTest {
  private static final Instant WHEN = Instant.parse("2024-03-01T10:00:00Z");
  private static AwsSimulator sim;
  private static Ec2Client ec2;
  private static IamClient iam;
  private static OrganizationsClient org;
  private static LambdaClient lambda;
  private static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    sim = AwsSimulator.builder().credentials(new SimSupport.Keys()).faults(new FaultPlan(3)).start();
    sim.on(DescribeInstancesRequest.class, (ctx, req) -> DescribeInstancesResponse.builder().reservations(
        Reservation.builder().instances(Instance.builder().instanceId("i-1").launchTime(WHEN).amiLaunchIndex(0)
            .build()).build()).build());
    sim.on(ListUsersRequest.class, (ctx, req) -> ListUsersResponse.builder().users(User.builder().userName("u")
        .userId("AIDA1").arn("arn:aws:iam::123456789012:user/u").path("/").createDate(WHEN).build()).build());
    sim.on(ListAccountsRequest.class, (ctx, req) -> ListAccountsResponse.builder().accounts(Account.builder()
        .id("123456789012").name("a").joinedTimestamp(WHEN).build()).build());
    sim.on(ListFunctionsRequest.class, (ctx, req) -> ListFunctionsResponse.builder().functions(
        FunctionConfiguration.builder().functionName("f").codeSize(42L).build()).build());
    sim.on(ListBucketsRequest.class, (ctx, req) -> ListBucketsResponse.builder().buckets(Bucket.builder()
        .name("b").creationDate(WHEN).build()).build());
    ec2 = SimSupport.client(Ec2Client.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
    iam = SimSupport.client(IamClient.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
    org = SimSupport.client(OrganizationsClient.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
    lambda = SimSupport.client(LambdaClient.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
    s3 = SimSupport.client(S3Client.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
  }

  @AfterAll
  static void stop() {
    List.of(ec2, iam, org, lambda, s3).forEach(software.amazon.awssdk.core.SdkClient::close);
    sim.close();
  }

  /** Each family's call and what it returns when the answer is intact. */
  private static Map<String, Supplier<Object>> calls() {
    return Map.of(
        "ec2 (EC2 XML)", () -> ec2.describeInstances().reservations().get(0).instances().get(0).launchTime(),
        "iam (query XML)", () -> iam.listUsers().users().get(0).createDate(),
        "organizations (JSON 1.1)", () -> org.listAccounts().accounts().get(0).joinedTimestamp(),
        "lambda (REST-JSON)", () -> lambda.listFunctions().functions().get(0).codeSize(),
        "s3 (REST-XML)", () -> s3.listBuckets().buckets().get(0).creationDate());
  }

  @ParameterizedTest
  @EnumSource(value = MalformedKind.class, names = {"TRUNCATED", "WRONG_TYPES", "HUGE"})
  void eachFamilysAnswerIsCorrupted(MalformedKind kind) {
    FaultRule rule = FaultRule.any().malformedRate(1.0).malformed(kind);
    Map<String, Supplier<Object>> calls = calls();
    for (Map.Entry<String, Supplier<Object>> call : calls.entrySet()) {
      sim.faults().add(rule);
      long before = sim.faults().malformedAnswers();
      try {
        if (kind == MalformedKind.HUGE) {
          Object value = call.getValue().get();
          assertThat(value).as(call.getKey()).isIn(WHEN, 42L);
        } else {
          assertThatThrownBy(call.getValue()::get).as(call.getKey())
              .isInstanceOf(SdkClientException.class).isNotInstanceOf(SdkServiceException.class);
        }
        assertThat(sim.faults().malformedAnswers()).as(call.getKey()).isEqualTo(before + 1);
      } finally {
        sim.faults().remove(rule);
      }
      // the same call answers correctly without the rule
      assertThat(call.getValue().get()).as(call.getKey()).isIn(WHEN, 42L);
    }
  }

  @ParameterizedTest
  @EnumSource(MalformedKind.class)
  void theKindIsReadFromTheYamlAndKeptByTheOtherSetters(MalformedKind kind) {
    FaultRule rule = FaultRule.fromMap(Map.of("malformed", kind.name().toLowerCase(), "malformed_rate", 0.2));
    assertThat(rule.malformed()).isEqualTo(kind);
    assertThat(rule.service("ec2").errorRate(0.1).malformed()).isEqualTo(kind);
    assertThat(FaultRule.any().malformed()).isEqualTo(MalformedKind.CUT);
    assertThatThrownBy(() -> FaultRule.fromMap(Map.of("malformed", "garbled")))
        .hasMessage("malformed must be cut, truncated, wrong_types or huge, not 'garbled'");
  }
}
