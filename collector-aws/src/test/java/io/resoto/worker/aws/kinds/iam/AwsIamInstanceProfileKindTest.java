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

class AwsIamInstanceProfileKindTest extends KindTestHarness {

  @Test
  void instanceProfilesAreMappedAndTheirRolesPointToThem() throws Exception {
    AwsIamInstanceProfileKind kind = new AwsIamInstanceProfileKind();
    Graph g = collect(kind, new AwsIamRoleKind());

    assertEveryPropertyFilled(g, kind);
    Node p = node(g, AwsIamInstanceProfileKind.KIND, "AIPADEMOWORKERNODE001");
    assertThat(nodes(g, AwsIamInstanceProfileKind.KIND)).containsExactly(p);
    assertThat(p.name()).isEqualTo("worker-node");
    assertThat(p.ctime()).isEqualTo(Instant.parse("2021-06-01T10:06:00Z"));
    assertThat(p.tags()).isEmpty();
    assertThat(p.properties()).containsEntry("arn", "arn:aws:iam::111111111111:instance-profile/worker-node")
        .containsEntry("instance_profile_roles", List.of("worker-node")).containsEntry("path", "/");
    assertUnderGlobalRegion(g, p);
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_iam_role:worker-node -> aws_iam_instance_profile:worker-node");
    assertThat(edges(g, EdgeType.DELETE)).contains("aws_iam_role:worker-node -> aws_iam_instance_profile:worker-node");
  }
}
