package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.kinds.KindTestHarness;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsIamUserKindTest extends KindTestHarness {

  @Test
  void usersAreMappedWithCredentialReportDataAndGroupEdges() throws Exception {
    AwsIamUserKind kind = new AwsIamUserKind();
    Graph g = collect(kind, new AwsIamGroupKind());

    assertThat(nodes(g, AwsIamUserKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("collector", "alice", "ci-deploy");
    assertEveryPropertyFilled(g, kind);
    Node collector = node(g, AwsIamUserKind.KIND, "AIDADEMOCOLLECTOR0001");
    assertThat(collector.name()).isEqualTo("collector");
    assertThat(collector.ctime()).isEqualTo(Instant.parse("2021-06-01T10:00:00Z"));
    assertThat(collector.tags()).containsExactlyInAnyOrderEntriesOf(
        Map.of("owner", "platform-team", "purpose", "inventory"));
    assertThat(collector.properties()).containsEntry("arn", "arn:aws:iam::111111111111:user/automation/collector")
        .containsEntry("path", "/automation/").containsEntry("user_policies", List.of("deny-writes"))
        .containsEntry("group_list", List.of("readers"))
        .containsEntry("user_permissions_boundary", "arn:aws:iam::aws:policy/ReadOnlyAccess")
        .containsEntry("password_enabled", false).containsEntry("mfa_active", false);
    assertThat(collector.idKeyExtra()).containsExactly("arn:aws:iam::111111111111:user/automation/collector");
    Node alice = node(g, AwsIamUserKind.KIND, "AIDADEMOALICE00000001");
    assertThat(alice.properties()).containsEntry("password_enabled", true).containsEntry("mfa_active", true)
        .containsEntry("password_last_changed", Instant.parse("2020-01-15T08:31:00Z"))
        .containsEntry("password_last_used", Instant.parse("2024-05-01T18:22:03Z"));
    assertUnderGlobalRegion(g, alice);
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_iam_group:admins -> aws_iam_user:alice",
        "aws_iam_group:readers -> aws_iam_user:alice",
        "aws_iam_group:readers -> aws_iam_user:collector");
  }

  @Test
  void aListingLongerThanOnePageIsReadInFull() throws Exception {
    // 250 users: GetAccountAuthorizationDetails hands out 100 per page by default
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(in);
    }
    List<Map<String, Object>> users = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String name = String.format("user-%03d", i);
      users.add(Map.of("UserName", name, "UserId", String.format("AIDAPAGED%012d", i), "Path", "/",
          "Arn", "arn:aws:iam::111111111111:user/" + name, "CreateDate", "2023-01-01T00:00:00Z"));
    }
    doc.put("resources", Map.of("111111111111", Map.of("global", Map.of("iam", Map.of("Users", users)))));
    try (Simulation paged = Simulation.start(Estate.parse(yaml.dump(doc), "paged"))) {
      Graph g = collect(paged, new AwsIamUserKind());
      assertThat(nodes(g, AwsIamUserKind.KIND)).hasSize(250);
      assertThat(paged.aws().counters().get("iam", "GetAccountAuthorizationDetails").calls()).isEqualTo(3);
    }
  }
}
