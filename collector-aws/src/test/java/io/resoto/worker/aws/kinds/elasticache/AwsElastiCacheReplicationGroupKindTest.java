package io.resoto.worker.aws.kinds.elasticache;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsElastiCacheReplicationGroupKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:elasticache:us-east-1:111111111111:replicationgroup:demo-sessions";
  static final String KEY = "0a11c0e0-0000-4000-8000-000000000001";

  @Test
  @SuppressWarnings("unchecked")
  void replicationGroupsAreMapped() throws Exception {
    AwsElastiCacheReplicationGroupKind kind = new AwsElastiCacheReplicationGroupKind();
    Graph g = collect(kind, new AwsElastiCacheCacheClusterKind(), new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    Node rg = node(g, AwsElastiCacheReplicationGroupKind.KIND, "demo-sessions");
    assertThat(nodes(g, AwsElastiCacheReplicationGroupKind.KIND)).hasSize(1);
    assertThat(rg.ctime()).isEqualTo(Instant.parse("2024-04-02T09:58:00Z"));
    assertThat(rg.mtime()).isNull();
    assertThat(rg.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(rg.properties())
        .containsEntry("arn", ARN)
        .containsEntry("replication_group_arn", ARN)
        .containsEntry("replication_group_status", "available")
        .containsEntry("replication_group_multi_az", "enabled")
        .containsEntry("replication_group_automatic_failover", "enabled")
        .containsEntry("replication_group_member_clusters", List.of("demo-sessions-001", "demo-sessions-002"))
        .containsEntry("replication_group_data_tiering", "disabled");
    assertThat((List<Map<String, Object>>) rg.properties().get("replication_group_node_groups")).singleElement()
        .satisfies(n -> assertThat((List<?>) n.get("node_group_members")).hasSize(2));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsElastiCacheReplicationGroupKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_elasticache_replication_group:demo-sessions -> aws_elasticache_cache_cluster:demo-sessions-001",
            "aws_elasticache_replication_group:demo-sessions -> aws_elasticache_cache_cluster:demo-sessions-002",
            "aws_elasticache_replication_group:demo-sessions -> aws_kms_key:" + KEY);
    assertThat(edges(g, EdgeType.DELETE))
        .contains("aws_kms_key:" + KEY + " -> aws_elasticache_replication_group:demo-sessions");
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsElastiCacheReplicationGroupKind.KIND, "demo-sessions", "demo-sessions", ARN,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, target, "env", "staging");
      assertThat(node(collect(new AwsElastiCacheReplicationGroupKind()), AwsElastiCacheReplicationGroupKind.KIND,
          "demo-sessions").tags()).isEqualTo(Map.of("team", "web", "env", "staging"));
      plugin.deleteTag(null, target, "env");
      assertThat(node(collect(new AwsElastiCacheReplicationGroupKind()), AwsElastiCacheReplicationGroupKind.KIND,
          "demo-sessions").tags()).isEqualTo(Map.of("team", "web"));
    } finally {
      plugin.close();
    }
  }
}
