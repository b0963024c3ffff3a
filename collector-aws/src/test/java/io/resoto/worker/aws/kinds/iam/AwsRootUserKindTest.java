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

class AwsRootUserKindTest extends KindTestHarness {

  @Test
  void theRootUserComesFromTheCredentialReportAndHangsUnderTheAccountAndTheGlobalRegion() throws Exception {
    AwsRootUserKind kind = new AwsRootUserKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    Node root = node(g, AwsRootUserKind.KIND, "root");
    assertThat(nodes(g, AwsRootUserKind.KIND)).containsExactly(root);
    assertThat(root.name()).isEqualTo("root");
    assertThat(root.ctime()).isEqualTo(Instant.parse("2019-03-04T09:12:00Z"));
    assertThat(root.tags()).isEmpty();
    assertThat(root.properties()).containsEntry("arn", "arn:aws:iam::111111111111:root")
        .containsEntry("password_enabled", true).containsEntry("mfa_active", true)
        .containsEntry("access_key_1_active", false)
        .containsEntry("password_last_used", Instant.parse("2024-05-02T07:45:10Z"));
    // as in the original: under the global region like every node, and the account points to it
    assertUnderGlobalRegion(g, root);
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_account:demo-mgmt -> aws_root_user:root");
    assertThat(g.validate()).isEmpty();
  }
}
