package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEcsCapacityProviderKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:ecs:us-east-1:111111111111:capacity-provider/demo-web-asg";

  @Test
  @SuppressWarnings("unchecked")
  void theProvidersTheClustersUseAreMapped() throws Exception {
    AwsEcsCapacityProviderKind kind = new AwsEcsCapacityProviderKind();
    Graph g = collect(kind, new AwsEcsTaskKind(), new AwsEcsServiceKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEcsCapacityProviderKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-web-asg", "FARGATE");
    Node p = node(g, AwsEcsCapacityProviderKind.KIND, "demo-web-asg");
    assertThat(p.name()).isEqualTo("demo-web-asg");
    assertThat(p.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(p.properties()).containsEntry("arn", ARN).containsEntry("status", "ACTIVE")
        .containsEntry("capacity_provider_update_status", "UPDATE_COMPLETE");
    Map<String, Object> asg = (Map<String, Object>) p.properties().get("capacity_provider_auto_scaling_group_provider");
    assertThat(asg).containsEntry("managed_termination_protection", "ENABLED");
    assertThat((Map<String, Object>) asg.get("managed_scaling")).containsEntry("target_capacity", 90);
    // services and tasks point to the providers they use
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith(" -> aws_ecs_capacity_provider:demo-web-asg") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_ecs_service:web-frontend -> aws_ecs_capacity_provider:demo-web-asg",
            "aws_ecs_task:0a11c0e0f00140008000000000000001 -> aws_ecs_capacity_provider:demo-web-asg");
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_ecs_task:0a11c0e0f00240008000000000000002 -> aws_ecs_capacity_provider:FARGATE");
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    TagRoundTrip.check(sim, AwsEcsCapacityProviderKind.KIND, "demo-web-asg", ARN,
        () -> node(collect(new AwsEcsCapacityProviderKind()), AwsEcsCapacityProviderKind.KIND, "demo-web-asg").tags());
  }
}
