package io.resoto.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.spi.TagTarget;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The tag calls of SQS queues (by URL) and KMS keys (by ARN), as AwsTaggingTest does for the others. */
class AwsSqsKmsTaggingTest {

  static final String MGMT = TestSupport.MGMT;
  static final String QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/111111111111/orders";
  static final String KEY_ARN = "arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001";
  static Simulation sim;

  private AwsCollectorPlugin plugin;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void closePlugin() {
    if (plugin != null) {
      plugin.close();
    }
  }

  private void plugin() {
    plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
  }

  private static StaticCredentialsProvider demo() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET));
  }

  private static Map<String, String> queueTags(SqsClient sqs) {
    return sqs.listQueueTags(r -> r.queueUrl(QUEUE_URL)).tags();
  }

  private static Map<String, String> keyTags(KmsClient kms) {
    return kms.listResourceTags(r -> r.keyId(KEY_ARN)).tags().stream()
        .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
  }

  @Test
  void aQueueIsTaggedAndUntaggedByItsUrl() throws Exception {
    plugin();
    TagTarget queue = new TagTarget("aws_sqs_queue", "orders", "orders", "arn:aws:sqs:us-east-1:111111111111:orders",
        MGMT, "us-east-1", null, Map.of(), Map.of("sqs_queue_url", QUEUE_URL));
    try (SqsClient sqs = SqsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(demo()).build()) {
      Map<String, String> before = queueTags(sqs);
      plugin.updateTag(null, queue, "reviewer", "lukas");
      assertThat(queueTags(sqs)).containsEntry("reviewer", "lukas").containsAllEntriesOf(before);
      plugin.deleteTag(null, queue, "reviewer");
      assertThat(queueTags(sqs)).isEqualTo(before);
    }
  }

  @Test
  void aQueueWithoutItsUrlIsRefusedWithWhatIsMissing() {
    plugin();
    TagTarget queue = new TagTarget("aws_sqs_queue", "orders", "orders", null, MGMT, "us-east-1", null, Map.of(),
        Map.of());
    assertThatThrownBy(() -> plugin.updateTag(null, queue, "owner", "x")).hasMessageContaining("sqs_queue_url");
  }

  @Test
  void aKeyIsTaggedAndUntaggedByItsArn() throws Exception {
    plugin();
    TagTarget key = new TagTarget("aws_kms_key", "0a11c0e0-0000-4000-8000-000000000001",
        "0a11c0e0-0000-4000-8000-000000000001", KEY_ARN, MGMT, "us-east-1", null, Map.of(), Map.of());
    try (KmsClient kms = KmsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(demo()).build()) {
      Map<String, String> before = keyTags(kms);
      plugin.updateTag(null, key, "owner", "security");
      assertThat(keyTags(kms)).containsEntry("owner", "security").containsAllEntriesOf(before);
      plugin.deleteTag(null, key, "owner");
      assertThat(keyTags(kms)).isEqualTo(before);
    }
  }

  @Test
  void anUnknownQueueOrKeyIsAwsErrorCode() {
    plugin();
    TagTarget queue = new TagTarget("aws_sqs_queue", "nope", "nope", null, MGMT, "us-east-1", null, Map.of(),
        Map.of("sqs_queue_url", "https://sqs.us-east-1.amazonaws.com/111111111111/nope"));
    assertThatThrownBy(() -> plugin.updateTag(null, queue, "owner", "x"))
        .hasMessageStartingWith("sqs:TagQueue in 111111111111/us-east-1: ")
        .hasMessageContaining("QueueDoesNotExist");
    TagTarget key = new TagTarget("aws_kms_key", "k", "k", "arn:aws:kms:us-east-1:111111111111:key/k", MGMT,
        "us-east-1", null, Map.of(), Map.of());
    assertThatThrownBy(() -> plugin.deleteTag(null, key, "owner"))
        .hasMessageStartingWith("kms:UntagResource in 111111111111/us-east-1: NotFoundException: ");
  }
}
