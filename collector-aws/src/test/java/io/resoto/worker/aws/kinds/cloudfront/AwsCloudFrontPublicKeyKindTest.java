package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontPublicKeyKindTest extends CloudFrontTestBase {

  @Test
  void publicKeysAreMapped() throws Exception {
    AwsCloudFrontPublicKeyKind kind = new AwsCloudFrontPublicKeyKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(kind.tagSupport()).isEmpty();
    assertThat(nodes(g, AwsCloudFrontPublicKeyKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("K1DEMOPUBLICKEY01", "K1DEMOPUBLICKEY02");
    Node k = node(g, AwsCloudFrontPublicKeyKind.KIND, "K1DEMOPUBLICKEY01");
    assertUnderGlobalRegion(g, k);
    assertThat(k.name()).isEqualTo("signed-urls-2024");
    assertThat(k.ctime()).isEqualTo(Instant.parse("2024-01-02T10:00:00Z"));
    assertThat(k.properties())
        .containsEntry("arn", "arn:aws:cloudfront::111111111111:public-key/K1DEMOPUBLICKEY01")
        .containsEntry("public_key_comment", "Signs the download URLs");
    assertThat((String) k.properties().get("public_key_encoded_key")).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(node(g, AwsCloudFrontPublicKeyKind.KIND, "K1DEMOPUBLICKEY02").properties())
        .doesNotContainKey("public_key_comment");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("PublicKeys", 7, i -> Map.of("Id", "K" + i, "Name", "key-" + i,
        "CreatedTime", "2024-01-01T00:00:00Z", "EncodedKey", "pem-" + i))) {
      Graph g = collect(big, new AwsCloudFrontPublicKeyKind(3));
      assertThat(nodes(g, AwsCloudFrontPublicKeyKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontPublicKeyKind.KIND, "K6").name()).isEqualTo("key-6");
    }
  }
}
