package io.resoto.worker.awssim.resources.acm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ListCertificatesResponse;

/** ListCertificates and DescribeCertificate over the wire, from the demo estate's us-east-1 certificates. */
class AcmApiTest {

  private static final String ARN = "arn:aws:acm:us-east-1:111111111111:certificate/0a11c0e0-0000-4000-8000-00000000000";
  private static Simulation sim;
  private static AcmClient acm;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    acm = DemoClients.client(sim, AcmClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    acm.close();
    sim.close();
  }

  private static List<String> arns(ListCertificatesResponse r) {
    return r.certificateSummaryList().stream().map(CertificateSummary::certificateArn).toList();
  }

  @Test
  void theDefaultListingHoldsRsaCertificatesOnlyAsInAws() {
    assertThat(arns(acm.listCertificates(b -> {}))).containsExactly(ARN + "1");
    assertThat(arns(acm.listCertificates(b -> b.includes(i -> i.keyTypes(KeyAlgorithm.EC_PRIME256_V1,
        KeyAlgorithm.RSA_2048))))).containsExactly(ARN + "1", ARN + "2");
    assertThat(arns(acm.listCertificates(b -> b.includes(i -> i.keyTypes(KeyAlgorithm.EC_PRIME256_V1))
        .certificateStatuses(CertificateStatus.ISSUED)))).isEmpty();
    CertificateSummary s = acm.listCertificates(b -> {}).certificateSummaryList().get(0);
    assertThat(s.domainName()).isEqualTo("www.demo.example");
    assertThat(s.inUse()).isTrue();
  }

  @Test
  void pagesFollowMaxItemsAndForeignTokensAreRefused() {
    ListCertificatesResponse first = acm.listCertificates(b -> b.maxItems(1)
        .includes(i -> i.keyTypes(KeyAlgorithm.EC_PRIME256_V1, KeyAlgorithm.RSA_2048)));
    assertThat(arns(first)).containsExactly(ARN + "1");
    ListCertificatesResponse second = acm.listCertificates(b -> b.maxItems(1).nextToken(first.nextToken())
        .includes(i -> i.keyTypes(KeyAlgorithm.EC_PRIME256_V1, KeyAlgorithm.RSA_2048)));
    assertThat(arns(second)).containsExactly(ARN + "2");
    assertThat(second.nextToken()).isNull();
    assertThatThrownBy(() -> acm.listCertificates(b -> b.nextToken(first.nextToken())))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgsException"));
    assertThatThrownBy(() -> acm.listCertificates(b -> b.maxItems(1001)))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }

  @Test
  void describeAnswersTheCertificateOrAwsErrors() {
    assertThat(acm.describeCertificate(b -> b.certificateArn(ARN + "2")).certificate().issuer())
        .isEqualTo("Demo Internal CA");
    assertThatThrownBy(() -> acm.describeCertificate(b -> b.certificateArn(ARN + "9")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    assertThatThrownBy(() -> acm.describeCertificate(b -> b.certificateArn("not-an-arn")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArnException"));
  }
}
