package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEcsContainerInstanceKindTest extends KindTestHarness {

  static final String ARN =
      "arn:aws:ecs:us-east-1:111111111111:container-instance/demo-web/0a11c0e0c10140008000000000000001";

  @Test
  @SuppressWarnings("unchecked")
  void containerInstancesAreMappedWithTagsAndHealth() throws Exception {
    AwsEcsContainerInstanceKind kind = new AwsEcsContainerInstanceKind();
    Graph g = collect(kind, new AwsEc2InstanceKind(), new AwsEcsTaskKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEcsContainerInstanceKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("0a11c0e0c10140008000000000000001", "0a11c0e0c10240008000000000000002");
    Node ci = node(g, AwsEcsContainerInstanceKind.KIND, "0a11c0e0c10140008000000000000001");
    assertThat(ci.name()).isEqualTo(ARN);
    assertThat(ci.ctime()).isEqualTo(Instant.parse("2024-03-04T09:20:00Z"));
    assertThat(ci.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(ci.properties())
        .containsEntry("arn", ARN)
        .containsEntry("ec2_instance_id", "i-0a11c0e0000000001")
        .containsEntry("version", "42")
        .containsEntry("status", "ACTIVE")
        .containsEntry("agent_connected", true)
        .containsEntry("agent_update_status", "UPDATED")
        .containsEntry("cluster_link", "arn:aws:ecs:us-east-1:111111111111:cluster/demo-web");
    assertThat((Map<String, Object>) ci.properties().get("health_status")).containsEntry("overall_status", "OK");
    assertThat((List<Map<String, Object>>) ci.properties().get("registered_resources"))
        .contains(Map.of("name", "CPU", "type", "INTEGER", "integer_value", 2048));

    String instance = "aws_ec2_instance:" + node(g, "aws_ec2_instance", "i-0a11c0e0000000001").name();
    String task = "aws_ecs_task:0a11c0e0f00140008000000000000001";
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsEcsContainerInstanceKind.KIND + ":" + ARN))
        .containsExactlyInAnyOrder("aws_ecs_container_instance:" + ARN + " -> " + instance,
            "aws_ecs_container_instance:" + ARN + " -> " + task);
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith(AwsEcsContainerInstanceKind.KIND + ":" + ARN))
        .containsExactlyInAnyOrder("aws_ecs_container_instance:" + ARN + " -> " + instance,
            "aws_ecs_container_instance:" + ARN + " -> " + task);
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    TagRoundTrip.check(sim, AwsEcsContainerInstanceKind.KIND, "0a11c0e0c10140008000000000000001", ARN,
        () -> node(collect(new AwsEcsContainerInstanceKind()), AwsEcsContainerInstanceKind.KIND,
            "0a11c0e0c10140008000000000000001").tags());
  }
}
