package io.resoto.worker.aws.kinds.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeKind;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsSqsQueueKindTest extends KindTestHarness {

  @Test
  void queuesAreMappedFromTheirAttributesAndTags() throws Exception {
    AwsSqsQueueKind kind = new AwsSqsQueueKind();
    Graph g = collect(kind, new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsSqsQueueKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("orders", "orders-dlq", "events.fifo");
    Node orders = node(g, AwsSqsQueueKind.KIND, "orders");
    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.region()).isEqualTo("us-east-1");
    assertThat(orders.ctime()).isEqualTo(Instant.ofEpochSecond(1709543701L));
    assertThat(orders.mtime()).isEqualTo(Instant.ofEpochSecond(1714640710L));
    assertThat(orders.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(orders.properties())
        .containsEntry("arn", "arn:aws:sqs:us-east-1:111111111111:orders")
        .containsEntry("sqs_queue_url", "https://sqs.us-east-1.amazonaws.com/111111111111/orders")
        .containsEntry("sqs_approximate_number_of_messages", 12L)
        .containsEntry("sqs_approximate_number_of_messages_not_visible", 2L)
        .containsEntry("sqs_visibility_timeout", 60L)
        .containsEntry("sqs_receive_message_wait_time_seconds", 20L)
        .containsEntry("sqs_managed_sse_enabled", false)
        .containsEntry("sqs_kms_master_key_id",
            "arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001");
    assertThat((String) orders.properties().get("sqs_redrive_policy")).contains("orders-dlq");
    Node fifo = node(g, AwsSqsQueueKind.KIND, "events.fifo");
    assertThat(fifo.tags()).isEmpty();
    assertThat(fifo.properties()).containsEntry("sqs_fifo_queue", true)
        .containsEntry("sqs_content_based_deduplication", true)
        .containsEntry("sqs_deduplication_scope", "messageGroup")
        .doesNotContainKey("sqs_kms_master_key_id");

    // only the queue encrypted with a customer key points to it
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsSqsQueueKind.KIND))
        .containsExactly("aws_sqs_queue:orders -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
    assertThat(edges(g, EdgeType.DELETE)).isEmpty();
  }

  @Test
  void anAliasNamesNoKeyId() {
    assertThat(AwsKmsKeyKind.keyId("alias/aws/sqs")).isNull();
    assertThat(AwsKmsKeyKind.keyId("arn:aws:kms:us-east-1:111111111111:alias/orders")).isNull();
    assertThat(AwsKmsKeyKind.keyId("arn:aws:kms:us-east-1:111111111111:key/k-1")).isEqualTo("k-1");
    assertThat(AwsKmsKeyKind.keyId("k-2")).isEqualTo("k-2");
  }

  @Test
  void theDemoVolumesPointToTheirKey() throws Exception {
    Graph g = collect(new AwsEc2VolumeKind(), new AwsKmsKeyKind());
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith(" -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001"))
        .anyMatch(e -> e.startsWith("aws_ec2_volume:"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> queues = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("QueueName", "q-" + i);
      q.put("Attributes", Map.of("QueueArn", "arn:aws:sqs:us-west-2:111111111111:q-" + i,
          "CreatedTimestamp", String.valueOf(1700000000 + i)));
      queues.add(q);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("sqs", Map.of("Queues", queues)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-queues"))) {
      Graph g = collect(big, new AwsSqsQueueKind(3));
      assertThat(nodes(g, AwsSqsQueueKind.KIND)).hasSize(7);
      assertThat(node(g, AwsSqsQueueKind.KIND, "q-6").ctime()).isEqualTo(Instant.ofEpochSecond(1700000006L));
    }
  }
}
