package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.kinds.KindTestHarness;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsIamGroupKindTest extends KindTestHarness {

  @Test
  void groupsAreMappedWithTheirPolicyEdges() throws Exception {
    AwsIamGroupKind kind = new AwsIamGroupKind();
    Graph g = collect(kind, new AwsIamPolicyKind(), new AwsIamUserKind());

    assertThat(nodes(g, AwsIamGroupKind.KIND)).extracting(Node::name).containsExactlyInAnyOrder("admins", "readers");
    assertEveryPropertyFilled(g, kind);
    Node admins = node(g, AwsIamGroupKind.KIND, "AGPADEMOADMINS0000001");
    assertThat(admins.name()).isEqualTo("admins");
    assertThat(admins.ctime()).isEqualTo(Instant.parse("2020-01-15T08:00:00Z"));
    assertThat(admins.tags()).isEmpty();
    assertThat(admins.properties()).containsEntry("arn", "arn:aws:iam::111111111111:group/admins")
        .containsEntry("group_policies", List.of("require-mfa"))
        .containsEntry("attached_policy_arns", List.of("arn:aws:iam::aws:policy/AdministratorAccess"));
    assertUnderGlobalRegion(g, admins);
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_iam_group:admins -> aws_iam_policy:AdministratorAccess",
        "aws_iam_group:readers -> aws_iam_policy:ReadOnlyAccess", "aws_iam_group:admins -> aws_iam_user:alice");
    assertThat(edges(g, EdgeType.DELETE)).contains("aws_iam_group:admins -> aws_iam_policy:AdministratorAccess");
  }
}
