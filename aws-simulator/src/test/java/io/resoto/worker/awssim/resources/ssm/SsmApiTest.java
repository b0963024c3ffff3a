package io.resoto.worker.awssim.resources.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DocumentIdentifier;
import software.amazon.awssdk.services.ssm.model.DocumentPermissionType;
import software.amazon.awssdk.services.ssm.model.ListDocumentsResponse;

/** SSM's listings over the wire (JSON 1.1), from the demo estate's us-east-1 documents and nodes. */
class SsmApiTest {

  private static Simulation sim;
  private static SsmClient ssm;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    ssm = DemoClients.client(sim, SsmClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    ssm.close();
    sim.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void documentsAreFilteredByOwner() {
    assertThat(ssm.listDocuments(b -> b.filters(f -> f.key("Owner").values("Self"))).documentIdentifiers())
        .extracting(DocumentIdentifier::name).containsExactly("demo-patch-web", "demo-rotate-logs");
    assertThat(ssm.listDocuments(b -> b.filters(f -> f.key("Owner").values("Amazon"))).documentIdentifiers())
        .extracting(DocumentIdentifier::name).containsExactly("AWS-RunShellScript");
    assertThat(ssm.listDocuments(b -> {}).documentIdentifiers()).hasSize(3);
    ListDocumentsResponse first = ssm.listDocuments(b -> b.maxResults(1));
    assertThat(first.nextToken()).isNotNull();
    assertThat(ssm.listDocuments(b -> b.maxResults(5).nextToken(first.nextToken())).documentIdentifiers()).hasSize(2);
    assertThatThrownBy(() -> ssm.listDocuments(b -> b.filters(f -> f.key("Color").values("red"))))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidFilterKey"));
    assertThatThrownBy(() -> ssm.listDocuments(b -> b.nextToken("bogus")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidNextToken"));
  }

  @Test
  void unknownDocumentsAndBadPageSizesAreRefused() {
    assertThatThrownBy(() -> ssm.describeDocument(b -> b.name("nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidDocument"));
    assertThatThrownBy(() -> ssm.getDocument(b -> b.name("nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidDocument"));
    assertThatThrownBy(() -> ssm.describeInstanceInformation(b -> b.maxResults(4)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ValidationException"));
    assertThat(ssm.describeDocumentPermission(b -> b.name("demo-rotate-logs")
        .permissionType(DocumentPermissionType.SHARE)).accountIds()).isEmpty();
    assertThat(ssm.describeDocumentPermission(b -> b.name("demo-patch-web")
        .permissionType(DocumentPermissionType.SHARE)).accountIds()).containsExactly("222222222222");
  }
}
