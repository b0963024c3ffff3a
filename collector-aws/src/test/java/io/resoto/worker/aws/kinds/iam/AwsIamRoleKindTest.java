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

class AwsIamRoleKindTest extends KindTestHarness {

  @Test
  void rolesAreMappedWithPolicyAndInstanceProfileEdges() throws Exception {
    AwsIamRoleKind kind = new AwsIamRoleKind();
    Graph g = collect(kind, new AwsIamPolicyKind(), new AwsIamInstanceProfileKind());

    assertThat(nodes(g, AwsIamRoleKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("worker-node", "worker-pod");
    assertEveryPropertyFilled(g, kind);
    Node node = node(g, AwsIamRoleKind.KIND, "AROADEMOWORKERNODE001");
    assertThat(node.name()).isEqualTo("worker-node");
    assertThat(node.ctime()).isEqualTo(Instant.parse("2021-06-01T10:05:00Z"));
    assertThat(node.atime()).isEqualTo(Instant.parse("2024-05-02T08:00:00Z"));
    assertThat(node.tags()).isEqualTo(Map.of("app", "resoto-worker"));
    assertThat(node.properties()).containsEntry("arn", "arn:aws:iam::111111111111:role/worker-node")
        .containsEntry("role_last_used_region", "eu-central-1").containsEntry("path", "/");
    assertThat((String) node.properties().get("assume_role_policy_document")).contains("ec2.amazonaws.com");
    assertThat(node(g, AwsIamRoleKind.KIND, "AROADEMOWORKERPOD0001").properties())
        .containsEntry("role_policies", List.of("assume-collect-roles"));
    assertUnderGlobalRegion(g, node);
    for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
      assertThat(edges(g, type)).contains("aws_iam_role:worker-node -> aws_iam_policy:resoto-collect",
          "aws_iam_role:worker-node -> aws_iam_policy:ReadOnlyAccess",
          "aws_iam_role:worker-pod -> aws_iam_policy:resoto-collect",
          "aws_iam_role:worker-node -> aws_iam_instance_profile:worker-node");
    }
  }
}
