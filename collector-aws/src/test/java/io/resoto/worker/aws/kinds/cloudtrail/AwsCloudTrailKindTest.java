package io.resoto.worker.aws.kinds.cloudtrail;

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

class AwsCloudTrailKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void trailsAreCollectedOnceInTheirHomeRegion() throws Exception {
    AwsCloudTrailKind kind = new AwsCloudTrailKind();
    Graph g = collect(kind, new AwsS3BucketKind(), new AwsKmsKeyKind());

    assertEveryPropertyFilled(g, kind);
    // eu-audit is multi-region: us-east-1 lists it too, but it is collected only in eu-central-1
    assertThat(nodes(g, AwsCloudTrailKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId())
        .containsExactlyInAnyOrder("us-east-1/org-audit", "us-east-1/data-events", "eu-central-1/eu-audit");
    Node audit = node(g, AwsCloudTrailKind.KIND, "org-audit");
    assertThat(audit.name()).isEqualTo("org-audit");
    assertThat(audit.ctime()).isEqualTo(Instant.parse("2023-01-10T08:00:00Z"));
    assertThat(audit.mtime()).isEqualTo(Instant.parse("2024-06-01T11:55:00Z"));
    assertThat(audit.tags()).isEqualTo(Map.of("compliance", "soc2", "team", "security"));
    assertThat(audit.properties())
        .containsEntry("arn", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-audit")
        .containsEntry("trail_s3_bucket_name", "demo-mgmt-logs")
        .containsEntry("trail_is_multi_region_trail", true)
        .containsEntry("trail_is_organization_trail", true)
        .containsEntry("trail_insight_selectors", List.of("ApiCallRateInsight", "ApiErrorRateInsight"));
    assertThat((Map<String, Object>) audit.properties().get("trail_status")).containsEntry("is_logging", true)
        .containsEntry("latest_digest_delivery_time", Instant.parse("2024-06-01T11:00:00Z"));
    Map<String, Object> selectors = (Map<String, Object>) audit.properties().get("trail_event_selectors");
    List<Map<String, Object>> basic = (List<Map<String, Object>>) selectors.get("event_selectors");
    assertThat(basic.get(0)).containsEntry("read_write_type", "All")
        .containsEntry("exclude_management_event_sources", List.of("kms.amazonaws.com"));
    Node data = node(g, AwsCloudTrailKind.KIND, "data-events");
    assertThat(data.tags()).isEmpty();
    assertThat(data.properties()).doesNotContainKey("trail_insight_selectors");
    assertThat((Map<String, Object>) data.properties().get("trail_event_selectors"))
        .containsOnlyKeys("advanced_event_selectors");
    assertThat((Map<String, Object>) data.properties().get("trail_status"))
        .containsEntry("is_logging", false).containsEntry("latest_delivery_error", "AccessDenied");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCloudTrailKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_cloud_trail:org-audit -> aws_s3_bucket:demo-mgmt-logs",
            "aws_cloud_trail:org-audit -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_cloud_trail:data-events -> aws_s3_bucket:demo-mgmt-artifacts",
            "aws_cloud_trail:eu-audit -> aws_s3_bucket:demo-mgmt-logs");
  }

  @Test
  void theLogGroupIsNamedByItsArn() {
    assertThat(AwsCloudTrailKind.logGroupName("arn:aws:logs:us-east-1:111111111111:log-group:cloudtrail/org-audit:*"))
        .isEqualTo("cloudtrail/org-audit");
    assertThat(AwsCloudTrailKind.logGroupName("arn:aws:logs:us-east-1:111111111111:log-group:plain"))
        .isEqualTo("plain");
    assertThat(AwsCloudTrailKind.logGroupName("arn:aws:s3:::bucket")).isNull();
  }

  @Test
  void tagsAreWrittenAndRemovedThroughTheKindsTagCalls() throws Exception {
    AwsCloudTrailKind kind = new AwsCloudTrailKind();
    Node audit = node(collect(kind), AwsCloudTrailKind.KIND, "org-audit");
    try (NodeTagging tagging = new NodeTagging(sim)) {
      tagging.update(audit, "owner", "secops");
      assertThat(node(collect(kind), AwsCloudTrailKind.KIND, "org-audit").tags())
          .isEqualTo(Map.of("compliance", "soc2", "team", "security", "owner", "secops"));
      tagging.delete(audit, "owner");
      assertThat(node(collect(kind), AwsCloudTrailKind.KIND, "org-audit").tags())
          .isEqualTo(Map.of("compliance", "soc2", "team", "security"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void manyTrailsAreReadWithOneDescribeTrailsAndTheirTagsTwentyAtATime() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> trails = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("Name", "trail-" + i);
      t.put("HomeRegion", "us-west-2");
      t.put("TrailARN", "arn:aws:cloudtrail:us-west-2:111111111111:trail/trail-" + i);
      t.put("S3BucketName", "bucket-" + i);
      trails.add(t);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2",
        Map.of("cloudtrail", Map.of("Trails", trails)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-trails"))) {
      Graph g = collect(big, new AwsCloudTrailKind());
      assertThat(nodes(g, AwsCloudTrailKind.KIND)).hasSize(120);
      assertThat(node(g, AwsCloudTrailKind.KIND, "trail-119").properties())
          .containsEntry("trail_s3_bucket_name", "bucket-119");
      // one DescribeTrails per region, no GetTrail, ListTags for 20 trails per call
      assertThat(big.aws().counters().get("cloudtrail", "DescribeTrails").calls()).isEqualTo(3);
      assertThat(big.aws().counters().get("cloudtrail", "GetTrail").calls()).isZero();
      assertThat(big.aws().counters().get("cloudtrail", "ListTags").calls()).isEqualTo(6);
    }
  }
}
