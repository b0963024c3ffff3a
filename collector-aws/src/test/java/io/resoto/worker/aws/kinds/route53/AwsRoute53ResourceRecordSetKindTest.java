package io.resoto.worker.aws.kinds.route53;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsRoute53ResourceRecordSetKindTest extends KindTestHarness {

  private static Node set(Graph g, String name, String type, String identifier) {
    return nodes(g, AwsRoute53ResourceRecordSetKind.KIND).stream()
        .filter(n -> n.resourceId().equals(name) && type.equals(n.properties().get("record_type"))
            && java.util.Objects.equals(identifier, n.properties().get("record_set_identifier")))
        .findFirst().orElseThrow(() -> new AssertionError("no set " + name + " " + type + " " + identifier));
  }

  @Test
  void recordSetsAreMappedPerNameTypeAndIdentifier() throws Exception {
    AwsRoute53ResourceRecordSetKind kind = new AwsRoute53ResourceRecordSetKind();
    Graph g = collect(kind, new AwsRoute53ZoneKind(), new AwsRoute53ResourceRecordKind());

    assertEveryPropertyFilled(g, kind);
    // one node per set, though names repeat across types and identifiers
    assertThat(nodes(g, AwsRoute53ResourceRecordSetKind.KIND)).hasSize(13);
    assertThat(nodes(g, AwsRoute53ResourceRecordSetKind.KIND).stream().map(Node::id).distinct()).hasSize(13);

    Node blue = set(g, "www.demo.example.", "A", "blue");
    assertThat(blue.name()).isEqualTo("www.demo.example.");
    assertThat(blue.properties())
        .containsEntry("arn", "arn:aws:route53::111111111111:recordset/www.demo.example.")
        .containsEntry("record_name", "www.demo.example.")
        .containsEntry("record_ttl", 60L)
        .containsEntry("record_weight", 90L)
        .containsEntry("record_values", List.of("203.0.113.10", "203.0.113.11"))
        .containsEntry("record_health_check_id", "0a11c0e0-0000-4000-8000-0000000000c1");
    Node api = set(g, "api.demo.example.", "A", "api-eu");
    assertThat(api.properties()).doesNotContainKeys("record_ttl", "record_values")
        .containsEntry("record_geo_location", Map.of("continent_code", "EU"))
        .containsEntry("record_alias_target", Map.of("hosted_zone_id", "Z215JYRZR1TBD5",
            "dns_name", "dualstack.api-eu-1234567890.eu-central-1.elb.amazonaws.com.", "evaluate_target_health", true));
    assertThat(set(g, "db.internal.demo.example.", "CNAME", "db-primary").properties())
        .containsEntry("record_fail_over", "PRIMARY");
    assertThat(set(g, "office.internal.demo.example.", "AAAA", "office-cidr").properties())
        .containsEntry("record_cidr_routing_config",
            Map.of("collection_id", "0a11c0e0-0000-4000-8000-0000000000d1", "location_name", "office"));

    // zone -> set; set -> each of its records (default and delete); an alias set has none
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_route53_zone:internal.demo.example. -> aws_route53_resource_record_set:web-1.internal.demo.example.");
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsRoute53ResourceRecordSetKind.KIND + ":"))
        .hasSize(15).doesNotContain("aws_route53_resource_record_set:api.demo.example. -> aws_route53_resource_record:api.demo.example.");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.startsWith(AwsRoute53ResourceRecordSetKind.KIND + ":"))
        .hasSize(15).contains("aws_route53_resource_record_set:demo.example. -> aws_route53_resource_record:demo.example.");
    // the blue set points to its own two records, not to the green one's
    List<String> blueRecords = g.edges().stream()
        .filter(e -> e.type() == EdgeType.DEFAULT && e.from().equals(blue.id()))
        .map(e -> g.node(e.to()).orElseThrow().resourceId()).toList();
    assertThat(blueRecords).containsExactlyInAnyOrder(
        "Z0A11C0E0000000000001 www.demo.example. A 203.0.113.10 [blue]",
        "Z0A11C0E0000000000001 www.demo.example. A 203.0.113.11 [blue]");
  }

  @Test
  void aZoneOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(Route53Estates.many(3, 11))) {
      Graph g = collect(big, new AwsRoute53ResourceRecordSetKind(4), new AwsRoute53ZoneKind(2));
      assertThat(nodes(g, AwsRoute53ResourceRecordSetKind.KIND)).hasSize(33);
      assertThat(nodes(g, AwsRoute53ResourceRecordSetKind.KIND)).extracting(Node::resourceId)
          .contains("h10.z2.many.example.", "h0.z0.many.example.");
      assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsRoute53ZoneKind.KIND + ":")).hasSize(33);
    }
  }
}
