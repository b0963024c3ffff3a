package io.resoto.worker.aws.kinds.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.PluginTagging;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
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
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

class AwsElbKindTest extends KindTestHarness {

  static final String WEB_DNS = "legacy-web-1122334455.us-east-1.elb.amazonaws.com";

  @Test
  @SuppressWarnings("unchecked")
  void classicLoadBalancersAreMappedWithAttributesAndTags() throws Exception {
    AwsElbKind kind = new AwsElbKind();
    Graph g = collect(kind, new AwsEc2InstanceKind(), new AwsVpcKind(), new AwsEc2SubnetKind(),
        new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsElbKind.KIND)).extracting(Node::name).containsExactlyInAnyOrder("legacy-web", "legacy-internal");
    Node web = node(g, AwsElbKind.KIND, WEB_DNS);
    assertThat(web.name()).isEqualTo("legacy-web");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2019-05-14T09:00:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(web.properties())
        .containsEntry("arn", "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/legacy-web")
        .containsEntry("lb_type", "elb").containsEntry("elb_scheme", "internet-facing")
        .containsEntry("backends", List.of("i-0a11c0e0000000001", "i-0a11c0e0000000002"))
        .containsEntry("elb_health_check", Map.of("target", "HTTP:8080/health", "interval", 30L, "timeout", 5L,
            "unhealthy_threshold", 2L, "healthy_threshold", 10L));
    assertThat((Map<String, Object>) web.properties().get("elb_attributes"))
        .containsEntry("cross_zone_load_balancing", Map.of("enabled", true))
        .containsEntry("connection_settings", Map.of("idle_timeout", 120L));
    // no attribute entry: AWS's defaults
    Node internal = node(g, AwsElbKind.KIND, "internal-legacy-internal-998877665.us-east-1.elb.amazonaws.com");
    assertThat((Map<String, Object>) internal.properties().get("elb_attributes"))
        .containsEntry("connection_draining", Map.of("enabled", false, "timeout", 300L));
    assertThat(internal.tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains("aws_elb:legacy-web") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_elb:legacy-web -> aws_ec2_instance:web-1",
            "aws_elb:legacy-web -> aws_ec2_instance:batch-worker", "aws_vpc:prod -> aws_elb:legacy-web",
            "aws_ec2_subnet:prod-public-a -> aws_elb:legacy-web", "aws_ec2_subnet:prod-private-b -> aws_elb:legacy-web",
            "aws_ec2_security_group:prod-web -> aws_elb:legacy-web");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.contains("aws_elb:legacy-web"))
        .contains("aws_ec2_instance:web-1 -> aws_elb:legacy-web", "aws_vpc:prod -> aws_elb:legacy-web");
  }

  @Test
  void aLoadBalancerIsTaggedAndUntaggedByItsName() throws Exception {
    try (ElasticLoadBalancingClient elb = ElasticLoadBalancingClient.builder().endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(PluginTagging.credentials()).build()) {
      PluginTagging.updateAndDelete(sim, AwsElbKind.KIND, WEB_DNS, "legacy-web", null, "us-east-1", Map.of(),
          () -> elb.describeTags(r -> r.loadBalancerNames("legacy-web")).tagDescriptions().get(0).tags().stream()
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
    List<Map<String, Object>> lbs = new ArrayList<>();
    List<Map<String, Object>> tags = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      Map<String, Object> lb = new LinkedHashMap<>();
      lb.put("LoadBalancerName", "elb-" + i);
      lb.put("DNSName", "elb-" + i + ".us-west-2.elb.amazonaws.com");
      lbs.add(lb);
      tags.add(Map.of("LoadBalancerName", "elb-" + i, "Tags", List.of(Map.of("Key", "n", "Value", String.valueOf(i)))));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("elb", Map.of("LoadBalancerDescriptions", lbs, "Tags", tags)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-elbs"))) {
      Graph g = collect(big, new AwsElbKind(3));
      assertThat(nodes(g, AwsElbKind.KIND)).hasSize(23);
      assertThat(node(g, AwsElbKind.KIND, "elb-22.us-west-2.elb.amazonaws.com").tags()).isEqualTo(Map.of("n", "22"));
    }
  }
}
