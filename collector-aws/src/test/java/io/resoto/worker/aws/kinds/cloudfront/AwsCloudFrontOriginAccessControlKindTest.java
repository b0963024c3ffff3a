package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontOriginAccessControlKindTest extends CloudFrontTestBase {

  @Test
  void originAccessControlsAreMapped() throws Exception {
    AwsCloudFrontOriginAccessControlKind kind = new AwsCloudFrontOriginAccessControlKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudFrontOriginAccessControlKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("E2DEMOOAC00001", "E2DEMOOAC00002");
    Node c = node(g, AwsCloudFrontOriginAccessControlKind.KIND, "E2DEMOOAC00001");
    assertUnderGlobalRegion(g, c);
    assertThat(c.name()).isEqualTo("demo-mgmt-artifacts-oac");
    assertThat(c.properties())
        .containsEntry("arn", "arn:aws:cloudfront::111111111111:origin-access-control/E2DEMOOAC00001")
        .containsEntry("origin_access_control_description", "The site bucket, read through CloudFront only")
        .containsEntry("origin_access_control_signing_protocol", "sigv4")
        .containsEntry("origin_access_control_signing_behavior", "always")
        .containsEntry("origin_access_control_origin_access_control_origin_type", "s3");
    assertThat(node(g, AwsCloudFrontOriginAccessControlKind.KIND, "E2DEMOOAC00002").properties())
        .containsEntry("origin_access_control_origin_access_control_origin_type", "mediastore")
        .doesNotContainKey("origin_access_control_description");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("OriginAccessControls", 7, i -> Map.of("Id", "OAC" + i, "Name", "oac-" + i,
        "SigningProtocol", "sigv4", "SigningBehavior", "always", "OriginAccessControlOriginType", "s3"))) {
      Graph g = collect(big, new AwsCloudFrontOriginAccessControlKind(3));
      assertThat(nodes(g, AwsCloudFrontOriginAccessControlKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontOriginAccessControlKind.KIND, "OAC6").name()).isEqualTo("oac-6");
    }
  }
}
