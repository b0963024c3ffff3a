package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.iam.AwsIamRoleKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEcsTaskDefinitionKindTest extends KindTestHarness {

  static final String ARN = "arn:aws:ecs:us-east-1:111111111111:task-definition/web-frontend:3";

  @Test
  @SuppressWarnings("unchecked")
  void theNewestRevisionOfEachFamilyIsMapped() throws Exception {
    AwsEcsTaskDefinitionKind kind = new AwsEcsTaskDefinitionKind();
    Graph g = collect(kind, new AwsIamRoleKind());

    assertEveryPropertyFilled(g, kind);
    // web-frontend:2 is an older revision and skipped, as the original does
    assertThat(nodes(g, AwsEcsTaskDefinitionKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("web-frontend:3", "batch-report:7");
    Node web = node(g, AwsEcsTaskDefinitionKind.KIND, "web-frontend:3");
    assertThat(web.name()).isEqualTo("web-frontend-prod");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2024-09-30T07:50:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("Name", "web-frontend-prod", "team", "web"));
    assertThat(web.properties())
        .containsEntry("arn", ARN)
        .containsEntry("family", "web-frontend")
        .containsEntry("revision", 3)
        .containsEntry("network_mode", "awsvpc")
        .containsEntry("task_role_arn", "arn:aws:iam::111111111111:role/worker-pod")
        .containsEntry("compatibilities", List.of("EC2"))
        .containsEntry("runtime_platform", Map.of("cpu_architecture", "X86_64", "operating_system_family", "LINUX"));
    assertThat((List<Map<String, Object>>) web.properties().get("container_definitions")).singleElement()
        .satisfies(c -> assertThat(c).containsEntry("name", "web").containsEntry("essential", true));
    Node batch = node(g, AwsEcsTaskDefinitionKind.KIND, "batch-report:7");
    assertThat(batch.name()).isEqualTo("arn:aws:ecs:us-east-1:111111111111:task-definition/batch-report:7");
    assertThat(batch.tags()).isEmpty();
    assertThat(batch.properties()).containsEntry("ephemeral_storage", 40);
    // the task and execution roles point to the task definitions that use them (by ARN)
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_iam_role:"))
        .containsExactlyInAnyOrder("aws_iam_role:worker-pod -> aws_ecs_task_definition:web-frontend-prod",
            "aws_iam_role:worker-node -> aws_ecs_task_definition:web-frontend-prod",
            "aws_iam_role:worker-node -> aws_ecs_task_definition:" + batch.name());
    assertThat(edges(g, EdgeType.DELETE)).hasSize(3);
  }

  @Test
  void theFamilyKeyIsTheArnWithoutItsRevision() {
    assertThat(AwsEcsTaskDefinitionKind.familyKey("arn:aws:ecs:us-east-1:1:task-definition/web:12"))
        .isEqualTo("arn:aws:ecs:us-east-1:1:task-definition/web");
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    TagRoundTrip.check(sim, AwsEcsTaskDefinitionKind.KIND, "batch-report:7",
        "arn:aws:ecs:us-east-1:111111111111:task-definition/batch-report:7",
        () -> node(collect(new AwsEcsTaskDefinitionKind()), AwsEcsTaskDefinitionKind.KIND, "batch-report:7").tags());
  }
}
