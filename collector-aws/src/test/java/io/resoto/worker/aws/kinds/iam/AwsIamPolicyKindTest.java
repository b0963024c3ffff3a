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

class AwsIamPolicyKindTest extends KindTestHarness {

  @Test
  void policiesAreMappedAndPrincipalsPointToThem() throws Exception {
    AwsIamPolicyKind kind = new AwsIamPolicyKind();
    Graph g = collect(kind, new AwsIamUserKind(), new AwsIamGroupKind(), new AwsIamRoleKind());

    assertThat(nodes(g, AwsIamPolicyKind.KIND)).extracting(Node::name).containsExactlyInAnyOrder(
        "resoto-collect", "artifacts-write", "AdministratorAccess", "ReadOnlyAccess");
    assertEveryPropertyFilled(g, kind);
    Node p = node(g, AwsIamPolicyKind.KIND, "ANPADEMORESOTOCOLL001");
    assertThat(p.name()).isEqualTo("resoto-collect");
    assertThat(p.ctime()).isEqualTo(Instant.parse("2021-06-01T10:02:00Z"));
    assertThat(p.mtime()).isEqualTo(Instant.parse("2023-11-08T09:30:00Z"));
    assertThat(p.tags()).isEmpty();
    assertThat(p.properties()).containsEntry("arn", "arn:aws:iam::111111111111:policy/resoto-collect")
        .containsEntry("default_version_id", "v2").containsEntry("attachment_count", 3L)
        .containsEntry("is_attachable", true);
    assertThat((String) p.properties().get("policy_document")).contains("ec2:Describe*");
    assertThat(node(g, AwsIamPolicyKind.KIND, "ANPAILL3HVNFSB6DCOWYQ").properties())
        .containsEntry("arn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertUnderGlobalRegion(g, p);
    for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
      assertThat(edges(g, type)).contains("aws_iam_user:collector -> aws_iam_policy:resoto-collect",
          "aws_iam_user:ci-deploy -> aws_iam_policy:artifacts-write",
          "aws_iam_group:admins -> aws_iam_policy:AdministratorAccess",
          "aws_iam_role:worker-node -> aws_iam_policy:resoto-collect");
    }
  }
}
