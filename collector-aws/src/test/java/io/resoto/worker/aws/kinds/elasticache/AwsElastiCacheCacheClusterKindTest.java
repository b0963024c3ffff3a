package io.resoto.worker.aws.kinds.elasticache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
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

class AwsElastiCacheCacheClusterKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:elasticache:us-east-1:111111111111:cluster:demo-sessions-001";

  @Test
  @SuppressWarnings("unchecked")
  void cacheClustersAreMappedWithNodesAndTags() throws Exception {
    AwsElastiCacheCacheClusterKind kind = new AwsElastiCacheCacheClusterKind();
    Graph g = collect(kind, new AwsElastiCacheReplicationGroupKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsElastiCacheCacheClusterKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-sessions-001", "demo-sessions-002", "demo-memcache");
    Node c = node(g, AwsElastiCacheCacheClusterKind.KIND, "demo-sessions-001");
    assertThat(c.name()).isEqualTo("demo-sessions-001");
    assertThat(c.ctime()).isEqualTo(Instant.parse("2024-04-02T10:00:00Z"));
    assertThat(c.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(c.properties())
        .containsEntry("arn", ARN)
        .containsEntry("cluster_engine", "redis")
        .containsEntry("cluster_num_cache_nodes", 1)
        .containsEntry("cluster_replication_group_id", "demo-sessions")
        .containsEntry("cluster_at_rest_encryption_enabled", true)
        .containsEntry("cluster_security_groups", List.of(Map.of("security_group_id", "sg-0a1b2c3d4e5f60001",
            "status", "active")));
    assertThat((List<Map<String, Object>>) c.properties().get("cluster_cache_nodes")).singleElement()
        .satisfies(n -> assertThat(n).containsEntry("cache_node_id", "0001")
            .containsEntry("endpoint", Map.of("address", "demo-sessions-001.0a11c0.0001.use1.cache.amazonaws.com",
                "port", 6379)));
    assertThat(node(g, AwsElastiCacheCacheClusterKind.KIND, "demo-memcache").tags()).isEmpty();

    String sg = "aws_ec2_security_group:" + node(g, "aws_ec2_security_group", "sg-0a1b2c3d4e5f60001").name();
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(sg))
        .containsExactlyInAnyOrder(sg + " -> aws_elasticache_cache_cluster:demo-sessions-001",
            sg + " -> aws_elasticache_cache_cluster:demo-sessions-002");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith("aws_elasticache_cache_cluster:"))
        .containsExactlyInAnyOrder(
            "aws_elasticache_cache_cluster:demo-sessions-001 -> aws_elasticache_replication_group:demo-sessions",
            "aws_elasticache_cache_cluster:demo-sessions-002 -> aws_elasticache_replication_group:demo-sessions");
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsElastiCacheCacheClusterKind.KIND, "demo-memcache", "demo-memcache",
          "arn:aws:elasticache:us-east-1:111111111111:cluster:demo-memcache", TestSupport.MGMT, "us-east-1", null,
          Map.of(), Map.of());
      plugin.updateTag(null, target, "owner", "platform");
      assertThat(node(collect(new AwsElastiCacheCacheClusterKind()), AwsElastiCacheCacheClusterKind.KIND,
          "demo-memcache").tags()).isEqualTo(Map.of("owner", "platform"));
      plugin.deleteTag(null, target, "owner");
      assertThat(node(collect(new AwsElastiCacheCacheClusterKind()), AwsElastiCacheCacheClusterKind.KIND,
          "demo-memcache").tags()).isEmpty();
      TagTarget unknown = new TagTarget(AwsElastiCacheCacheClusterKind.KIND, "nope", "nope",
          "arn:aws:elasticache:us-east-1:111111111111:cluster:nope", TestSupport.MGMT, "us-east-1", null, Map.of(),
          Map.of());
      assertThatThrownBy(() -> plugin.updateTag(null, unknown, "owner", "x"))
          .hasMessageStartingWith("elasticache:AddTagsToResource in 111111111111/us-east-1: ")
          .hasMessageContaining("CacheClusterNotFound");
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
    for (int i = 0; i < 45; i++) {
      clusters.add(Map.of("CacheClusterId", "c-" + i, "ARN", "arn:aws:elasticache:us-west-2:111111111111:cluster:c-" + i));
      groups.add(Map.of("ReplicationGroupId", "g-" + i,
          "ARN", "arn:aws:elasticache:us-west-2:111111111111:replicationgroup:g-" + i));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("elasticache",
        Map.of("CacheClusters", clusters, "ReplicationGroups", groups)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-caches"))) {
      Graph g = collect(big, new AwsElastiCacheCacheClusterKind(20), new AwsElastiCacheReplicationGroupKind(20));
      assertThat(nodes(g, AwsElastiCacheCacheClusterKind.KIND)).hasSize(45);
      assertThat(nodes(g, AwsElastiCacheReplicationGroupKind.KIND)).hasSize(45);
    }
  }
}
