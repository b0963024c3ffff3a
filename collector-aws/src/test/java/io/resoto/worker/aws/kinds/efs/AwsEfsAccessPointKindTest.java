package io.resoto.worker.aws.kinds.efs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEfsAccessPointKindTest extends KindTestHarness {

  @Test
  void accessPointsAreMapped() throws Exception {
    AwsEfsAccessPointKind kind = new AwsEfsAccessPointKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    Node ap = node(g, AwsEfsAccessPointKind.KIND, "fsap-0a11c0e000000001");
    assertThat(nodes(g, AwsEfsAccessPointKind.KIND)).hasSize(1);
    assertThat(ap.name()).isEqualTo("web-content");
    assertThat(ap.tags()).isEqualTo(Map.of("Name", "web-content", "team", "web"));
    assertThat(ap.properties())
        .containsEntry("arn", "arn:aws:elasticfilesystem:us-east-1:111111111111:access-point/fsap-0a11c0e000000001")
        .containsEntry("client_token", "web-ap-0a11c0e0")
        .containsEntry("posix_user", Map.of("uid", 1000L, "gid", 1000L, "secondary_gids", List.of(2000L)))
        .containsEntry("root_directory", Map.of("path", "/web",
            "creation_info", Map.of("owner_uid", 1000L, "owner_gid", 1000L, "permissions", "0750")))
        .containsEntry("life_cycle_state", "available");
    assertThat(kind.tagSupport()).isEmpty();
  }
}
