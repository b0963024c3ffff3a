package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupReportPlanKindTest extends BackupTestBase {

  static final String DAILY = "arn:aws:backup:us-east-1:111111111111:report-plan:daily_compliance-0a11c0e0";

  @Test
  void reportPlansAreMappedWithTheirSettingsAndFrameworks() throws Exception {
    AwsBackupReportPlanKind kind = new AwsBackupReportPlanKind();
    Graph g = collect(kind, new AwsBackupFrameworkKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupReportPlanKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("daily_compliance", "backup_jobs");
    Node daily = node(g, AwsBackupReportPlanKind.KIND, DAILY);
    assertThat(daily.ctime()).isEqualTo(Instant.parse("2024-02-01T09:00:00Z"));
    assertThat(daily.tags()).isEqualTo(Map.of("team", "compliance"));
    assertThat(daily.properties())
        .containsEntry("arn", DAILY)
        .containsEntry("plan_deployment_status", "COMPLETED")
        .containsEntry("report_delivery_channel", Map.of("s3_bucket_name", "demo-mgmt-artifacts",
            "s3_key_prefix", "backup-reports", "formats", List.of("CSV", "JSON")))
        .containsEntry("last_successful_execution_time", Instant.parse("2024-06-02T01:00:00Z"));
    assertThat(daily.properties().get("report_setting"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.map(String.class, Object.class))
        .containsEntry("report_template", "CONTROL_COMPLIANCE_REPORT")
        .containsEntry("number_of_frameworks", 1)
        .containsEntry("regions", List.of("us-east-1"));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.contains(AwsBackupReportPlanKind.KIND) && !e.startsWith("aws_region:"))
        .containsExactly("aws_backup_framework:baseline_controls -> aws_backup_report_plan:daily_compliance");
  }

  @Test
  void tagsAreSetAndRemovedThroughThePlansArn() throws Exception {
    tagRoundTrip(new AwsBackupReportPlanKind(), DAILY, "daily_compliance", DAILY);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("ReportPlans", i -> Map.of("ReportPlanName", "plan_" + i,
        "ReportPlanArn", "arn:aws:backup:us-west-2:111111111111:report-plan:plan_" + i)))) {
      Graph g = collect(big, new AwsBackupReportPlanKind(3));
      assertThat(nodes(g, AwsBackupReportPlanKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupReportPlanKind.KIND, "arn:aws:backup:us-west-2:111111111111:report-plan:plan_6")
          .name()).isEqualTo("plan_6");
    }
  }
}
