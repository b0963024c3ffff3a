package io.resoto.worker.aws.kinds.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
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

class AwsRdsClusterKindTest extends KindTestHarness {

  static final String ANALYTICS_ARN = "arn:aws:rds:us-east-1:111111111111:cluster:orders-analytics";

  @Test
  void clustersAreMappedWithMembersAndKey() throws Exception {
    AwsRdsClusterKind kind = new AwsRdsClusterKind();
    Graph g = collect(kind, new AwsRdsInstanceKind(), new AwsKmsKeyKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsRdsClusterKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("orders-analytics", "ledger-source");
    Node analytics = node(g, AwsRdsClusterKind.KIND, "orders-analytics");
    assertThat(analytics.ctime()).isEqualTo(Instant.parse("2024-02-01T08:00:00Z"));
    assertThat(analytics.tags()).isEqualTo(Map.of("team", "analytics"));
    assertThat(analytics.properties()).containsEntry("arn", ANALYTICS_ARN)
        .containsEntry("db_type", "aurora-postgresql").containsEntry("db_status", "available")
        .containsEntry("db_endpoint", "orders-analytics.cluster-c0a11c0e0001.us-east-1.rds.amazonaws.com:5432")
        .containsEntry("rds_port", 5432L).containsEntry("rds_engine_mode", "provisioned")
        .containsEntry("rds_serverless_v2_scaling_configuration", Map.of("min_capacity", 0.5, "max_capacity", 16.0))
        .containsEntry("rds_custom_endpoints",
            List.of("orders-analytics-bi.cluster-custom-c0a11c0e0001.us-east-1.rds.amazonaws.com"));
    assertThat(node(g, AwsRdsClusterKind.KIND, "ledger-source").properties())
        .containsEntry("db_status", "stopped").containsEntry("rds_backtrack_window", 86400L);

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_rds_cluster:orders-analytics") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_rds_cluster:orders-analytics -> aws_rds_instance:orders-db-replica",
            "aws_rds_cluster:orders-analytics -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_ec2_security_group:default -> aws_rds_cluster:orders-analytics");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith("aws_rds_cluster:"))
        .containsExactlyInAnyOrder("aws_rds_cluster:orders-analytics -> aws_rds_instance:orders-db-replica",
            "aws_rds_cluster:ledger-source -> aws_rds_instance:LEDGER");
  }

  @Test
  void aClusterIsTaggedAndUntaggedByItsArn() throws Exception {
    try (RdsClient rds = RdsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsRdsClusterKind.KIND, "orders-analytics", "orders-analytics", ANALYTICS_ARN,
          "us-east-1", Map.of(), () -> RdsTags.map(
              rds.describeDBClusters(r -> r.dbClusterIdentifier("orders-analytics")).dbClusters().get(0).tagList()));
    }
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(RdsTestSupport.many("DBClusters", 45, i -> Map.of(
        "DBClusterIdentifier", "cluster-" + i, "Engine", "aurora-mysql", "Port", 3000 + i)))) {
      Graph g = collect(big, new AwsRdsClusterKind(20));
      assertThat(nodes(g, AwsRdsClusterKind.KIND)).hasSize(45);
      assertThat(node(g, AwsRdsClusterKind.KIND, "cluster-44").properties()).containsEntry("rds_port", 3044L);
    }
  }
}
