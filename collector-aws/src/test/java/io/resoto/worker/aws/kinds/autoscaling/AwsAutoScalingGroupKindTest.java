package io.resoto.worker.aws.kinds.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.NodeTagging;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2LaunchTemplateKind;
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
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsAutoScalingGroupKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void groupsAreMappedWithTheirInstancesAndTemplate() throws Exception {
    AwsAutoScalingGroupKind kind = new AwsAutoScalingGroupKind();
    Graph g = collect(kind, new AwsEc2InstanceKind(), new AwsEc2LaunchTemplateKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsAutoScalingGroupKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("web-asg", "batch-spot-asg", "legacy-asg");
    Node web = node(g, AwsAutoScalingGroupKind.KIND, "web-asg");
    assertThat(web.name()).isEqualTo("web-asg");
    assertThat(web.region()).isEqualTo("us-east-1");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2024-03-04T09:10:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(web.properties())
        .containsEntry("arn", "arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:"
            + "5a1c0e00-0000-4000-8000-000000000001:autoScalingGroupName/web-asg")
        .containsEntry("min_size", 2).containsEntry("max_size", 6)
        .containsEntry("autoscaling_desired_capacity", 2)
        .containsEntry("autoscaling_health_check_type", "ELB")
        .containsEntry("autoscaling_availability_zones", List.of("us-east-1a", "us-east-1b"))
        .containsEntry("autoscaling_target_group_ar_ns",
            List.of("arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web/0a11c0e000000001"))
        .containsEntry("autoscaling_launch_template", Map.of("launch_template_id", "lt-0a11c0e0000000002",
            "launch_template_name", "web-ondemand", "version", "$Default"));
    List<Map<String, Object>> instances = (List<Map<String, Object>>) web.properties().get("autoscaling_instances");
    assertThat(instances).extracting(i -> i.get("instance_id"))
        .containsExactly("i-0a11c0e0000000001", "i-0a11c0e0000000002");
    assertThat(instances.get(1)).containsEntry("protected_from_scale_in", true)
        .containsEntry("lifecycle_state", "InService");
    Node batch = node(g, AwsAutoScalingGroupKind.KIND, "batch-spot-asg");
    assertThat(batch.tags()).isEmpty();
    Map<String, Object> mixed = (Map<String, Object>) batch.properties().get("autoscaling_mixed_instances_policy");
    assertThat((Map<String, Object>) mixed.get("instances_distribution"))
        .containsEntry("spot_allocation_strategy", "price-capacity-optimized")
        .containsEntry("on_demand_percentage_above_base_capacity", 20);
    assertThat(batch.properties()).doesNotContainKeys("autoscaling_instances", "autoscaling_launch_template");
    assertThat(node(g, AwsAutoScalingGroupKind.KIND, "legacy-asg").properties())
        .containsEntry("autoscaling_status", "Delete in progress")
        .containsEntry("autoscaling_launch_configuration_name", "legacy-lc");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsAutoScalingGroupKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_autoscaling_group:web-asg -> aws_ec2_instance:web-1",
            "aws_autoscaling_group:web-asg -> aws_ec2_instance:" + node(g, "aws_ec2_instance", "i-0a11c0e0000000002").name(),
            "aws_autoscaling_group:web-asg -> aws_ec2_launch_template:web-ondemand");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.endsWith(" -> aws_autoscaling_group:web-asg"))
        .hasSize(2).allMatch(e -> e.startsWith("aws_ec2_instance:"));
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsAutoScalingGroupKind kind = new AwsAutoScalingGroupKind();
    Node web = node(collect(kind), AwsAutoScalingGroupKind.KIND, "web-asg");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(web, "owner", "platform");
      assertThat(node(collect(kind), AwsAutoScalingGroupKind.KIND, "web-asg").tags())
          .isEqualTo(Map.of("team", "web", "env", "prod", "owner", "platform"));
      tagging.delete(web, "owner");
      assertThat(node(collect(kind), AwsAutoScalingGroupKind.KIND, "web-asg").tags())
          .isEqualTo(Map.of("team", "web", "env", "prod"));
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
    List<Map<String, Object>> groups = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> group = new LinkedHashMap<>();
      group.put("AutoScalingGroupName", "asg-" + i);
      group.put("MinSize", i);
      group.put("MaxSize", 10);
      group.put("CreatedTime", "2024-01-0" + (i + 1) + "T00:00:00Z");
      groups.add(group);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("autoscaling", Map.of("AutoScalingGroups", groups)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-groups"))) {
      Graph g = collect(big, new AwsAutoScalingGroupKind(3));
      assertThat(nodes(g, AwsAutoScalingGroupKind.KIND)).hasSize(7);
      assertThat(node(g, AwsAutoScalingGroupKind.KIND, "asg-6").properties()).containsEntry("min_size", 6);
    }
  }
}
