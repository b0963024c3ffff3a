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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class AwsDynamoDbGlobalTableKindTest extends KindTestHarness {

  static final String CARTS_ARN = "arn:aws:dynamodb::111111111111:global-table/carts";

  @Test
  @SuppressWarnings("unchecked")
  void globalTablesAreMappedUnderTheGlobalRegion() throws Exception {
    AwsDynamoDbGlobalTableKind kind = new AwsDynamoDbGlobalTableKind();
    Graph g = collect(kind, new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsDynamoDbGlobalTableKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("carts", "profiles");
    Node carts = node(g, AwsDynamoDbGlobalTableKind.KIND, "carts");
    assertUnderGlobalRegion(g, carts);
    assertThat(carts.ctime()).isEqualTo(Instant.parse("2022-03-15T10:00:00Z"));
    assertThat(carts.tags()).isEqualTo(Map.of("team", "checkout"));
    assertThat(carts.properties()).containsEntry("arn", CARTS_ARN)
        .containsEntry("dynamodb_global_table_status", "ACTIVE");
    assertThat((List<Map<String, Object>>) carts.properties().get("dynamodb_replication_group"))
        .extracting(r -> r.get("region_name")).containsExactly("us-east-1", "eu-west-1");
    assertThat((String) carts.properties().get("dynamodb_policy")).contains("dynamodb:DeleteTable");
    assertThat(node(g, AwsDynamoDbGlobalTableKind.KIND, "profiles").properties()).doesNotContainKey("dynamodb_policy");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsDynamoDbGlobalTableKind.KIND))
        .containsExactly("aws_dynamodb_global_table:carts -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
    assertThat(edges(g, EdgeType.DELETE))
        .containsExactly("aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_dynamodb_global_table:carts");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> tables = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      tables.add(Map.of("GlobalTableName", "g-" + i, "GlobalTableArn", "arn:aws:dynamodb::111111111111:global-table/g-"
          + i, "GlobalTableStatus", "ACTIVE", "ReplicationGroup", List.of(Map.of("RegionName", "us-east-1"))));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-global-tables", Map.of("111111111111",
        Map.of("us-east-1", Map.of("dynamodb", Map.of("GlobalTables", tables))))))) {
      Graph g = collect(big, new AwsDynamoDbGlobalTableKind(2));
      assertThat(nodes(g, AwsDynamoDbGlobalTableKind.KIND)).extracting(Node::resourceId)
          .containsExactlyInAnyOrder("g-0", "g-1", "g-2", "g-3", "g-4", "g-5", "g-6");
    }
  }

  @Test
  void aGlobalTableIsTaggedAndUntaggedByItsArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    TagTarget table = new TagTarget(AwsDynamoDbGlobalTableKind.KIND, "carts", "carts", CARTS_ARN, TestSupport.MGMT,
        "global", null, Map.of(), Map.of());
    try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build()) {
      Map<String, String> before = AwsDynamoDbTableKindTest.tags(ddb, CARTS_ARN);
      plugin.updateTag(null, table, "owner", "data-team");
      assertThat(AwsDynamoDbTableKindTest.tags(ddb, CARTS_ARN)).containsEntry("owner", "data-team")
          .containsAllEntriesOf(before);
      plugin.deleteTag(null, table, "owner");
      assertThat(AwsDynamoDbTableKindTest.tags(ddb, CARTS_ARN)).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }
}
