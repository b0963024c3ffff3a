package io.resoto.worker.aws.kinds.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

class AwsAlbKindTest extends KindTestHarness {

  static final String WEB_ARN =
      "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/demo-web/0a11c0e000000001";

  @Test
  @SuppressWarnings("unchecked")
  void loadBalancersAreMappedWithListenersAndTags() throws Exception {
    AwsAlbKind kind = new AwsAlbKind();
    Graph g = collect(kind, new AwsVpcKind(), new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsAlbKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-web", "demo-db-proxy", "factory-floor");
    Node web = node(g, AwsAlbKind.KIND, "demo-web");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2024-01-10T08:30:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("Name", "demo-web", "team", "web"));
    assertThat(web.properties()).containsEntry("arn", WEB_ARN).containsEntry("lb_type", "alb")
        .containsEntry("alb_type", "application").containsEntry("alb_scheme", "internet-facing")
        .containsEntry("alb_state", Map.of("code", "active"))
        .containsEntry("alb_security_groups", List.of("sg-0a1b2c3d4e5f60001"));
    List<Map<String, Object>> listeners = (List<Map<String, Object>>) web.properties().get("alb_listener");
    assertThat(listeners).extracting(l -> l.get("port")).containsExactlyInAnyOrder(443L, 80L);
    assertThat(node(g, AwsAlbKind.KIND, "factory-floor").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith("aws_alb:demo-web") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_vpc:prod -> aws_alb:demo-web",
            "aws_ec2_subnet:prod-public-a -> aws_alb:demo-web", "aws_ec2_subnet:prod-private-b -> aws_alb:demo-web",
            "aws_ec2_security_group:prod-web -> aws_alb:demo-web");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.endsWith("aws_alb:demo-db-proxy"))
        .contains("aws_vpc:prod -> aws_alb:demo-db-proxy", "aws_ec2_subnet:prod-private-b -> aws_alb:demo-db-proxy");
  }

  @Test
  void aLoadBalancerIsTaggedAndUntaggedByItsArn() throws Exception {
    try (ElasticLoadBalancingV2Client elb = ElasticLoadBalancingV2Client.builder().endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsAlbKind.KIND, "demo-web", "demo-web", WEB_ARN, "us-east-1", Map.of(),
          () -> elb.describeTags(r -> r.resourceArns(WEB_ARN)).tagDescriptions().get(0).tags().stream()
              .collect(Collectors.toMap(Tag::key, Tag::value)));
    }
  }

  @Test
  void theNameIsReadFromTheArn() {
    assertThat(Elbv2Tags.loadBalancerName(WEB_ARN)).isEqualTo("demo-web");
    assertThat(Elbv2Tags.loadBalancerName(
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/db/0a1")).isEqualTo("db");
    assertThat(Elbv2Tags.loadBalancerName(null)).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void listingsOfSeveralPagesAreReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> lbs = new ArrayList<>();
    List<Map<String, Object>> listeners = new ArrayList<>();
    List<Map<String, Object>> tags = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String arn = "arn:aws:elasticloadbalancing:us-west-2:111111111111:loadbalancer/app/lb-" + i + "/" + i;
      Map<String, Object> lb = new LinkedHashMap<>();
      lb.put("LoadBalancerName", "lb-" + i);
      lb.put("LoadBalancerArn", arn);
      lb.put("Type", "application");
      lbs.add(lb);
      tags.add(Map.of("ResourceArn", arn, "Tags", List.of(Map.of("Key", "n", "Value", String.valueOf(i)))));
    }
    for (int i = 0; i < 7; i++) {
      listeners.add(Map.of("ListenerArn", "arn:aws:elasticloadbalancing:us-west-2:111111111111:listener/app/lb-0/0/" + i,
          "LoadBalancerArn", "arn:aws:elasticloadbalancing:us-west-2:111111111111:loadbalancer/app/lb-0/0", "Port", 8000 + i));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("elbv2", Map.of("LoadBalancers", lbs, "Listeners", listeners, "Tags", tags)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-lbs"))) {
      Graph g = collect(big, new AwsAlbKind(3));
      assertThat(nodes(g, AwsAlbKind.KIND)).hasSize(23);
      // tags come in batches of 20 ARNs
      assertThat(node(g, AwsAlbKind.KIND, "lb-22").tags()).isEqualTo(Map.of("n", "22"));
      assertThat((List<Object>) node(g, AwsAlbKind.KIND, "lb-0").properties().get("alb_listener")).hasSize(7);
    }
  }
}
