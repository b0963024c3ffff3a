package io.resoto.worker.aws.kinds.athena;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.NodeTagging;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsAthenaWorkGroupKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void workGroupsAreMappedWithTheirConfigurationAndTags() throws Exception {
    AwsAthenaWorkGroupKind kind = new AwsAthenaWorkGroupKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsS3BucketKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsAthenaWorkGroupKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("primary", "analytics", "archive");
    Node analytics = node(g, AwsAthenaWorkGroupKind.KIND, "analytics");
    assertThat(analytics.name()).isEqualTo("analytics");
    assertThat(analytics.ctime()).isEqualTo(Instant.parse("2024-02-15T10:00:00Z"));
    assertThat(analytics.tags()).isEqualTo(Map.of("team", "data", "cost-center", "4711"));
    assertThat(analytics.properties())
        .containsEntry("arn", "arn:aws:athena:us-east-1:111111111111:workgroup/analytics")
        .containsEntry("workgroup_state", "ENABLED")
        .containsEntry("description", "BI queries of the data team.");
    Map<String, Object> config = (Map<String, Object>) analytics.properties().get("workgroup_configuration");
    assertThat(config).containsEntry("bytes_scanned_cutoff_per_query", 10737418240L)
        .containsEntry("enforce_work_group_configuration", true);
    assertThat((Map<String, Object>) config.get("result_configuration"))
        .containsEntry("output_location", "s3://demo-mgmt-logs/athena/analytics/");
    assertThat(node(g, AwsAthenaWorkGroupKind.KIND, "archive").properties())
        .containsEntry("workgroup_state", "DISABLED");
    assertThat(node(g, AwsAthenaWorkGroupKind.KIND, "primary").tags()).isEmpty();

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsAthenaWorkGroupKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_athena_work_group:primary -> aws_s3_bucket:demo-mgmt-artifacts",
            "aws_athena_work_group:analytics -> aws_s3_bucket:demo-mgmt-logs",
            "aws_athena_work_group:analytics -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.endsWith(AwsAthenaWorkGroupKind.KIND + ":analytics"))
        .containsExactly("aws_kms_key:0a11c0e0-0000-4000-8000-000000000001 -> aws_athena_work_group:analytics");
  }

  @Test
  void theBucketIsNamedByTheOutputLocation() {
    assertThat(AwsAthenaWorkGroupKind.bucketName("s3://results/athena/")).isEqualTo("results");
    assertThat(AwsAthenaWorkGroupKind.bucketName("s3://results")).isEqualTo("results");
    assertThat(AwsAthenaWorkGroupKind.bucketName("https://example.com/x")).isNull();
    assertThat(AwsAthenaWorkGroupKind.bucketName(null)).isNull();
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsAthenaWorkGroupKind kind = new AwsAthenaWorkGroupKind();
    Node primary = node(collect(kind), AwsAthenaWorkGroupKind.KIND, "primary");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(primary, "owner", "bi");
      assertThat(node(collect(kind), AwsAthenaWorkGroupKind.KIND, "primary").tags()).isEqualTo(Map.of("owner", "bi"));
      tagging.delete(primary, "owner");
      assertThat(node(collect(kind), AwsAthenaWorkGroupKind.KIND, "primary").tags()).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> groups = new ArrayList<>();
    List<Map<String, Object>> catalogs = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      groups.add(new LinkedHashMap<>(Map.of("Name", "wg-" + i, "State", "ENABLED")));
      catalogs.add(new LinkedHashMap<>(Map.of("Name", "cat-" + i, "Type", "HIVE")));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("athena", Map.of("WorkGroups", groups, "DataCatalogs", catalogs)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-work-groups"))) {
      Graph g = collect(big, new AwsAthenaWorkGroupKind(3), new AwsAthenaDataCatalogKind(2));
      assertThat(nodes(g, AwsAthenaWorkGroupKind.KIND)).hasSize(7);
      assertThat(nodes(g, AwsAthenaDataCatalogKind.KIND)).hasSize(7);
      assertThat(node(g, AwsAthenaDataCatalogKind.KIND, "cat-6").properties())
          .containsEntry("datacatalog_type", "HIVE");
    }
  }
}
