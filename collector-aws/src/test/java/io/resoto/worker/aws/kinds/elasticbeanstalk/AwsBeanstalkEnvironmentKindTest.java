package io.resoto.worker.aws.kinds.elasticbeanstalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.sqs.AwsSqsQueueKind;
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

class AwsBeanstalkEnvironmentKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:elasticbeanstalk:us-east-1:111111111111:environment/demo-shop/shop-prod";

  @Test
  @SuppressWarnings("unchecked")
  void environmentsAreMappedWithTheirResources() throws Exception {
    AwsBeanstalkEnvironmentKind kind = new AwsBeanstalkEnvironmentKind();
    Graph g = collect(kind, new AwsEc2InstanceKind(), new AwsSqsQueueKind());

    assertEveryPropertyFilled(g, kind);
    // the terminated environment is not listed
    assertThat(nodes(g, AwsBeanstalkEnvironmentKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("e-0a11c0e001", "e-0a11c0e002");
    Node prod = node(g, AwsBeanstalkEnvironmentKind.KIND, "e-0a11c0e001");
    assertThat(prod.name()).isEqualTo("shop-prod");
    assertThat(prod.ctime()).isEqualTo(Instant.parse("2023-05-10T09:30:00Z"));
    assertThat(prod.mtime()).isEqualTo(Instant.parse("2024-09-01T12:05:00Z"));
    assertThat(prod.tags()).isEqualTo(Map.of("team", "shop", "env", "prod"));
    assertThat(prod.properties()).containsEntry("arn", ARN)
        .containsEntry("beanstalk_application_name", "demo-shop")
        .containsEntry("beanstalk_status", "Ready")
        .containsEntry("beanstalk_health", "Green")
        .containsEntry("beanstalk_tier", Map.of("name", "WebServer", "type", "Standard", "version", "1.0"));
    Map<String, Object> resources = (Map<String, Object>) prod.properties().get("beanstalk_resources");
    assertThat(resources).containsEntry("instances", List.of(Map.of("instance_id", "i-0a11c0e0000000002")))
        .doesNotContainKey("queues");
    assertThat((Map<String, Object>) node(g, AwsBeanstalkEnvironmentKind.KIND, "e-0a11c0e002").properties()
        .get("beanstalk_resources")).containsEntry("queues",
            List.of(Map.of("queue_name", "orders", "queue_url", "https://sqs.us-east-1.amazonaws.com/111111111111/orders")));

    String instance = "aws_ec2_instance:" + node(g, "aws_ec2_instance", "i-0a11c0e0000000002").name();
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBeanstalkEnvironmentKind.KIND))
        .containsExactlyInAnyOrder("aws_beanstalk_environment:shop-prod -> " + instance,
            "aws_beanstalk_environment:shop-worker -> aws_sqs_queue:orders");
    assertThat(edges(g, EdgeType.DELETE)).containsExactlyInAnyOrder(
        instance + " -> aws_beanstalk_environment:shop-prod",
        "aws_sqs_queue:orders -> aws_beanstalk_environment:shop-worker");
  }

  @Test
  void albsAreNamedByTheNameInTheirArn() {
    assertThat(AwsBeanstalkEnvironmentKind.loadBalancerName(
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/awseb-shop-prod/0a11c0e0aaaa0002"))
        .isEqualTo("awseb-shop-prod");
    assertThat(AwsBeanstalkEnvironmentKind.loadBalancerName("awseb-e-x-AWSEBLoa-1")).isEqualTo("awseb-e-x-AWSEBLoa-1");
  }

  @Test
  void tagsAreChangedThroughUpdateTagsForResource() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsBeanstalkEnvironmentKind.KIND, "e-0a11c0e001", "shop-prod", ARN,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, target, "env", "production");
      assertThat(node(collect(new AwsBeanstalkEnvironmentKind()), AwsBeanstalkEnvironmentKind.KIND, "e-0a11c0e001")
          .tags()).isEqualTo(Map.of("team", "shop", "env", "production"));
      plugin.deleteTag(null, target, "env");
      assertThat(node(collect(new AwsBeanstalkEnvironmentKind()), AwsBeanstalkEnvironmentKind.KIND, "e-0a11c0e001")
          .tags()).isEqualTo(Map.of("team", "shop"));
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
    List<Map<String, Object>> envs = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      envs.add(Map.of("EnvironmentName", "env-" + i, "EnvironmentId", "e-" + i, "ApplicationName", "app",
          "Status", "Ready"));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("elasticbeanstalk", Map.of("Environments", envs)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-environments"))) {
      Graph g = collect(big, new AwsBeanstalkEnvironmentKind(3));
      assertThat(nodes(g, AwsBeanstalkEnvironmentKind.KIND)).hasSize(7);
    }
  }
}
