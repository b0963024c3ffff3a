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

class AwsIamServerCertificateKindTest extends KindTestHarness {

  @Test
  void serverCertificatesAreMapped() throws Exception {
    AwsIamServerCertificateKind kind = new AwsIamServerCertificateKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    Node c = node(g, AwsIamServerCertificateKind.KIND, "ASCADEMOWWWEXAMPLE001");
    assertThat(nodes(g, AwsIamServerCertificateKind.KIND)).containsExactly(c);
    assertThat(c.name()).isEqualTo("www-demo-example-com");
    assertThat(c.ctime()).isEqualTo(Instant.parse("2023-03-01T12:00:00Z"));
    assertThat(c.tags()).isEmpty();
    assertThat(c.properties())
        .containsEntry("arn", "arn:aws:iam::111111111111:server-certificate/web/www-demo-example-com")
        .containsEntry("path", "/web/").containsEntry("expiration", Instant.parse("2025-03-01T12:00:00Z"));
    assertUnderGlobalRegion(g, c);
    assertThat(edges(g, EdgeType.DELETE)).isEmpty();
  }
}
