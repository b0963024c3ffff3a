package io.resoto.worker.awssim.resources.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.Tag;

/** The ECS listings over the wire, from the demo estate: per-cluster scoping, includes, failures, paging, errors. */
class EcsApiTest {

  private static Simulation sim;
  private static EcsClient ecs;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    ecs = DemoClients.client(sim, EcsClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    ecs.close();
    sim.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void describeClustersAnswersIncludedPartsOnlyAndUnknownClustersAsFailures() {
    var r = ecs.describeClusters(b -> b.clusters("demo-web", "nope"));
    Cluster web = r.clusters().get(0);
    assertThat(web.clusterName()).isEqualTo("demo-web");
    assertThat(web.hasTags()).isFalse();
    assertThat(web.hasSettings()).isFalse();
    assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    Cluster full = ecs.describeClusters(b -> b.clusters("arn:aws:ecs:us-east-1:111111111111:cluster/demo-web")
        .include(ClusterField.TAGS, ClusterField.SETTINGS)).clusters().get(0);
    assertThat(full.tags()).hasSize(2);
    assertThat(full.settings()).hasSize(1);
  }

  @Test
  void perClusterListingsAreScopedAndAnUnknownClusterIsAnError() {
    assertThat(ecs.listContainerInstances(b -> b.cluster("demo-web")).containerInstanceArns()).hasSize(2);
    assertThat(ecs.listContainerInstances(b -> b.cluster("demo-batch")).containerInstanceArns()).isEmpty();
    assertThat(ecs.listServices(b -> b.cluster("demo-batch")).serviceArns())
        .containsExactly("arn:aws:ecs:us-east-1:111111111111:service/demo-batch/report-api");
    assertThatThrownBy(() -> ecs.listTasks(b -> b.cluster("nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ClusterNotFoundException"));
    assertThatThrownBy(() -> ecs.listServices(b -> b.cluster("demo-web").maxResults(101)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterException"));
  }

  @Test
  void taskDefinitionsAreSortedAndPagedAndDescribedByFamily() {
    ListTaskDefinitionsResponse first = ecs.listTaskDefinitions(b -> b.sort(SortOrder.DESC).maxResults(2));
    assertThat(first.taskDefinitionArns()).containsExactly(
        "arn:aws:ecs:us-east-1:111111111111:task-definition/web-frontend:3",
        "arn:aws:ecs:us-east-1:111111111111:task-definition/web-frontend:2");
    assertThat(ecs.listTaskDefinitions(b -> b.sort(SortOrder.DESC).maxResults(2).nextToken(first.nextToken()))
        .taskDefinitionArns()).containsExactly("arn:aws:ecs:us-east-1:111111111111:task-definition/batch-report:7");
    assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web-frontend")).taskDefinition().revision())
        .isEqualTo(3);
    assertThatThrownBy(() -> ecs.listTaskDefinitions(b -> b.nextToken(first.nextToken())))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterException"));
    assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition("nope:1")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ClientException"));
  }

  @Test
  void tagWritesRefuseReservedKeysAndUnknownResources() {
    assertThatThrownBy(() -> ecs.tagResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:111111111111:cluster/demo-web")
        .tags(Tag.builder().key("aws:x").value("y").build())))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterException"));
    assertThatThrownBy(() -> ecs.untagResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:111111111111:cluster/nope")
        .tagKeys("x")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ResourceNotFoundException"));
  }
}
