package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsEcsClusterKindTest extends KindTestHarness {

  static final String KEY = "0a11c0e0-0000-4000-8000-000000000001";

  @Test
  @SuppressWarnings("unchecked")
  void clustersAreMappedWithEverythingDescribeClustersIncludes() throws Exception {
    AwsEcsClusterKind kind = new AwsEcsClusterKind();
    Graph g = collect(kind, new AwsEcsCapacityProviderKind(), new AwsEcsServiceKind(), new AwsEcsTaskKind(),
        new AwsEcsContainerInstanceKind(), new AwsKmsKeyKind(), new AwsS3BucketKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEcsClusterKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-web", "demo-batch");
    Node web = node(g, AwsEcsClusterKind.KIND, "demo-web");
    assertThat(web.name()).isEqualTo("demo-web");
    assertThat(web.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(web.properties())
        .containsEntry("arn", "arn:aws:ecs:us-east-1:111111111111:cluster/demo-web")
        .containsEntry("cluster_status", "ACTIVE")
        .containsEntry("cluster_registered_container_instances_count", 2)
        .containsEntry("cluster_capacity_providers", List.of("demo-web-asg"))
        .containsEntry("cluster_settings", List.of(Map.of("name", "containerInsights", "value", "enabled")))
        .containsEntry("cluster_attachments_status", "UPDATE_COMPLETE");
    Map<String, Object> exec = (Map<String, Object>) ((Map<String, Object>) web.properties()
        .get("cluster_configuration")).get("execute_command_configuration");
    assertThat(exec).containsEntry("logging", "OVERRIDE");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsEcsClusterKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_ecs_cluster:demo-web -> aws_ecs_capacity_provider:demo-web-asg",
            "aws_ecs_cluster:demo-web -> aws_kms_key:" + KEY,
            "aws_ecs_cluster:demo-web -> aws_s3_bucket:demo-mgmt-logs",
            "aws_ecs_cluster:demo-web -> aws_ecs_service:web-frontend",
            "aws_ecs_cluster:demo-web -> aws_ecs_task:0a11c0e0f00140008000000000000001",
            "aws_ecs_cluster:demo-web -> aws_ecs_container_instance:"
                + "arn:aws:ecs:us-east-1:111111111111:container-instance/demo-web/0a11c0e0c10140008000000000000001",
            "aws_ecs_cluster:demo-web -> aws_ecs_container_instance:"
                + "arn:aws:ecs:us-east-1:111111111111:container-instance/demo-web/0a11c0e0c10240008000000000000002",
            "aws_ecs_cluster:demo-batch -> aws_ecs_capacity_provider:FARGATE",
            "aws_ecs_cluster:demo-batch -> aws_ecs_service:report-api",
            "aws_ecs_cluster:demo-batch -> aws_ecs_task:0a11c0e0f00240008000000000000002");
    assertThat(edges(g, EdgeType.DELETE)).contains("aws_kms_key:" + KEY + " -> aws_ecs_cluster:demo-web");
  }

  @Test
  void tagsAreChangedByArn() throws Exception {
    TagRoundTrip.check(sim, AwsEcsClusterKind.KIND, "demo-batch", "arn:aws:ecs:us-east-1:111111111111:cluster/demo-batch",
        () -> node(collect(new AwsEcsClusterKind()), AwsEcsClusterKind.KIND, "demo-batch").tags());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> clusters = new ArrayList<>();
    List<Map<String, Object>> services = new ArrayList<>();
    List<Map<String, Object>> tasks = new ArrayList<>();
    List<Map<String, Object>> instances = new ArrayList<>();
    List<Map<String, Object>> definitions = new ArrayList<>();
    String c0 = "arn:aws:ecs:us-west-2:111111111111:cluster/c-0";
    for (int i = 0; i < 7; i++) {
      clusters.add(Map.of("clusterName", "c-" + i, "clusterArn", "arn:aws:ecs:us-west-2:111111111111:cluster/c-" + i));
    }
    for (int i = 0; i < 23; i++) {
      services.add(Map.of("serviceName", "s-" + i, "clusterArn", c0,
          "serviceArn", "arn:aws:ecs:us-west-2:111111111111:service/c-0/s-" + i));
      tasks.add(Map.of("clusterArn", c0, "taskArn", "arn:aws:ecs:us-west-2:111111111111:task/c-0/t" + i));
      instances.add(Map.of("containerInstanceArn", "arn:aws:ecs:us-west-2:111111111111:container-instance/c-0/ci" + i));
      definitions.add(Map.of("family", "f-" + (i % 5), "revision", i, "status", "ACTIVE",
          "taskDefinitionArn", "arn:aws:ecs:us-west-2:111111111111:task-definition/f-" + (i % 5) + ":" + i));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("ecs", Map.of("Clusters", clusters,
        "Services", services, "Tasks", tasks, "ContainerInstances", instances, "TaskDefinitions", definitions)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-ecs"))) {
      Graph g = collect(big, new AwsEcsClusterKind(3), new AwsEcsServiceKind(4), new AwsEcsTaskKind(5),
          new AwsEcsContainerInstanceKind(6), new AwsEcsTaskDefinitionKind(2));
      assertThat(nodes(g, AwsEcsClusterKind.KIND)).hasSize(7);
      assertThat(nodes(g, AwsEcsServiceKind.KIND)).hasSize(23);
      assertThat(nodes(g, AwsEcsTaskKind.KIND)).hasSize(23);
      assertThat(nodes(g, AwsEcsContainerInstanceKind.KIND)).hasSize(23);
      // only the newest revision of each of the 5 families
      assertThat(nodes(g, AwsEcsTaskDefinitionKind.KIND)).extracting(Node::resourceId)
          .containsExactlyInAnyOrder("f-0:20", "f-1:21", "f-2:22", "f-3:18", "f-4:19");
    }
  }
}
