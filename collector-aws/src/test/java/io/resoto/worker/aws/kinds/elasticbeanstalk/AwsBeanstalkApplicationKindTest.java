package io.resoto.worker.aws.kinds.elasticbeanstalk;

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

class AwsBeanstalkApplicationKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:elasticbeanstalk:us-east-1:111111111111:application/demo-shop";

  @Test
  @SuppressWarnings("unchecked")
  void applicationsAreMappedWithTags() throws Exception {
    AwsBeanstalkApplicationKind kind = new AwsBeanstalkApplicationKind();
    Graph g = collect(kind, new AwsBeanstalkEnvironmentKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBeanstalkApplicationKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-shop", "demo-worker-app", "legacy-admin");
    Node shop = node(g, AwsBeanstalkApplicationKind.KIND, "demo-shop");
    assertThat(shop.ctime()).isEqualTo(Instant.parse("2023-05-10T09:00:00Z"));
    assertThat(shop.mtime()).isEqualTo(Instant.parse("2024-09-01T12:00:00Z"));
    assertThat(shop.tags()).isEqualTo(Map.of("team", "shop"));
    assertThat(shop.properties()).containsEntry("arn", ARN)
        .containsEntry("beanstalk_versions", List.of("v42", "v41"))
        .containsEntry("beanstalk_configuration_templates", List.of("shop-prod-config"));
    assertThat((Map<String, Object>) shop.properties().get("beanstalk_resource_lifecycle_config"))
        .containsEntry("service_role", "arn:aws:iam::111111111111:role/worker-node");
    assertThat(node(g, AwsBeanstalkApplicationKind.KIND, "legacy-admin").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBeanstalkApplicationKind.KIND))
        .containsExactlyInAnyOrder("aws_beanstalk_application:demo-shop -> aws_beanstalk_environment:shop-prod",
            "aws_beanstalk_application:demo-worker-app -> aws_beanstalk_environment:shop-worker");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith(AwsBeanstalkApplicationKind.KIND))
        .containsExactlyInAnyOrder("aws_beanstalk_application:demo-shop -> aws_beanstalk_environment:shop-prod",
            "aws_beanstalk_application:demo-worker-app -> aws_beanstalk_environment:shop-worker");
  }

  @Test
  void tagsAreChangedThroughUpdateTagsForResource() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsBeanstalkApplicationKind.KIND, "legacy-admin", "legacy-admin",
          "arn:aws:elasticbeanstalk:us-east-1:111111111111:application/legacy-admin", TestSupport.MGMT, "us-east-1",
          null, Map.of(), Map.of());
      plugin.updateTag(null, target, "retire", "2025");
      assertThat(node(collect(new AwsBeanstalkApplicationKind()), AwsBeanstalkApplicationKind.KIND, "legacy-admin")
          .tags()).isEqualTo(Map.of("retire", "2025"));
      plugin.deleteTag(null, target, "retire");
      assertThat(node(collect(new AwsBeanstalkApplicationKind()), AwsBeanstalkApplicationKind.KIND, "legacy-admin")
          .tags()).isEmpty();
    } finally {
      plugin.close();
    }
  }
}
