package io.resoto.worker.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.ErrorClassifier;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.fault.MalformedKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * A 2xx answer the SDK cannot read was an "SdkClientException: Unable to unmarshall response
 * (...)" without the call; now it names the call and says what was wrong, and the classifier
 * reports it as MalformedResponse.
 */
class MalformedResponsesTest {

  @Test
  void aTruncatedAnswerNamesTheCallAndTheReason() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo());
        AwsClientFactory clients = new AwsClientFactory(TestSupport.config(sim, Map.of()));
        Ec2Client ec2 = clients.create(Ec2Client.builder(), StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET)), "us-east-1")) {
      sim.aws().faults().add(FaultRule.forService("ec2").operation("DescribeVolumes").malformedRate(1.0)
          .malformed(MalformedKind.TRUNCATED));
      SdkClientException e = org.assertj.core.api.Assertions.catchThrowableOfType(SdkClientException.class,
          ec2::describeVolumes);
      assertThat(e.getMessage()).matches("malformed response from ec2:DescribeVolumes: not valid XML at line \\d+,"
          + " column \\d+: .+");
      ErrorClassifier.Classification c = new ErrorClassifier().classify(e, true);
      assertThat(c.category()).isEqualTo(ErrorClassifier.Category.ERROR);
      assertThat(c.code()).isEqualTo("MalformedResponse");
      assertThat(c.message()).isEqualTo(e.getMessage()).doesNotContain("\n");
      // other calls are untouched
      assertThat(ec2.describeVpcs().vpcs()).isNotEmpty();
    }
  }

  @Test
  void theReasonInWords() {
    assertThat(MalformedResponses.reason(new RuntimeException(new NumberFormatException("For input string: \"x\""))))
        .isEqualTo("a value of the wrong type: For input string: \"x\"");
    assertThat(MalformedResponses.reason(new RuntimeException(new java.io.EOFException(
        "Unexpected end-of-input in field name\n at [Source: (byte[])\"{\"; line: 1]"))))
        .isEqualTo("the body ends too early: Unexpected end-of-input in field name");
    assertThat(MalformedResponses.reason(new IllegalStateException())).isEqualTo("unreadable");
  }
}
