package io.resoto.worker.aws.kinds.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

class AwsAlbTargetGroupKindTest extends KindTestHarness {

  static final String WEB_TG =
      "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/demo-web-instances/0a11c0e0000000b1";

  @Test
  @SuppressWarnings("unchecked")
  void targetGroupsAreMappedWithTargetHealthAndTags() throws Exception {
    AwsAlbTargetGroupKind kind = new AwsAlbTargetGroupKind();
    Graph g = collect(kind, new AwsAlbKind(), new AwsEc2InstanceKind(), new AwsVpcKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsAlbTargetGroupKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-web-instances", "demo-orders-fn", "demo-db-ips");
    Node web = node(g, AwsAlbTargetGroupKind.KIND, "demo-web-instances");
    assertThat(web.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(web.properties()).containsEntry("arn", WEB_TG).containsEntry("target_type", "instance")
        .containsEntry("port", 80L).containsEntry("health_check_path", "/healthz")
        .containsEntry("matcher", Map.of("http_code", "200-299"));
    List<Map<String, Object>> health = (List<Map<String, Object>>) web.properties().get("target_health");
    assertThat(health).extracting(h -> ((Map<String, Object>) h.get("target")).get("id") + "="
            + ((Map<String, Object>) h.get("target_health")).get("state"))
        .containsExactlyInAnyOrder("i-0a11c0e0000000001=healthy", "i-0a11c0e0000000002=unused");
    assertThat(node(g, AwsAlbTargetGroupKind.KIND, "demo-orders-fn").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_alb_target_group:") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder(
            "aws_alb:demo-web -> aws_alb_target_group:demo-web-instances",
            "aws_alb:demo-db-proxy -> aws_alb_target_group:demo-db-ips",
            "aws_alb_target_group:demo-web-instances -> aws_ec2_instance:web-1",
            "aws_alb_target_group:demo-web-instances -> aws_ec2_instance:batch-worker",
            "aws_vpc:prod -> aws_alb_target_group:demo-web-instances",
            "aws_vpc:prod -> aws_alb_target_group:demo-db-ips");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.contains("aws_alb_target_group:"))
        .contains("aws_alb_target_group:demo-web-instances -> aws_alb:demo-web",
            "aws_ec2_instance:web-1 -> aws_alb_target_group:demo-web-instances");
  }

  @Test
  void aTargetGroupIsTaggedAndUntaggedByItsArn() throws Exception {
    try (ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder().endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsAlbTargetGroupKind.KIND, "demo-web-instances", "demo-web-instances", WEB_TG, "us-east-1",
          Map.of(), () -> elb.describeTags(r -> r.resourceArns(WEB_TG)).tagDescriptions().get(0).tags().stream()
              .collect(Collectors.toMap(Tag::key, Tag::value)));
    }
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> tg = new LinkedHashMap<>();
      tg.put("TargetGroupName", "tg-" + i);
      tg.put("TargetGroupArn", "arn:aws:elasticloadbalancing:us-west-2:111111111111:targetgroup/tg-" + i + "/" + i);
      tg.put("Port", 8000 + i);
      groups.add(tg);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("elbv2", Map.of("TargetGroups", groups)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-target-groups"))) {
      Graph g = collect(big, new AwsAlbTargetGroupKind(3));
      assertThat(nodes(g, AwsAlbTargetGroupKind.KIND)).hasSize(7);
      assertThat(node(g, AwsAlbTargetGroupKind.KIND, "tg-6").properties()).containsEntry("port", 8006L);
    }
  }
}
