package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.iam.AwsIamRoleKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEcsServiceKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:ecs:us-east-1:111111111111:service/demo-web/web-frontend";

  @Test
  @SuppressWarnings("unchecked")
  void servicesAreMappedWithTheirNetworkAndDeployments() throws Exception {
    AwsEcsServiceKind kind = new AwsEcsServiceKind();
    Graph g = collect(kind, new AwsEcsTaskDefinitionKind(), new AwsEcsCapacityProviderKind(),
        new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind(), new AwsIamRoleKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEcsServiceKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("web-frontend", "report-api");
    Node web = node(g, AwsEcsServiceKind.KIND, "web-frontend");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2024-03-04T10:00:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(web.properties())
        .containsEntry("arn", ARN)
        .containsEntry("cluster_arn", "arn:aws:ecs:us-east-1:111111111111:cluster/demo-web")
        .containsEntry("service_desired_count", 1)
        .containsEntry("service_deployment_controller", "ECS")
        .containsEntry("service_scheduling_strategy", "REPLICA")
        .containsEntry("service_propagate_tags", "SERVICE")
        .containsEntry("service_enable_ecs_managed_tags", true)
        .containsEntry("service_role_arn", "arn:aws:iam::111111111111:role/worker-node");
    Map<String, Object> network = (Map<String, Object>) web.properties().get("service_network_configuration");
    assertThat((Map<String, Object>) network.get("awsvpc_configuration"))
        .containsEntry("security_groups", List.of("sg-0a1b2c3d4e5f60001"));
    Node api = node(g, AwsEcsServiceKind.KIND, "report-api");
    assertThat(api.properties()).containsEntry("service_task_definition", "batch-report:7")
        .containsEntry("service_launch_type", "FARGATE").containsEntry("service_deployment_controller", "EXTERNAL");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_ecs_service:"))
        .containsExactlyInAnyOrder(
            "aws_ecs_service:web-frontend -> aws_ecs_task_definition:web-frontend-prod",
            "aws_ecs_service:web-frontend -> aws_ecs_capacity_provider:demo-web-asg",
            "aws_ecs_service:report-api -> aws_ecs_task_definition:"
                + "arn:aws:ecs:us-east-1:111111111111:task-definition/batch-report:7");
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith(" -> aws_ecs_service:web-frontend") && !e.startsWith("aws_region"))
        .hasSize(4).contains("aws_iam_role:worker-node -> aws_ecs_service:web-frontend")
        .allMatch(e -> e.startsWith("aws_ec2_subnet:") || e.startsWith("aws_ec2_security_group:")
            || e.startsWith("aws_iam_role:"));
    assertThat(edges(g, EdgeType.DELETE)).contains("aws_iam_role:worker-node -> aws_ecs_service:web-frontend");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.endsWith(" -> aws_ecs_service:report-api"))
        .hasSize(2);
  }

  @Test
  void taskDefinitionsAreNamedByFamilyAndRevision() {
    assertThat(AwsEcsServiceKind.taskDefinitionId("arn:aws:ecs:us-east-1:1:task-definition/web:3")).isEqualTo("web:3");
    assertThat(AwsEcsServiceKind.taskDefinitionId("web:3")).isEqualTo("web:3");
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    TagRoundTrip.check(sim, AwsEcsServiceKind.KIND, "web-frontend", ARN,
        () -> node(collect(new AwsEcsServiceKind()), AwsEcsServiceKind.KIND, "web-frontend").tags());
  }
}
