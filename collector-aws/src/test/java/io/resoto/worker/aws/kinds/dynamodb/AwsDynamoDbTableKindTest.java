package io.resoto.worker.aws.kinds.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Tag;

class AwsDynamoDbTableKindTest extends KindTestHarness {

  static final String ORDERS_ARN = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";

  @Test
  @SuppressWarnings("unchecked")
  void tablesAreMappedWithTheirBackupsPolicyAndTags() throws Exception {
    AwsDynamoDbTableKind kind = new AwsDynamoDbTableKind();
    Graph g = collect(kind, new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsDynamoDbTableKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("orders", "sessions", "orders-restored");
    Node orders = node(g, AwsDynamoDbTableKind.KIND, "5a1e0000-0000-4000-8000-00000000d001");
    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.ctime()).isEqualTo(Instant.parse("2024-02-12T09:30:00Z"));
    assertThat(orders.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod", "cost-center", "cc-104"));
    assertThat(orders.properties())
        .containsEntry("arn", ORDERS_ARN)
        .containsEntry("dynamodb_table_status", "ACTIVE")
        .containsEntry("dynamodb_item_count", 184213L)
        .containsEntry("dynamodb_table_size_bytes", 73400320L)
        .containsEntry("dynamodb_deletion_protection_enabled", true);
    assertThat((List<Map<String, Object>>) orders.properties().get("dynamodb_key_schema"))
        .containsExactly(Map.of("attribute_name", "customer_id", "key_type", "HASH"),
            Map.of("attribute_name", "order_id", "key_type", "RANGE"));
    assertThat((Map<String, Object>) orders.properties().get("dynamodb_sse_description"))
        .containsEntry("sse_type", "KMS");
    Map<String, Object> backup = (Map<String, Object>) orders.properties().get("dynamodb_continuous_backup");
    assertThat(backup).containsEntry("continuous_backups_status", "ENABLED");
    assertThat((Map<String, Object>) backup.get("point_in_time_recovery_description"))
        .containsEntry("point_in_time_recovery_status", "ENABLED").containsEntry("recovery_period_in_days", 35L);
    assertThat((String) orders.properties().get("dynamodb_policy")).contains("dynamodb:Query");
    Node sessions = node(g, AwsDynamoDbTableKind.KIND, "5a1e0000-0000-4000-8000-00000000d002");
    assertThat(sessions.properties()).doesNotContainKey("dynamodb_policy")
        .containsEntry("dynamodb_global_table_version", "2019.11.21");
    assertThat((Map<String, Object>) ((Map<String, Object>) sessions.properties().get("dynamodb_continuous_backup"))
        .get("point_in_time_recovery_description")).containsEntry("point_in_time_recovery_status", "DISABLED");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsDynamoDbTableKind.KIND))
        .containsExactly("aws_dynamodb_table:orders -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
    assertThat(edges(g, EdgeType.DELETE))
        .containsExactly("aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_dynamodb_table:orders");
  }

  @Test
  void aKinesisDestinationIsAStreamName() {
    assertThat(AwsDynamoDbTableKind.streamName("arn:aws:kinesis:us-east-1:111111111111:stream/order-events"))
        .isEqualTo("order-events");
    assertThat(AwsDynamoDbTableKind.streamName(null)).isNull();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> tables = new ArrayList<>();
    List<Map<String, Object>> tags = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String arn = "arn:aws:dynamodb:us-west-2:111111111111:table/t-" + i;
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("TableName", "t-" + i);
      t.put("TableId", "id-" + i);
      t.put("TableArn", arn);
      t.put("CreationDateTime", "2024-01-0" + (i + 1) + "T00:00:00Z");
      tables.add(t);
      List<Map<String, String>> many = new ArrayList<>();
      for (int k = 0; k < 23; k++) {
        many.add(Map.of("Key", "k" + k, "Value", "v" + k));
      }
      tags.add(Map.of("ResourceArn", arn, "Tags", many));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-tables", Map.of("111111111111",
        Map.of("us-west-2", Map.of("dynamodb", Map.of("Tables", tables, "Tags", tags))))))) {
      Graph g = collect(big, new AwsDynamoDbTableKind(3));
      assertThat(nodes(g, AwsDynamoDbTableKind.KIND)).hasSize(7);
      assertThat(node(g, AwsDynamoDbTableKind.KIND, "id-6").tags()).hasSize(23).containsEntry("k22", "v22");
    }
  }

  @Test
  void aTableIsTaggedAndUntaggedByItsArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    TagTarget table = new TagTarget(AwsDynamoDbTableKind.KIND, "5a1e0000-0000-4000-8000-00000000d001", "orders",
        ORDERS_ARN, TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
    try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build()) {
      Map<String, String> before = tags(ddb, ORDERS_ARN);
      plugin.updateTag(null, table, "owner", "data-team");
      assertThat(tags(ddb, ORDERS_ARN)).containsEntry("owner", "data-team").containsAllEntriesOf(before);
      plugin.deleteTag(null, table, "owner");
      assertThat(tags(ddb, ORDERS_ARN)).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }

  static Map<String, String> tags(DynamoDbClient ddb, String arn) {
    return ddb.listTagsOfResource(r -> r.resourceArn(arn)).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }
}
