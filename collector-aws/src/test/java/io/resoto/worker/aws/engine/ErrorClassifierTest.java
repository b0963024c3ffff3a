package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.ErrorClassifier.Category;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ErrorClassifierTest {

  private final ErrorClassifier classifier = new ErrorClassifier();

  static AwsServiceException aws(String code, int status, String message) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AccessDenied", "AccessDeniedException", "accessdeniedforthis",
      "UnauthorizedOperation", "AuthorizationError"})
  void accessDeniedFamily(String code) {
    var c = classifier.classify(aws(code, 403, "not allowed"), true);
    assertThat(c.category()).isEqualTo(Category.ACCESS_DENIED);
    assertThat(c.isSkip()).isTrue();
    assertThat(c.message()).isEqualTo("skipped: access denied (" + code + ": not allowed)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AuthFailure", "OptInRequired", "InvalidClientTokenId", "UnrecognizedClientException"})
  void regionNotEnabledInARegionalCall(String code) {
    var c = classifier.classify(aws(code, 401, "The security token included in the request is invalid."), true);
    assertThat(c.category()).isEqualTo(Category.REGION_NOT_ENABLED);
    assertThat(c.message()).startsWith("skipped: region not enabled in this account (" + code);
  }

  @Test
  void invalidTokenInAGlobalCallIsAnErrorNotASkip() {
    var c = classifier.classify(aws("InvalidClientTokenId", 403, "bad token"), false);
    assertThat(c.category()).isEqualTo(Category.ERROR);
    assertThat(c.isSkip()).isFalse();
    assertThat(classifier.classify(aws("AuthFailure", 401, "no"), false).category())
        .isEqualTo(Category.ACCESS_DENIED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
      "EC2ThrottledException", "RequestThrottled"})
  void throttlingFamily(String code) {
    var c = classifier.classify(aws(code, 400, "Rate exceeded"), true);
    assertThat(c.category()).isEqualTo(Category.THROTTLED);
    assertThat(c.code()).isEqualTo(code);
  }

  @Test
  void http429IsThrottlingWhateverTheCode() {
    assertThat(classifier.classify(aws("SomethingNew", 429, "slow down"), true).category())
        .isEqualTo(Category.THROTTLED);
  }

  @Test
  void unknownHostMeansTheServiceIsNotInTheRegion() {
    var e = SdkClientException.builder().message("Unable to execute HTTP request")
        .cause(new UnknownHostException("sagemaker.ap-east-1.amazonaws.com")).build();
    assertThat(classifier.classify(e, true).category()).isEqualTo(Category.NOT_AVAILABLE);
  }

  @Test
  void everythingElseIsAnError() {
    var c = classifier.classify(aws("InternalError", 500, "boom\nsecond line"), true);
    assertThat(c.category()).isEqualTo(Category.ERROR);
    assertThat(c.message()).isEqualTo("InternalError: boom");
    var npe = classifier.classify(new NullPointerException("x is null"), true);
    assertThat(npe.category()).isEqualTo(Category.ERROR);
    assertThat(npe.message()).isEqualTo("NullPointerException: x is null");
  }
}
