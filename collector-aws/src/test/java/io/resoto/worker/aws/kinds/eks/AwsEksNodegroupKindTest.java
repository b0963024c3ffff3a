package io.resoto.worker.aws.kinds.eks;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEksNodegroupKindTest extends KindTestHarness {

  static final String ARN =
      "arn:aws:eks:us-east-1:111111111111:nodegroup/demo-platform/general/0a11c0e0-0000-4000-8000-0000000000a1";

  @Test
  @SuppressWarnings("unchecked")
  void nodegroupsOfEveryClusterAreMapped() throws Exception {
    AwsEksNodegroupKind kind = new AwsEksNodegroupKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEksNodegroupKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("general", "gpu-spot");
    Node general = node(g, AwsEksNodegroupKind.KIND, "general");
    assertThat(general.ctime()).isEqualTo(Instant.parse("2024-02-12T10:20:00Z"));
    assertThat(general.tags()).isEqualTo(Map.of("team", "platform"));
    assertThat(general.properties())
        .containsEntry("arn", ARN)
        .containsEntry("group_nodegroup_arn", ARN)
        .containsEntry("cluster_name", "demo-platform")
        .containsEntry("group_version", "1.30")
        .containsEntry("group_status", "ACTIVE")
        .containsEntry("group_capacity_type", "ON_DEMAND")
        .containsEntry("group_modified_at", Instant.parse("2024-09-20T12:00:00Z"))
        .containsEntry("group_scaling_config", Map.of("min_size", 2, "max_size", 6, "desired_size", 3))
        .containsEntry("group_disk_size", 50)
        .containsEntry("group_resources", Map.of("auto_scaling_groups", List.of("eks-general-0a11c0e0"),
            "remote_access_security_group", "sg-0a1b2c3d4e5f60001"));
    Node gpu = node(g, AwsEksNodegroupKind.KIND, "gpu-spot");
    assertThat(gpu.properties()).containsEntry("group_taints",
        List.of(Map.of("key", "nvidia.com/gpu", "value", "true", "effect", "NO_SCHEDULE")))
        .containsEntry("group_instance_types", List.of("g4dn.xlarge", "g5.xlarge"));
    assertThat((Map<String, Object>) gpu.properties().get("group_health")).containsKey("issues");
    // without the cluster kind (and no auto scaling group kind yet) the edges have no other end
    assertThat(edges(g, EdgeType.DEFAULT)).noneMatch(e -> e.startsWith(AwsEksNodegroupKind.KIND));
  }

  @Test
  void tagsAreChangedThroughTheNodegroupsArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsEksNodegroupKind.KIND, "general", "general", ARN,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, target, "cost-center", "42");
      assertThat(node(collect(new AwsEksNodegroupKind()), AwsEksNodegroupKind.KIND, "general").tags())
          .isEqualTo(Map.of("team", "platform", "cost-center", "42"));
      plugin.deleteTag(null, target, "cost-center");
      assertThat(node(collect(new AwsEksNodegroupKind()), AwsEksNodegroupKind.KIND, "general").tags())
          .isEqualTo(Map.of("team", "platform"));
    } finally {
      plugin.close();
    }
  }
}
