package io.resoto.worker.aws.kinds.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.Assessment;
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

class AwsSsmResourceComplianceKindTest extends KindTestHarness {

  @Test
  void nonCompliantItemsBecomeSsmAssessmentsOfTheManagedNodes() throws Exception {
    AwsSsmResourceComplianceKind kind = new AwsSsmResourceComplianceKind();
    Graph g = collect(kind, new AwsEc2InstanceKind(), new AwsSsmInstanceKind());

    assertThat(kind.exportsNodes()).isFalse();
    assertThat(nodes(g, AwsSsmResourceComplianceKind.KIND)).isEmpty();

    Node web = node(g, "aws_ec2_instance", "i-0a11c0e0000000001");
    assertThat(web.assessments()).hasSize(1);
    Assessment a = web.assessments().get(0);
    assertThat(a.provider()).isEqualTo("ssm");
    // the compliant patch and association of web-1 give no finding
    assertThat(a.findings()).extracting(Assessment.Finding::severity).containsExactly("critical", "high");
    Assessment.Finding kb = a.findings().get(0);
    assertThat(kb.title()).isEqualTo(
        "2023-10 Cumulative Update for Microsoft server operating system version 21H2 for x64-based Systems");
    assertThat(kb.updatedAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));
    assertThat(kb.description()).isNull();
    assertThat(kb.details()).containsEntry("compliance_type", "Patch").containsEntry("id", "KB5031364")
        .containsEntry("status", "NON_COMPLIANT").containsEntry("execution_type", "Command")
        .containsEntry("execution_id", "0a11c0e0-0000-4000-8000-0000000000c1")
        .containsEntry("Classification", "SecurityUpdates").containsEntry("PatchState", "Missing");

    Node batch = node(g, "aws_ec2_instance", "i-0a11c0e0000000002");
    assertThat(batch.assessments()).singleElement().satisfies(b -> assertThat(b.findings()).singleElement()
        .satisfies(f -> {
          assertThat(f.title()).isEqualTo("AWS-GatherSoftwareInventory");
          assertThat(f.severity()).isEqualTo("medium");
          assertThat(f.details()).containsEntry("compliance_type", "Association");
        }));

    // a registered server's findings go to its aws_ssm_instance; an item without a title is named by its id
    Node server = node(g, AwsSsmInstanceKind.KIND, "mi-0a11c0e0000000001");
    assertThat(server.assessments()).singleElement().satisfies(s -> assertThat(s.findings()).singleElement()
        .satisfies(f -> {
          assertThat(f.title()).isEqualTo("backup-agent-version");
          assertThat(f.severity()).isEqualTo("low");
          assertThat(f.details()).containsEntry("RequiredVersion", "2.4.0");
        }));
    // EC2 instances' findings are on the EC2 node only
    assertThat(node(g, AwsSsmInstanceKind.KIND, "i-0a11c0e0000000001").assessments()).isEmpty();
    assertThat(g.nodes()).filteredOn(n -> !n.assessments().isEmpty()).hasSize(3);
  }

  @Test
  void findingsWhoseNodeWasNotCollectedAreDroppedWithoutAProblem() throws Exception {
    Graph g = collect(new AwsSsmResourceComplianceKind(), new AwsSsmInstanceKind());
    assertThat(g.nodes()).filteredOn(n -> !n.assessments().isEmpty()).extracting(Node::resourceId)
        .containsExactly("mi-0a11c0e0000000001");
  }

  @Test
  void severitiesAreTheOriginalsWords() {
    assertThat(List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED", "SOMETHING"))
        .extracting(AwsSsmResourceComplianceKind::severity)
        .containsExactly("critical", "high", "medium", "low", "info", "info", "info");
    assertThat(AwsSsmResourceComplianceKind.targetKind("ManagedInstance", "i-1")).isEqualTo("aws_ec2_instance");
    assertThat(AwsSsmResourceComplianceKind.targetKind("ManagedInstance", "mi-1")).isEqualTo("aws_ssm_instance");
    assertThat(AwsSsmResourceComplianceKind.targetKind("AWS::S3::Bucket", "b")).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void summariesAndItemsOfSeveralPagesAreReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> instances = new ArrayList<>();
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      instances.add(Map.of("InstanceId", "mi-" + i, "ResourceType", "ManagedInstance", "PingStatus", "Online"));
      // even servers: 5 missing patches and a compliant one; odd servers: compliant only
      for (int p = 0; p < 6; p++) {
        boolean missing = i % 2 == 0 && p < 5;
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ComplianceType", "Patch");
        item.put("ResourceType", "ManagedInstance");
        item.put("ResourceId", "mi-" + i);
        item.put("Id", "KB" + i + "0" + p);
        item.put("Title", "patch " + p + " of mi-" + i);
        item.put("Status", missing ? "NON_COMPLIANT" : "COMPLIANT");
        item.put("Severity", "HIGH");
        items.add(item);
      }
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("ssm", Map.of(
        "InstanceInformation", instances, "ComplianceItems", items)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-compliance"))) {
      Graph g = collect(big, new AwsSsmResourceComplianceKind(2), new AwsSsmInstanceKind(5));
      for (int i = 0; i < 9; i++) {
        String id = "mi-" + i;
        Node n = node(g, AwsSsmInstanceKind.KIND, id);
        if (i % 2 == 0) {
          assertThat(n.assessments()).singleElement().satisfies(a -> assertThat(a.findings())
              .extracting(Assessment.Finding::title).hasSize(5).contains("patch 0 of " + id, "patch 4 of " + id));
        } else {
          assertThat(n.assessments()).as("compliant mi-%d", i).isEmpty();
        }
      }
    }
  }
}
