package io.resoto.worker.awssim.resources.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The demo estate's DynamoDB tables over the wire: paging by table name, AWS's errors. */
class DynamoDbTablesApiTest {

  private static Simulation sim;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    ddb = DemoClients.client(sim, DynamoDbClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    ddb.close();
    sim.close();
  }

  @Test
  void tablesArePagedByNameAsAwsDoes() {
    ListTablesResponse first = ddb.listTables(b -> b.limit(2));
    assertThat(first.tableNames()).containsExactly("orders", "orders-restored");
    assertThat(first.lastEvaluatedTableName()).isEqualTo("orders-restored");
    ListTablesResponse rest = ddb.listTables(b -> b.limit(2).exclusiveStartTableName("orders-restored"));
    assertThat(rest.tableNames()).containsExactly("sessions");
    assertThat(rest.lastEvaluatedTableName()).isNull();
    assertThatThrownBy(() -> ddb.listTables(b -> b.limit(101))).isInstanceOfSatisfying(AwsServiceException.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
  }

  @Test
  void unknownTablesAndMissingPoliciesAreAwsErrors() {
    assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName("nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> ddb.getResourcePolicy(b -> b.resourceArn(
        "arn:aws:dynamodb:us-east-1:111111111111:table/sessions"))).isInstanceOf(PolicyNotFoundException.class);
    assertThatThrownBy(() -> ddb.describeGlobalTable(b -> b.globalTableName("nope")))
        .isInstanceOf(GlobalTableNotFoundException.class);
  }

  @Test
  void pointInTimeRecoveryShowsItsWindow() {
    var orders = ddb.describeContinuousBackups(b -> b.tableName("orders")).continuousBackupsDescription()
        .pointInTimeRecoveryDescription();
    assertThat(orders.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
    assertThat(orders.earliestRestorableDateTime()).isBefore(orders.latestRestorableDateTime());
    assertThat(ddb.describeContinuousBackups(b -> b.tableName("sessions")).continuousBackupsDescription()
        .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
  }

  @Test
  void globalTablesAreFilteredByReplicaRegion() {
    assertThat(ddb.listGlobalTables(b -> b.regionName("eu-west-1")).globalTables())
        .extracting(t -> t.globalTableName()).containsExactly("carts");
    assertThat(ddb.listGlobalTables(b -> {}).globalTables()).extracting(t -> t.globalTableName())
        .containsExactly("carts", "profiles");
  }
}
