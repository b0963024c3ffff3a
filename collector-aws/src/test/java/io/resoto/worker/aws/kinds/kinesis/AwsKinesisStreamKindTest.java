package io.resoto.worker.aws.kinds.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.TagChecks;
import io.resoto.worker.aws.kinds.dynamodb.AwsDynamoDbTableKind;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Tag;

/** Runs over the SDK's default Kinesis client, which speaks CBOR; the simulator answers in CBOR. */
class AwsKinesisStreamKindTest extends KindTestHarness {

  static final String EVENTS_ARN = "arn:aws:kinesis:us-east-1:111111111111:stream/order-events";

  @Test
  @SuppressWarnings("unchecked")
  void streamsAreMappedAndLinkedToTheirKeyAndTables() throws Exception {
    AwsKinesisStreamKind kind = new AwsKinesisStreamKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsDynamoDbTableKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsKinesisStreamKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("order-events", "clickstream");
    Node events = node(g, AwsKinesisStreamKind.KIND, "order-events");
    Instant created = Instant.parse("2024-02-12T09:35:00Z");
    assertThat(events.ctime()).isEqualTo(created);
    assertThat(events.mtime()).isEqualTo(created);
    assertThat(events.atime()).isEqualTo(created);
    assertThat(events.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(events.properties()).containsEntry("arn", EVENTS_ARN)
        .containsEntry("kinesis_stream_status", "ACTIVE")
        .containsEntry("kinesis_retention_period_hours", 48L)
        .containsEntry("kinesis_encryption_type", "KMS")
        .containsEntry("kinesis_open_shard_count", 2L)
        .containsEntry("kinesis_stream_mode_details", Map.of("stream_mode", "PROVISIONED"));
    assertThat((List<Map<String, Object>>) events.properties().get("kinesis_shards")).hasSize(3);
    assertThat((String) events.properties().get("kinesis_policy")).contains("kinesis:GetRecords");
    assertThat(node(g, AwsKinesisStreamKind.KIND, "clickstream").properties()).doesNotContainKey("kinesis_policy")
        .doesNotContainKey("kinesis_key_id");

    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_kinesis_stream:order-events -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
        "aws_dynamodb_table:orders -> aws_kinesis_stream:order-events");
    assertThat(edges(g, EdgeType.DELETE)).contains(
        "aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_kinesis_stream:order-events",
        "aws_kinesis_stream:order-events -> aws_dynamodb_table:orders");
  }

  @Test
  void streamsShardsAndTagsOfSeveralPagesAreReadInFull() throws Exception {
    List<Map<String, Object>> streams = new ArrayList<>();
    List<Map<String, Object>> tags = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      List<Map<String, Object>> shards = new ArrayList<>();
      for (int s = 0; s < 5; s++) {
        shards.add(Map.of("ShardId", "shardId-00000000000" + s));
      }
      Map<String, Object> stream = new LinkedHashMap<>();
      stream.put("StreamName", "s-" + i);
      stream.put("StreamARN", "arn:aws:kinesis:us-west-2:111111111111:stream/s-" + i);
      stream.put("StreamStatus", "ACTIVE");
      stream.put("StreamCreationTimestamp", "2024-01-0" + (i + 1) + "T00:00:00.123Z");
      stream.put("Shards", shards);
      streams.add(stream);
      Map<String, String> many = new LinkedHashMap<>();
      for (int k = 0; k < 8; k++) {
        many.put("k" + k, "v" + k);
      }
      tags.add(Map.of("StreamName", "s-" + i, "Tags", many));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-streams", Map.of("111111111111",
        Map.of("us-west-2", Map.of("kinesis", Map.of("Streams", streams, "Tags", tags))))))) {
      Graph g = collect(big, new AwsKinesisStreamKind(3));
      assertThat(nodes(g, AwsKinesisStreamKind.KIND)).hasSize(7);
      Node last = node(g, AwsKinesisStreamKind.KIND, "s-6");
      assertThat(last.tags()).hasSize(8);
      assertThat(last.properties().get("kinesis_shards")).asList().hasSize(5);
      // CBOR carries timestamps as epoch milliseconds
      assertThat(last.ctime()).isEqualTo(Instant.parse("2024-01-07T00:00:00.123Z"));
    }
  }

  @Test
  void aStreamIsTaggedAndUntaggedByItsArn() throws Exception {
    try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(TagChecks.demoCredentials()).build()) {
      TagChecks.tagAndUntag(sim, TagChecks.target(AwsKinesisStreamKind.KIND, "order-events", "order-events",
          EVENTS_ARN, "us-east-1", Map.of()), () -> kinesis.listTagsForStream(r -> r.streamName("order-events"))
          .tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)));
    }
  }
}
