package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupLegalHoldKindTest extends BackupTestBase {

  static final String ACTIVE = "0a11c0e0-d100-4000-8000-000000000001";
  static final String CANCELED = "0a11c0e0-d100-4000-8000-000000000002";
  static final String HOLDS = "arn:aws:backup:us-east-1:111111111111:legal-hold:";

  @Test
  void legalHoldsAreMappedAndNamedByTheirNameTag() throws Exception {
    AwsBackupLegalHoldKind kind = new AwsBackupLegalHoldKind();
    Graph g = collect(backupKinds());

    assertEveryPropertyFilled(g, kind);
    Node active = node(g, AwsBackupLegalHoldKind.KIND, ACTIVE);
    assertThat(active.name()).isEqualTo("case-2024-017");
    assertThat(active.tags()).isEqualTo(Map.of("Name", "case-2024-017", "team", "legal"));
    assertThat(active.ctime()).isEqualTo(Instant.parse("2024-06-05T14:00:00Z"));
    assertThat(active.properties())
        .containsEntry("arn", HOLDS + ACTIVE)
        .containsEntry("title", "litigation-2024-017")
        .containsEntry("status", "ACTIVE");
    Node canceled = node(g, AwsBackupLegalHoldKind.KIND, CANCELED);
    assertThat(canceled.name()).isEqualTo(CANCELED);
    assertThat(canceled.properties()).containsEntry("status", "CANCELED")
        .containsEntry("cancellation_date", Instant.parse("2024-01-31T17:00:00Z"));
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> !e.startsWith("aws_region:"))
        .noneMatch(e -> e.contains(AwsBackupLegalHoldKind.KIND + ":"));
  }

  @Test
  void tagsAreSetAndRemovedThroughTheHoldsArn() throws Exception {
    tagRoundTrip(new AwsBackupLegalHoldKind(), CANCELED, CANCELED, HOLDS + CANCELED);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("LegalHolds", i -> Map.of("LegalHoldId", "hold-" + i, "Title", "t" + i,
        "LegalHoldArn", "arn:aws:backup:us-west-2:111111111111:legal-hold:hold-" + i)))) {
      Graph g = collect(big, new AwsBackupLegalHoldKind(3));
      assertThat(nodes(g, AwsBackupLegalHoldKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupLegalHoldKind.KIND, "hold-6").properties()).containsEntry("title", "t6");
    }
  }
}
