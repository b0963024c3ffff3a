package io.resoto.worker.aws.kinds.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSsmDocumentKindTest extends KindTestHarness {

  @Test
  void ownDocumentsAreMappedWithContentAndSharing() throws Exception {
    AwsSsmDocumentKind kind = new AwsSsmDocumentKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    // Amazon's AWS-RunShellScript is not the account's own
    assertThat(nodes(g, AwsSsmDocumentKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-patch-web", "demo-rotate-logs");
    Node patch = node(g, AwsSsmDocumentKind.KIND, "demo-patch-web");
    assertThat(patch.ctime()).isEqualTo(Instant.parse("2024-05-02T10:00:00Z"));
    assertThat(patch.tags()).isEqualTo(Map.of("team", "platform"));
    assertThat(patch.properties())
        .containsEntry("arn", "arn:aws:ssm:us-east-1:111111111111:document/demo-patch-web")
        .containsEntry("document_type", "Command").containsEntry("document_format", "JSON")
        .containsEntry("platform_types", List.of("Windows", "Linux"))
        .containsEntry("attachments_information", List.of("patch-baseline.zip"))
        .containsEntry("document_shared_with_accounts", List.of("222222222222"))
        .containsEntry("document_sharing_info", List.of(Map.of("account_id", "222222222222", "shared_document_version", "3")))
        .containsEntry("parameters", List.of(
            Map.of("name", "RebootOption", "type", "String", "description", "Reboot after patching",
                "default_value", "RebootIfNeeded"),
            Map.of("name", "Operation", "type", "String", "description", "Scan or Install")));
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) patch.properties().get("content");
    assertThat(content).containsEntry("schemaVersion", "2.2");
    assertThat((List<?>) content.get("mainSteps")).hasSize(1);

    Node rotate = node(g, AwsSsmDocumentKind.KIND, "demo-rotate-logs");
    assertThat(rotate.tags()).isEmpty();
    assertThat(rotate.properties()).containsEntry("status", "Failed")
        .containsEntry("requires", List.of(Map.of("name", "demo-patch-web", "version", "3", "require_type", "Command",
            "version_name", "Release 2")))
        .doesNotContainKey("document_shared_with_accounts");
    // YAML content parses too
    assertThat(((Map<?, ?>) rotate.properties().get("content")).get("description")).isEqualTo("Rotate the application logs");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(SsmEstates.many(9))) {
      Graph g = collect(big, new AwsSsmDocumentKind(2));
      assertThat(nodes(g, AwsSsmDocumentKind.KIND)).hasSize(9).allMatch(n -> n.resourceId().startsWith("doc-"));
      assertThat(node(g, AwsSsmDocumentKind.KIND, "doc-8").properties()).containsEntry("content", Map.of("n", 8L));
    }
  }
}
