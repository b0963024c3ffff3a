package io.resoto.worker.aws.kinds.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEcrRepositoryKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void privateAndPublicRepositoriesAreMapped() throws Exception {
    AwsEcrRepositoryKind kind = new AwsEcrRepositoryKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEcrRepositoryKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("orders-api", "base-images/python", "demo-cli");
    Node api = node(g, AwsEcrRepositoryKind.KIND, "orders-api");
    assertThat(api.region()).isEqualTo("us-east-1");
    assertThat(api.ctime()).isEqualTo(Instant.parse("2023-03-10T08:00:00Z"));
    assertThat(api.properties())
        .containsEntry("arn", "arn:aws:ecr:us-east-1:111111111111:repository/orders-api")
        .containsEntry("repository_visibility", "private")
        .containsEntry("image_tag_mutability", "IMMUTABLE_WITH_EXCLUSION")
        .containsEntry("image_scan_on_push", true)
        .doesNotContainKey("repository_policy");
    assertThat((Map<String, Object>) api.properties().get("encryption_configuration"))
        .containsEntry("encryption_type", "KMS");
    assertThat((String) api.properties().get("lifecycle_policy")).contains("imageCountMoreThan");
    Node python = node(g, AwsEcrRepositoryKind.KIND, "base-images/python");
    assertThat((String) python.properties().get("repository_policy")).contains("222222222222");
    assertThat(python.properties()).doesNotContainKey("lifecycle_policy");
    Node cli = node(g, AwsEcrRepositoryKind.KIND, "demo-cli");
    assertThat(cli.region()).isEqualTo("us-east-1");
    assertThat(cli.properties()).containsEntry("repository_visibility", "public")
        .containsEntry("repository_uri", "public.ecr.aws/a1b2c3d4/demo-cli")
        .containsEntry("arn", "arn:aws:ecr-public::111111111111:repository/demo-cli");
  }

  @Test
  void listingsOfSeveralPagesAreReadInFullAndPublicOnesOnlyInUsEast1() throws Exception {
    List<Map<String, Object>> west = new ArrayList<>();
    List<Map<String, Object>> east = new ArrayList<>();
    List<Map<String, Object>> pub = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      west.add(Map.of("repositoryName", "w-" + i, "registryId", "111111111111",
          "repositoryArn", "arn:aws:ecr:us-west-2:111111111111:repository/w-" + i));
      east.add(Map.of("repositoryName", "e-" + i, "registryId", "111111111111",
          "repositoryArn", "arn:aws:ecr:us-east-1:111111111111:repository/e-" + i));
      pub.add(Map.of("repositoryName", "p-" + i, "registryId", "111111111111",
          "repositoryArn", "arn:aws:ecr-public::111111111111:repository/p-" + i));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-repositories", Map.of("111111111111", Map.of(
        "us-west-2", Map.of("ecr", Map.of("Repositories", west)),
        "us-east-1", Map.of("ecr", Map.of("Repositories", east), "ecr-public", Map.of("Repositories", pub))))))) {
      Graph g = collect(big, new AwsEcrRepositoryKind(3));
      assertThat(nodes(g, AwsEcrRepositoryKind.KIND)).hasSize(21);
      assertThat(nodes(g, AwsEcrRepositoryKind.KIND)).filteredOn(n -> n.name().startsWith("p-"))
          .allMatch(n -> n.region().equals("us-east-1")).hasSize(7);
    }
  }
}
