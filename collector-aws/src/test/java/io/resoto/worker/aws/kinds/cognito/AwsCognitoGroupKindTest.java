package io.resoto.worker.aws.kinds.cognito;

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

class AwsCognitoGroupKindTest extends KindTestHarness {

  @Test
  void groupsAreMappedWithTheirPoolInTheirId() throws Exception {
    AwsCognitoGroupKind kind = new AwsCognitoGroupKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCognitoGroupKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("us-east-1_DemoPool2:admins", "us-east-1_DemoPool1:premium");
    Node admins = node(g, AwsCognitoGroupKind.KIND, "us-east-1_DemoPool2:admins");
    assertThat(admins.name()).isEqualTo("admins");
    assertThat(admins.ctime()).isEqualTo(Instant.parse("2022-05-05T06:00:00Z"));
    assertThat(admins.mtime()).isEqualTo(Instant.parse("2023-06-01T06:00:00Z"));
    assertThat(admins.properties())
        .containsEntry("arn", "arn:aws:cognito-idp:us-east-1:111111111111:group/us-east-1_DemoPool2:admins")
        .containsEntry("role_arn", "arn:aws:iam::111111111111:role/worker-node")
        .containsEntry("precedence", 1L)
        .containsEntry("user_pool_id", "us-east-1_DemoPool2");
    assertThat(node(g, AwsCognitoGroupKind.KIND, "us-east-1_DemoPool1:premium").properties())
        .doesNotContainKey("role_arn");
  }

  @Test
  void theGroupsRolePointsToItFoundByItsArn() throws Exception {
    Graph g = collect(new AwsCognitoGroupKind(), new io.resoto.worker.aws.kinds.iam.AwsIamRoleKind());
    for (io.resoto.worker.graph.EdgeType type : io.resoto.worker.graph.EdgeType.values()) {
      List<String> expected = type == io.resoto.worker.graph.EdgeType.IAM ? List.of()
          : List.of("aws_iam_role:worker-node -> aws_cognito_group:admins");
      assertThat(edges(g, type)).as(type.name()).filteredOn(e -> e.contains("aws_cognito_group"))
          .filteredOn(e -> e.startsWith("aws_iam_role")).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void listingsOfSeveralPagesAreReadInFull() throws Exception {
    List<Map<String, Object>> pools = new ArrayList<>();
    List<Map<String, Object>> groups = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      String id = "us-west-2_p" + p;
      pools.add(Map.of("Id", id, "Name", "pool-" + p, "Arn", "arn:aws:cognito-idp:us-west-2:111111111111:userpool/"
          + id));
      for (int i = 0; i < 5; i++) {
        groups.add(Map.of("GroupName", "g-" + i, "UserPoolId", id));
      }
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-groups", Map.of("111111111111",
        Map.of("us-west-2", Map.of("cognito-idp", Map.of("UserPools", pools, "Groups", groups))))))) {
      Graph g = collect(big, new AwsCognitoGroupKind(2));
      assertThat(nodes(g, AwsCognitoGroupKind.KIND)).hasSize(15);
    }
  }
}
