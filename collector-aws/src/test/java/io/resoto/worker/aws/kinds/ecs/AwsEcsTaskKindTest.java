package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEcsTaskKindTest extends KindTestHarness {

  static final String ID = "0a11c0e0f00140008000000000000001";
  static final String ARN = "arn:aws:ecs:us-east-1:111111111111:task/demo-web/" + ID;

  @Test
  @SuppressWarnings("unchecked")
  void tasksAreMappedWithContainersAndOverrides() throws Exception {
    AwsEcsTaskKind kind = new AwsEcsTaskKind();
    Graph g = collect(kind, new AwsEcsTaskDefinitionKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEcsTaskKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder(ID, "0a11c0e0f00240008000000000000002");
    Node t = node(g, AwsEcsTaskKind.KIND, ID);
    assertThat(t.name()).isEqualTo(ID);
    assertThat(t.ctime()).isEqualTo(Instant.parse("2024-09-30T08:00:30Z"));
    assertThat(t.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(t.properties())
        .containsEntry("arn", ARN)
        .containsEntry("task_last_status", "RUNNING")
        .containsEntry("task_group", "service:web-frontend")
        .containsEntry("task_version", 4L)
        .containsEntry("task_connectivity", "CONNECTED")
        .containsEntry("task_started_at", Instant.parse("2024-09-30T08:01:00Z"));
    assertThat((Map<String, Object>) t.properties().get("task_overrides"))
        .containsEntry("task_role_arn", "arn:aws:iam::111111111111:role/worker-pod");
    assertThat((List<Map<String, Object>>) t.properties().get("task_containers"))
        .singleElement().satisfies(c -> assertThat(c).containsEntry("name", "web").containsEntry("health_status", "HEALTHY"));
    Node stopped = node(g, AwsEcsTaskKind.KIND, "0a11c0e0f00240008000000000000002");
    assertThat(stopped.properties()).containsEntry("task_stop_code", "EssentialContainerExited")
        .containsEntry("task_ephemeral_storage", 40);

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith(" -> aws_ecs_task:" + ID) && !e.startsWith("aws_region"))
        .containsExactly("aws_ecs_task_definition:web-frontend-prod -> aws_ecs_task:" + ID);
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    TagRoundTrip.check(sim, AwsEcsTaskKind.KIND, ID, ARN,
        () -> node(collect(new AwsEcsTaskKind()), AwsEcsTaskKind.KIND, ID).tags());
  }
}
