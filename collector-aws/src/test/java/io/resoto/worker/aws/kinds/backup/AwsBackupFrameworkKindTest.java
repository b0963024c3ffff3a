package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupFrameworkKindTest extends BackupTestBase {

  static final String BASELINE = "arn:aws:backup:us-east-1:111111111111:framework:baseline_controls-0a11c0e0";

  @Test
  void frameworksAreMappedAndPointToTheirReportPlans() throws Exception {
    AwsBackupFrameworkKind kind = new AwsBackupFrameworkKind();
    Graph g = collect(kind, new AwsBackupReportPlanKind());

    assertEveryPropertyFilled(g, kind);
    Node baseline = node(g, AwsBackupFrameworkKind.KIND, BASELINE);
    assertThat(baseline.name()).isEqualTo("baseline_controls");
    assertThat(baseline.ctime()).isEqualTo(Instant.parse("2024-01-15T09:00:00Z"));
    assertThat(baseline.tags()).isEqualTo(Map.of("team", "compliance"));
    assertThat(baseline.properties())
        .containsEntry("arn", BASELINE)
        .containsEntry("number_of_controls", 5L)
        .containsEntry("framework_deployment_status", "COMPLETED");
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupFrameworkKind.KIND))
        .containsExactly("aws_backup_framework:baseline_controls -> aws_backup_report_plan:daily_compliance");
  }

  @Test
  void tagsAreSetAndRemovedThroughTheFrameworksArn() throws Exception {
    tagRoundTrip(new AwsBackupFrameworkKind(), BASELINE, "baseline_controls", BASELINE);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("Frameworks", i -> Map.of("FrameworkName", "fw_" + i,
        "FrameworkArn", "arn:aws:backup:us-west-2:111111111111:framework:fw_" + i)))) {
      Graph g = collect(big, new AwsBackupFrameworkKind(3));
      assertThat(nodes(g, AwsBackupFrameworkKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupFrameworkKind.KIND, "arn:aws:backup:us-west-2:111111111111:framework:fw_6").name())
          .isEqualTo("fw_6");
    }
  }
}
