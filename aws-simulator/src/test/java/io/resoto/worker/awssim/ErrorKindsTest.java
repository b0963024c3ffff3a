package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/** Each AwsError kind reaches the real SDK with the status and code of each protocol. */
class ErrorKindsTest {
  private static AwsSimulator sim;
  private static volatile AwsError toThrow;

  /** kind -> {EC2, query, JSON, REST-JSON, REST-XML} as "status code". */
  private static final Map<AwsError.Kind, String[]> TABLE = Map.of(
      AwsError.Kind.THROTTLING, new String[] {"503 RequestLimitExceeded", "400 Throttling", "400 ThrottlingException",
          "400 ThrottlingException", "503 SlowDown"},
      AwsError.Kind.ACCESS_DENIED, new String[] {"403 UnauthorizedOperation", "403 AccessDenied",
          "400 AccessDeniedException", "403 AccessDeniedException", "403 AccessDenied"},
      AwsError.Kind.REGION_NOT_ENABLED, new String[] {"401 AuthFailure", "403 InvalidClientTokenId",
          "400 UnrecognizedClientException", "403 UnrecognizedClientException", "403 InvalidAccessKeyId"},
      AwsError.Kind.OPT_IN_REQUIRED, new String[] {"403 OptInRequired", "403 OptInRequired", "403 OptInRequired",
          "403 OptInRequired", "403 OptInRequired"},
      AwsError.Kind.INTERNAL, new String[] {"500 InternalError", "500 InternalError", "500 InternalFailure",
          "500 InternalFailure", "500 InternalError"},
      AwsError.Kind.SERVICE_UNAVAILABLE, new String[] {"503 Unavailable", "503 ServiceUnavailable",
          "503 ServiceUnavailable", "503 ServiceUnavailable", "503 ServiceUnavailable"},
      AwsError.Kind.INVALID_CLIENT_TOKEN, new String[] {"401 AuthFailure", "403 InvalidClientTokenId",
          "400 UnrecognizedClientException", "403 UnrecognizedClientException", "403 InvalidAccessKeyId"},
      AwsError.Kind.EXPIRED_TOKEN, new String[] {"400 RequestExpired", "403 ExpiredToken",
          "400 ExpiredTokenException", "403 ExpiredTokenException", "400 ExpiredToken"},
      AwsError.Kind.SIGNATURE_DOES_NOT_MATCH, new String[] {"403 SignatureDoesNotMatch", "403 SignatureDoesNotMatch",
          "403 SignatureDoesNotMatch", "403 SignatureDoesNotMatch", "403 SignatureDoesNotMatch"});

  private static final String[] PROTOCOLS = {"ec2", "query", "json", "rest-json", "rest-xml"};

  @BeforeAll
  static void start() throws Exception {
    sim = SimSupport.start(new SimSupport.Keys());
    sim.on(DescribeRegionsRequest.class, (ctx, req) -> { throw toThrow; });
    sim.on(GetCallerIdentityRequest.class, (ctx, req) -> { throw toThrow; });
    sim.on(ListAccountsRequest.class, (ctx, req) -> { throw toThrow; });
    sim.on(ListFunctionsRequest.class, (ctx, req) -> { throw toThrow; });
    sim.on(ListBucketsRequest.class, (ctx, req) -> { throw toThrow; });
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    TABLE.forEach((kind, row) -> {
      for (int i = 0; i < PROTOCOLS.length; i++) {
        String[] sc = row[i].split(" ");
        out.add(Arguments.of(PROTOCOLS[i], kind, Integer.parseInt(sc[0]), sc[1]));
      }
    });
    return out;
  }

  static AwsServiceException call(String protocol, boolean apache) {
    var endpoint = sim.endpoint();
    var creds = SimSupport.defaultCredentials();
    switch (protocol) {
      case "ec2" -> {
        try (Ec2Client c = SimSupport.client(Ec2Client.builder(), endpoint, creds, false, apache)) {
          return catchThrowableOfType(AwsServiceException.class, c::describeRegions);
        }
      }
      case "query" -> {
        try (StsClient c = SimSupport.client(StsClient.builder(), endpoint, creds, false, apache)) {
          return catchThrowableOfType(AwsServiceException.class, c::getCallerIdentity);
        }
      }
      case "json" -> {
        try (OrganizationsClient c = SimSupport.client(OrganizationsClient.builder(), endpoint, creds, false, apache)) {
          return catchThrowableOfType(AwsServiceException.class, c::listAccounts);
        }
      }
      case "rest-json" -> {
        try (LambdaClient c = SimSupport.client(LambdaClient.builder(), endpoint, creds, false, apache)) {
          return catchThrowableOfType(AwsServiceException.class, c::listFunctions);
        }
      }
      default -> {
        try (S3Client c = SimSupport.client(S3Client.builder(), endpoint, creds, false, apache)) {
          return catchThrowableOfType(AwsServiceException.class, c::listBuckets);
        }
      }
    }
  }

  @ParameterizedTest(name = "{1} over {0} is {2} {3}")
  @MethodSource("cases")
  void kindIsRenderedPerProtocol(String protocol, AwsError.Kind kind, int status, String code) {
    toThrow = AwsError.of(kind, "simulated " + kind);
    AwsServiceException e = call(protocol, status == 401);
    assertThat(e).as("an AWS service error").isNotNull();
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    if (!code.equals("SlowDown")) {
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("simulated " + kind);
    }
    assertThat(e.requestId()).isNotBlank();
  }

  @Test
  void customErrorsKeepTheirStatusAndCode() {
    toThrow = AwsError.of(404, "NoSuchEntity", "The role cannot be found");
    for (String p : PROTOCOLS) {
      AwsServiceException e = call(p, false);
      assertThat(e.statusCode()).as(p).isEqualTo(404);
      assertThat(e.awsErrorDetails().errorCode()).as(p).isEqualTo("NoSuchEntity");
    }
  }

  @Test
  void unexpectedHandlerExceptionsAreInternalErrors() {
    sim.on(GetCallerIdentityRequest.class, (ctx, req) -> {
      throw new IllegalStateException("bug in a handler");
    });
    try {
      AwsServiceException e = call("query", false);
      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
    } finally {
      sim.on(GetCallerIdentityRequest.class, (ctx, req) -> { throw toThrow; });
    }
  }
}
