package io.resoto.worker.aws.kinds.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Tag;

class AwsRedshiftClusterKindTest extends KindTestHarness {

  static final String DW_ARN = "arn:aws:redshift:us-east-1:111111111111:cluster:analytics-dw";

  @Test
  @SuppressWarnings("unchecked")
  void clustersAreMappedWithTheirLoggingStatus() throws Exception {
    AwsRedshiftClusterKind kind = new AwsRedshiftClusterKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsVpcKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    Node dw = node(g, AwsRedshiftClusterKind.KIND, "analytics-dw");
    assertThat(dw.ctime()).isEqualTo(Instant.parse("2023-08-01T12:00:00Z"));
    assertThat(dw.mtime()).isNull();
    assertThat(dw.tags()).isEqualTo(Map.of("team", "analytics", "env", "prod"));
    assertThat(dw.properties()).containsEntry("arn", DW_ARN)
        .containsEntry("redshift_node_type", "ra3.xlplus").containsEntry("redshift_number_of_nodes", 2L)
        .containsEntry("redshift_manual_snapshot_retention_period", -1L)
        .containsEntry("redshift_pending_actions", List.of("resize"));
    assertThat((Map<String, Object>) dw.properties().get("redshift_logging_status"))
        .containsEntry("logging_enabled", true).containsEntry("bucket_name", "demo-mgmt-logs")
        .containsEntry("log_exports", List.of("connectionlog", "userlog", "useractivitylog"));
    Node legacy = node(g, AwsRedshiftClusterKind.KIND, "legacy-dw");
    assertThat(legacy.tags()).isEmpty();
    assertThat(legacy.properties()).containsEntry("redshift_logging_status", Map.of("logging_enabled", false));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_redshift_cluster:") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_redshift_cluster:analytics-dw -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_vpc:prod -> aws_redshift_cluster:analytics-dw",
            "aws_ec2_security_group:default -> aws_redshift_cluster:analytics-dw");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.contains("aws_redshift_cluster:"))
        .containsExactlyInAnyOrder("aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_redshift_cluster:analytics-dw",
            "aws_vpc:prod -> aws_redshift_cluster:analytics-dw",
            "aws_ec2_security_group:default -> aws_redshift_cluster:analytics-dw");
  }

  @Test
  void theRolesTheClusterMayAssumePointToIt() throws Exception {
    Graph g = collect(new AwsRedshiftClusterKind(), new io.resoto.worker.aws.kinds.iam.AwsIamRoleKind());
    for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
      assertThat(edges(g, type)).filteredOn(e -> e.startsWith("aws_iam_role:"))
          .filteredOn(e -> e.contains(" -> aws_redshift_cluster:")).isNotEmpty()
          .allMatch(e -> e.startsWith("aws_iam_role:worker-pod -> "));
    }
  }

  @Test
  void aClusterIsTaggedAndUntaggedByItsArn() throws Exception {
    try (RedshiftClient redshift = RedshiftClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsRedshiftClusterKind.KIND, "analytics-dw", "analytics-dw", DW_ARN, "us-east-1",
          Map.of(), () -> SdkMaps.tags(redshift.describeClusters(r -> r.clusterIdentifier("analytics-dw")).clusters().get(0)
              .tags(), Tag::key, Tag::value));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> clusters = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      clusters.add(Map.of("ClusterIdentifier", "dw-" + i, "NumberOfNodes", i + 1));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("redshift", Map.of("Clusters", clusters)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-redshift"))) {
      Graph g = collect(big, new AwsRedshiftClusterKind(20));
      assertThat(nodes(g, AwsRedshiftClusterKind.KIND)).hasSize(45);
      assertThat(node(g, AwsRedshiftClusterKind.KIND, "dw-44").properties()).containsEntry("redshift_number_of_nodes", 45L);
    }
  }
}
