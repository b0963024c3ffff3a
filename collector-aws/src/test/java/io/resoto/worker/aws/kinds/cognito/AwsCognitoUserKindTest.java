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

class AwsCognitoUserKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void usersAreMappedWithTheirAttributes() throws Exception {
    AwsCognitoUserKind kind = new AwsCognitoUserKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCognitoUserKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(
        "8c1f0000-0000-4000-8000-0000000c0001", "8c1f0000-0000-4000-8000-0000000c0002",
        "8c1f0000-0000-4000-8000-0000000c0003");
    Node ada = node(g, AwsCognitoUserKind.KIND, "8c1f0000-0000-4000-8000-0000000c0001");
    assertThat(ada.ctime()).isEqualTo(Instant.parse("2023-03-01T08:00:00Z"));
    assertThat(ada.mtime()).isEqualTo(Instant.parse("2024-01-10T08:00:00Z"));
    assertThat(ada.properties())
        .containsEntry("arn", "arn:aws:cognito-idp:us-east-1:111111111111:user/8c1f0000-0000-4000-8000-0000000c0001")
        .containsEntry("user_enabled", true)
        .containsEntry("user_status", "CONFIRMED")
        .containsEntry("user_pool_id", "us-east-1_DemoPool1");
    assertThat((Map<String, String>) ada.properties().get("user_attributes"))
        .containsEntry("email", "ada@example.com");
    assertThat(node(g, AwsCognitoUserKind.KIND, "8c1f0000-0000-4000-8000-0000000c0003").properties()).containsEntry("user_enabled", false)
        .containsEntry("user_pool_id", "us-east-1_DemoPool2");
  }

  @Test
  void listingsOfSeveralPagesAreReadInFull() throws Exception {
    List<Map<String, Object>> pools = new ArrayList<>();
    List<Map<String, Object>> poolUsers = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      String id = "us-west-2_p" + p;
      pools.add(Map.of("Id", id, "Name", "pool-" + p, "Arn", "arn:aws:cognito-idp:us-west-2:111111111111:userpool/"
          + id));
      List<Map<String, Object>> users = new ArrayList<>();
      for (int u = 0; u < 5; u++) {
        users.add(Map.of("Username", "u-" + p + "-" + u, "Enabled", true));
      }
      poolUsers.add(Map.of("UserPoolId", id, "Users", users));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-users", Map.of("111111111111",
        Map.of("us-west-2", Map.of("cognito-idp", Map.of("UserPools", pools, "PoolUsers", poolUsers))))))) {
      Graph g = collect(big, new AwsCognitoUserKind(2));
      assertThat(nodes(g, AwsCognitoUserKind.KIND)).hasSize(20);
    }
  }
}
