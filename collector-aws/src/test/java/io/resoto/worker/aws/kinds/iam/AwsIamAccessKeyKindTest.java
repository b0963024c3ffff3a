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

class AwsIamAccessKeyKindTest extends KindTestHarness {

  @Test
  void accessKeysAreListedPerUserWithoutSecrets() throws Exception {
    AwsIamAccessKeyKind kind = new AwsIamAccessKeyKind();
    Graph g = collect(kind, new AwsIamUserKind());

    assertThat(nodes(g, AwsIamAccessKeyKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(
        "AKIADEMO00000000000A", "AKIADEMOCIDEPLOY0001", "AKIADEMOCIDEPLOY0002");
    assertEveryPropertyFilled(g, kind);
    Node k = node(g, AwsIamAccessKeyKind.KIND, "AKIADEMOCIDEPLOY0002");
    assertThat(k.name()).isEqualTo("ci-deploy");
    assertThat(k.ctime()).isEqualTo(Instant.parse("2022-09-20T14:06:00Z"));
    assertThat(k.tags()).isEmpty();
    assertThat(k.properties()).containsOnlyKeys("user_name", "access_key_status")
        .containsEntry("access_key_status", "Inactive");
    assertUnderGlobalRegion(g, k);
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_iam_user:collector -> aws_iam_access_key:collector",
        "aws_iam_user:ci-deploy -> aws_iam_access_key:ci-deploy");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith("aws_iam_access_key")).containsExactlyInAnyOrder(
        "aws_iam_access_key:collector -> aws_iam_user:collector",
        "aws_iam_access_key:ci-deploy -> aws_iam_user:ci-deploy",
        "aws_iam_access_key:ci-deploy -> aws_iam_user:ci-deploy");
  }
}
