package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontFunctionKindTest extends CloudFrontTestBase {

  static final String ARN = "arn:aws:cloudfront::111111111111:function/rewrite-index";

  @Test
  void liveFunctionsAreMappedWithTheirTags() throws Exception {
    AwsCloudFrontFunctionKind kind = new AwsCloudFrontFunctionKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    // the DEVELOPMENT stage of rewrite-index is not listed
    assertThat(nodes(g, AwsCloudFrontFunctionKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("rewrite-index", "add-security-headers");
    Node f = node(g, AwsCloudFrontFunctionKind.KIND, "rewrite-index");
    assertUnderGlobalRegion(g, f);
    assertThat(f.name()).isEqualTo("rewrite-index");
    assertThat(f.ctime()).isEqualTo(Instant.parse("2023-03-01T11:00:00Z"));
    assertThat(f.mtime()).isEqualTo(Instant.parse("2024-01-15T09:00:00Z"));
    assertThat(f.tags()).isEqualTo(Map.of("team", "web"));
    assertThat(f.properties()).containsEntry("arn", ARN).containsEntry("function_status", "UNASSOCIATED")
        .containsEntry("function_stage", "LIVE")
        .containsEntry("function_config", Map.of("comment", "Appends index.html to directory requests",
            "runtime", "cloudfront-js-2.0"));
    assertThat(node(g, AwsCloudFrontFunctionKind.KIND, "add-security-headers").tags()).isEmpty();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("Functions", 7, i -> Map.of("Name", "f-" + i, "Status", "DEPLOYED",
        "FunctionMetadata", Map.of("FunctionARN", "arn:aws:cloudfront::111111111111:function/f-" + i,
            "Stage", "LIVE", "LastModifiedTime", "2024-01-01T00:00:00Z")))) {
      Graph g = collect(big, new AwsCloudFrontFunctionKind(3));
      assertThat(nodes(g, AwsCloudFrontFunctionKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontFunctionKind.KIND, "f-6").properties()).containsEntry("function_stage", "LIVE");
    }
  }

  @Test
  void tagsChangeThroughTagResource() throws Exception {
    assertTagsChange(AwsCloudFrontFunctionKind.KIND, "rewrite-index", ARN);
  }
}
