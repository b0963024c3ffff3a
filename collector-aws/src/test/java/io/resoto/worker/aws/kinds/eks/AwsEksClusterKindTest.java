package io.resoto.worker.aws.kinds.eks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.iam.AwsIamRoleKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsEksClusterKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:eks:us-east-1:111111111111:cluster/demo-platform";

  @Test
  @SuppressWarnings("unchecked")
  void clustersAreMappedFromDescribeCluster() throws Exception {
    AwsEksClusterKind kind = new AwsEksClusterKind();
    Graph g = collect(kind, new AwsEksNodegroupKind(), new AwsIamRoleKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEksClusterKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-platform", "edge-connected");
    Node c = node(g, AwsEksClusterKind.KIND, "demo-platform");
    assertThat(c.name()).isEqualTo("demo-platform");
    assertThat(c.region()).isEqualTo("us-east-1");
    assertThat(c.ctime()).isEqualTo(Instant.parse("2024-02-12T10:00:00Z"));
    assertThat(c.tags()).isEqualTo(Map.of("team", "platform", "env", "prod"));
    assertThat(c.properties())
        .containsEntry("arn", ARN)
        .containsEntry("version", "1.30")
        .containsEntry("cluster_status", "ACTIVE")
        .containsEntry("cluster_platform_version", "eks.8")
        .containsEntry("cluster_role_arn", "arn:aws:iam::111111111111:role/worker-node")
        .containsEntry("cluster_identity", Map.of("oidc", "https://oidc.eks.us-east-1.amazonaws.com/id/0A11C0E0DEMO0001"))
        .containsEntry("cluster_encryption_config", List.of(Map.of("resources", List.of("secrets"),
            "provider", "arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001")));
    Map<String, Object> vpc = (Map<String, Object>) c.properties().get("cluster_resources_vpc_config");
    assertThat(vpc).containsEntry("vpc_id", "vpc-0a1b2c3d4e5f60001").containsEntry("endpoint_public_access", true)
        .containsEntry("subnet_ids", List.of("subnet-0a1b2c3d4e5f60101", "subnet-0a1b2c3d4e5f60102"));
    Node edge = node(g, AwsEksClusterKind.KIND, "edge-connected");
    assertThat((Map<String, Object>) edge.properties().get("cluster_connector_config"))
        .containsEntry("provider", "OTHER").containsEntry("activation_expiry", Instant.parse("2024-09-04T08:30:00Z"));
    assertThat(edge.properties()).doesNotContainKeys("version", "cluster_encryption_config");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsEksClusterKind.KIND))
        .containsExactlyInAnyOrder("aws_eks_cluster:demo-platform -> aws_eks_nodegroup:general",
            "aws_eks_cluster:demo-platform -> aws_eks_nodegroup:gpu-spot");
    assertThat(edges(g, EdgeType.DELETE)).containsExactlyInAnyOrder(
        "aws_eks_cluster:demo-platform -> aws_eks_nodegroup:general",
        "aws_eks_cluster:demo-platform -> aws_eks_nodegroup:gpu-spot",
        "aws_iam_role:worker-node -> aws_eks_cluster:demo-platform");
    // the cluster's role points to it, found by its ARN
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_iam_role:worker-node -> aws_eks_cluster:demo-platform");
  }

  @Test
  void tagsAreChangedThroughTheClustersArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsEksClusterKind.KIND, "demo-platform", "demo-platform", ARN,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, target, "owner", "sre");
      assertThat(node(collect(new AwsEksClusterKind()), AwsEksClusterKind.KIND, "demo-platform").tags())
          .containsEntry("owner", "sre").containsEntry("team", "platform");
      plugin.deleteTag(null, target, "owner");
      assertThat(node(collect(new AwsEksClusterKind()), AwsEksClusterKind.KIND, "demo-platform").tags())
          .isEqualTo(Map.of("team", "platform", "env", "prod"));
      TagTarget unknown = new TagTarget(AwsEksClusterKind.KIND, "nope", "nope",
          "arn:aws:eks:us-east-1:111111111111:cluster/nope", TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      assertThatThrownBy(() -> plugin.updateTag(null, unknown, "owner", "x"))
          .hasMessageStartingWith("eks:TagResource in 111111111111/us-east-1: ").hasMessageContaining("NotFoundException");
    } finally {
      plugin.close();
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
    List<Map<String, Object>> groups = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      clusters.add(Map.of("name", "c-" + i, "arn", "arn:aws:eks:us-west-2:111111111111:cluster/c-" + i));
      groups.add(Map.of("nodegroupName", "ng-" + i, "clusterName", "c-0",
          "nodegroupArn", "arn:aws:eks:us-west-2:111111111111:nodegroup/c-0/ng-" + i + "/x"));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("eks", Map.of("Clusters", clusters, "Nodegroups", groups)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-clusters"))) {
      Graph g = collect(big, new AwsEksClusterKind(3), new AwsEksNodegroupKind(2));
      assertThat(nodes(g, AwsEksClusterKind.KIND)).hasSize(7);
      assertThat(nodes(g, AwsEksNodegroupKind.KIND)).hasSize(7);
      assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsEksClusterKind.KIND)).hasSize(7);
    }
  }
}
