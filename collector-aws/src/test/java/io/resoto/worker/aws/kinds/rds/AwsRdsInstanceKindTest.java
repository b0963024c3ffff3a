package io.resoto.worker.aws.kinds.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;

class AwsRdsInstanceKindTest extends KindTestHarness {

  static final String ORDERS_ARN = "arn:aws:rds:us-east-1:111111111111:db:orders-db";

  @Test
  @SuppressWarnings("unchecked")
  void instancesAreMappedWithTheirDatabaseFields() throws Exception {
    AwsRdsInstanceKind kind = new AwsRdsInstanceKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsVpcKind(), new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsRdsInstanceKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("orders-db", "orders-db-replica", "ledger-oracle");
    Node orders = node(g, AwsRdsInstanceKind.KIND, "orders-db");
    assertThat(orders.name()).isEqualTo("orders");
    assertThat(orders.ctime()).isEqualTo(Instant.parse("2023-03-01T10:00:00Z"));
    assertThat(orders.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(orders.properties()).containsEntry("arn", ORDERS_ARN)
        .containsEntry("db_type", "postgres").containsEntry("db_status", "available")
        .containsEntry("db_endpoint", "orders-db.c0a11c0e0001.us-east-1.rds.amazonaws.com:5432")
        .containsEntry("instance_type", "db.m6g.large").containsEntry("volume_size", 200L)
        .containsEntry("rds_multi_az", true).containsEntry("rds_backup_retention_period", 14L)
        .containsEntry("rds_latest_restorable_time", Instant.parse("2024-06-30T23:55:00Z"))
        .containsEntry("rds_enabled_cloudwatch_logs_exports", List.of("postgresql", "upgrade"));
    assertThat((Map<String, Object>) orders.properties().get("rds_db_subnet_group")).containsEntry("vpc_id", "vpc-0a1b2c3d4e5f60001");
    // no DBName: the name is the identifier; RDS's many states are normalised
    Node replica = node(g, AwsRdsInstanceKind.KIND, "orders-db-replica");
    assertThat(replica.name()).isEqualTo("orders-db-replica");
    assertThat(replica.properties()).containsEntry("db_status", "busy");
    assertThat(node(g, AwsRdsInstanceKind.KIND, "ledger-oracle").properties()).containsEntry("db_status", "stopped");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_rds_instance:orders ") || e.endsWith("aws_rds_instance:orders"))
        .filteredOn(e -> !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_rds_instance:orders -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_vpc:prod -> aws_rds_instance:orders", "aws_ec2_subnet:prod-public-a -> aws_rds_instance:orders",
            "aws_ec2_subnet:prod-private-b -> aws_rds_instance:orders",
            "aws_ec2_security_group:default -> aws_rds_instance:orders");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.endsWith("aws_rds_instance:orders"))
        .contains("aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_rds_instance:orders",
            "aws_vpc:prod -> aws_rds_instance:orders");
  }

  @Test
  void statesAreNormalised() {
    assertThat(AwsRdsInstanceKind.status("modifying")).isEqualTo("busy");
    assertThat(AwsRdsInstanceKind.status("storage-full")).isEqualTo("failed");
    assertThat(AwsRdsInstanceKind.status("deleting")).isEqualTo("terminated");
    assertThat(AwsRdsInstanceKind.status("something-new")).isEqualTo("unknown");
    assertThat(AwsRdsInstanceKind.status(null)).isEqualTo("unknown");
  }

  @Test
  void anInstanceIsTaggedAndUntaggedByItsArn() throws Exception {
    try (RdsClient rds = RdsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsRdsInstanceKind.KIND, "orders-db", "orders", ORDERS_ARN, "us-east-1", Map.of(),
          () -> RdsTags.map(rds.describeDBInstances(r -> r.dbInstanceIdentifier("orders-db")).dbInstances().get(0).tagList()));
    }
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(RdsTestSupport.many("DBInstances", 45, i -> Map.of(
        "DBInstanceIdentifier", "db-" + i, "Engine", "mysql", "AllocatedStorage", 20 + i)))) {
      Graph g = collect(big, new AwsRdsInstanceKind(20));
      assertThat(nodes(g, AwsRdsInstanceKind.KIND)).hasSize(45);
      assertThat(node(g, AwsRdsInstanceKind.KIND, "db-44").properties()).containsEntry("rds_allocated_storage", 64L);
    }
  }

}
