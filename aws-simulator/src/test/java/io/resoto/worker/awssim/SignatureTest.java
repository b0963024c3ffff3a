package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesRequest;
import software.amazon.awssdk.services.s3.model.GetObjectAttributesResponse;
import software.amazon.awssdk.services.s3.model.ObjectAttributes;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** SigV4 verification against the real SDK's signer. */
class SignatureTest {
  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private final SimSupport.Keys keys = new SimSupport.Keys();
  private AwsSimulator sim;

  @BeforeEach
  void start() throws Exception {
    keys.add(new KeyRecord("ASIASESSION", "session-secret", "the-token", NOW.plusSeconds(3600), SimSupport.USER));
    keys.add(new KeyRecord("ASIAEXPIRED", "expired-secret", "old-token", NOW.minusSeconds(1), SimSupport.USER));
    sim = SimSupport.start(keys, Clock.fixed(NOW, ZoneOffset.UTC));
    sim.on(GetCallerIdentityRequest.class, (ctx, req) -> GetCallerIdentityResponse.builder()
        .account(ctx.caller().accountId()).arn(ctx.caller().arn()).userId(ctx.caller().userId()).build());
    sim.on(DescribeRegionsRequest.class, (ctx, req) -> DescribeRegionsResponse.builder().build());
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private AwsServiceException stsFails(software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
    try (StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint(), credentials, false)) {
      return catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
    }
  }

  @Test
  void aCorrectlySignedCallSucceedsForLongTermAndSessionKeys() {
    try (StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint())) {
      assertThat(sts.getCallerIdentity().account()).isEqualTo(SimSupport.ACCOUNT);
    }
    try (StsClient sts = SimSupport.client(StsClient.builder(), sim.endpoint(),
        SimSupport.session("ASIASESSION", "session-secret", "the-token"), false)) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo(SimSupport.USER.arn());
    }
  }

  @Test
  void wrongSecretIsSignatureDoesNotMatch() {
    AwsServiceException e = stsFails(AwsBasicCredentials.create(SimSupport.KEY_ID, "not-the-secret"));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(sim.counters().get("sts", "GetCallerIdentity").failed()).isEqualTo(1);
  }

  @Test
  void wrongSecretIsDetectedForRestProtocolsToo() {
    AwsBasicCredentials wrong = AwsBasicCredentials.create(SimSupport.KEY_ID, "not-the-secret");
    sim.on(GetFunctionRequest.class, (ctx, req) -> GetFunctionResponse.builder().build());
    sim.on(GetObjectAttributesRequest.class, (ctx, req) -> GetObjectAttributesResponse.builder().build());
    try (LambdaClient lambda = SimSupport.client(LambdaClient.builder(), sim.endpoint(), wrong, false);
        S3Client s3 = SimSupport.client(S3Client.builder(), sim.endpoint(), wrong, false)) {
      AwsServiceException l = catchThrowableOfType(AwsServiceException.class,
          () -> lambda.getFunction(r -> r.functionName("my fn:1")));
      assertThat(l.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
      AwsServiceException s = catchThrowableOfType(AwsServiceException.class,
          () -> s3.getObjectAttributes(r -> r.bucket("b").key("dir/a b+c.txt")
              .objectAttributes(ObjectAttributes.E_TAG)));
      assertThat(s.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
    }
    // and the same paths verify with the right secret: the path encodings are right
    try (LambdaClient lambda = SimSupport.client(LambdaClient.builder(), sim.endpoint());
        S3Client s3 = SimSupport.client(S3Client.builder(), sim.endpoint())) {
      lambda.getFunction(r -> r.functionName("my fn:1"));
      s3.getObjectAttributes(r -> r.bucket("b").key("dir/a b+c.txt").objectAttributes(ObjectAttributes.E_TAG));
    }
  }

  @Test
  void unknownKeyIsInvalidClientTokenIdOnStsAndAuthFailureOnEc2() {
    AwsBasicCredentials unknown = AwsBasicCredentials.create("AKIAUNKNOWN", "whatever");
    AwsServiceException e = stsFails(unknown);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
    assertThat(e.statusCode()).isEqualTo(403);
    try (Ec2Client ec2 = SimSupport.client(Ec2Client.builder(), sim.endpoint(), unknown, false, true)) {
      AwsServiceException x = catchThrowableOfType(AwsServiceException.class, ec2::describeRegions);
      assertThat(x.awsErrorDetails().errorCode()).isEqualTo("AuthFailure");
      assertThat(x.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void expiredSessionIsExpiredToken() {
    AwsServiceException e = stsFails(SimSupport.session("ASIAEXPIRED", "expired-secret", "old-token"));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
    assertThat(e.statusCode()).isEqualTo(403);
  }

  @Test
  void missingOrWrongSessionTokenIsRejected() {
    AwsServiceException missing = stsFails(AwsBasicCredentials.create("ASIASESSION", "session-secret"));
    assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
    AwsServiceException wrong = stsFails(SimSupport.session("ASIASESSION", "session-secret", "other-token"));
    assertThat(wrong.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
  }

  @Test
  void unsignedOrGarbledRequestsAreRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = sim.endpoint().resolve("/");
    HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).contains("<Code>MissingAuthenticationToken</Code>");

    HttpResponse<String> garbled = http.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/2025/us-east-1")
        .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(garbled.statusCode()).isEqualTo(403);
    assertThat(garbled.body()).contains("<Code>IncompleteSignature</Code>");
  }
}
