package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/aws-coverage.md is what {@link KindCoverage} renders from the registry, and says what it should. */
class KindCoverageTest {

  private static final Path PAGE = Path.of("..", "docs", "aws-coverage.md");

  @Test
  void theShippedPageIsUpToDate() throws Exception {
    assertThat(Files.readString(PAGE))
        .as("docs/aws-coverage.md is out of date: regenerate it with 'java -cp worker-app/target/worker.jar"
            + " io.resoto.worker.aws.engine.KindCoverage > docs/aws-coverage.md'")
        .isEqualTo(KindCoverage.render(KindRegistry.kinds()));
  }

  @Test
  void everyKindIsListedWithItsCallsAndEdges() {
    String page = KindCoverage.render(KindRegistry.kinds());
    for (AwsKind k : KindRegistry.kinds()) {
      assertThat(page).contains("\n### " + k.name() + "\n");
      k.apiCalls().forEach(c -> assertThat(page).contains("`" + c + "`"));
    }
    assertThat(page).contains("**" + KindRegistry.kinds().size() + " kinds**");
    // the SQS queue's KMS key edge, seen from both ends
    String queue = section(page, "aws_sqs_queue");
    assertThat(queue).contains("| default edges to | [`aws_kms_key`](#aws_kms_key) |")
        .contains("| Tag calls | update: `sqs:TagQueue`; delete: `sqs:UntagQueue` |");
    assertThat(section(page, "aws_kms_key")).contains("[`aws_sqs_queue`](#aws_sqs_queue)");
    assertThat(section(page, "aws_acm_certificate")).contains("| Tag calls | - |");
  }

  private static String section(String page, String kind) {
    int start = page.indexOf("\n### " + kind + "\n");
    int end = page.indexOf("\n### ", start + 1);
    return page.substring(start, end < 0 ? page.length() : end);
  }
}
