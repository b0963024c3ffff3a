package io.resoto.worker.aws.kinds.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSecretsManagerSecretKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void secretsAreMappedWithTheirPolicyAndKey() throws Exception {
    AwsSecretsManagerSecretKind kind = new AwsSecretsManagerSecretKind();
    Graph g = collect(kind, new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    // the one scheduled for deletion is listed too
    assertThat(nodes(g, AwsSecretsManagerSecretKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("prod/orders/db", "rds!db-0a11c0e0", "old/api-token");
    Node db = node(g, AwsSecretsManagerSecretKind.KIND, "prod/orders/db");
    assertThat(db.ctime()).isEqualTo(Instant.parse("2023-01-15T09:00:00Z"));
    assertThat(db.mtime()).isEqualTo(Instant.parse("2024-06-01T00:00:05Z"));
    assertThat(db.atime()).isEqualTo(Instant.parse("2024-06-10T00:00:00Z"));
    assertThat(db.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(db.properties())
        .containsEntry("arn", "arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/orders/db-AbCdEf")
        .containsEntry("rotation_enabled", true)
        .containsEntry("rotation_rules", Map.of("automatically_after_days", 30L, "duration", "2h"));
    assertThat((Map<String, Object>) db.properties().get("secret_versions_to_stages"))
        .containsEntry("3f1e0000-0000-4000-8000-000000000001", List.of("AWSCURRENT"));
    assertThat((String) db.properties().get("policy")).contains("secretsmanager:GetSecretValue");
    assertThat(node(g, AwsSecretsManagerSecretKind.KIND, "old/api-token").properties())
        .containsEntry("deleted_date", Instant.parse("2024-07-15T00:00:00Z")).doesNotContainKey("policy");
    assertThat(node(g, AwsSecretsManagerSecretKind.KIND, "rds!db-0a11c0e0").properties())
        .containsEntry("owning_service", "rds");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsSecretsManagerSecretKind.KIND))
        .containsExactly("aws_secretsmanager_secret:prod/orders/db -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
    assertThat(edges(g, EdgeType.DELETE)).containsExactly(
        "aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_secretsmanager_secret:prod/orders/db");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> secrets = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      secrets.add(Map.of("Name", "s-" + i, "ARN", "arn:aws:secretsmanager:us-west-2:111111111111:secret:s-" + i
          + "-abcdef", "CreatedDate", "2024-01-0" + (i + 1) + "T00:00:00Z"));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-secrets", Map.of("111111111111",
        Map.of("us-west-2", Map.of("secretsmanager", Map.of("Secrets", secrets))))))) {
      Graph g = collect(big, new AwsSecretsManagerSecretKind(3));
      assertThat(nodes(g, AwsSecretsManagerSecretKind.KIND)).hasSize(7);
    }
  }
}
