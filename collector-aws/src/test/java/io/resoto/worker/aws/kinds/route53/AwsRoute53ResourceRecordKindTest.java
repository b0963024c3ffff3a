package io.resoto.worker.aws.kinds.route53;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsRoute53ResourceRecordKindTest extends KindTestHarness {

  private static final String ZONE = "Z0A11C0E0000000000001 ";

  @Test
  void eachValueIsARecordWithItsDataSplitByType() throws Exception {
    AwsRoute53ResourceRecordKind kind = new AwsRoute53ResourceRecordKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    // 13 sets with 15 values; the alias set has none
    assertThat(nodes(g, AwsRoute53ResourceRecordKind.KIND)).hasSize(15);
    assertThat(nodes(g, AwsRoute53ResourceRecordKind.KIND)).noneMatch(n -> n.name().equals("api.demo.example."));

    Node mx = node(g, AwsRoute53ResourceRecordKind.KIND, ZONE + "demo.example. MX 20 mail2.demo.example.");
    assertThat(mx.name()).isEqualTo("demo.example.");
    assertThat(mx.properties()).containsEntry("record_type", "MX").containsEntry("record_ttl", 3600L)
        .containsEntry("record_data", "20 mail2.demo.example.").containsEntry("record_priority", 20L)
        .containsEntry("record_value", "mail2.demo.example.")
        .containsEntry("arn", "arn:aws:route53:::" + ZONE + "demo.example. MX 20 mail2.demo.example.");
    Node srv = node(g, AwsRoute53ResourceRecordKind.KIND, ZONE + "_sip._tcp.demo.example. SRV 10 60 5060 sip.demo.example. [sip-1]");
    assertThat(srv.properties()).containsEntry("record_priority", 10L).containsEntry("record_weight", 60L)
        .containsEntry("record_port", 5060L).containsEntry("record_value", "sip.demo.example.");
    Node caa = node(g, AwsRoute53ResourceRecordKind.KIND, ZONE + "demo.example. CAA 0 issue \"amazon.com\"");
    assertThat(caa.properties()).containsEntry("record_flags", 0L).containsEntry("record_tag", "issue")
        .containsEntry("record_value", "amazon.com");
    Node soa = nodes(g, AwsRoute53ResourceRecordKind.KIND).stream()
        .filter(n -> "SOA".equals(n.properties().get("record_type"))).findFirst().orElseThrow();
    assertThat(soa.properties()).containsEntry("record_mname", "ns-101.awsdns-12.com.")
        .containsEntry("record_rname", "awsdns-hostmaster.amazon.com.").containsEntry("record_serial", 1L)
        .containsEntry("record_refresh", 7200L).containsEntry("record_retry", 900L)
        .containsEntry("record_expire", 1209600L).containsEntry("record_minimum", 86400L);
    Node txt = nodes(g, AwsRoute53ResourceRecordKind.KIND).stream()
        .filter(n -> "TXT".equals(n.properties().get("record_type"))).findFirst().orElseThrow();
    assertThat(txt.properties()).containsEntry("record_value", "v=spf1 include:amazonses.com ~all");
    Node a = node(g, AwsRoute53ResourceRecordKind.KIND, "Z0A11C0E0000000000002 web-1.internal.demo.example. A 10.0.1.10 [web-1-use1]");
    assertThat(a.properties()).containsEntry("record_value", "10.0.1.10").containsEntry("record_ttl", 300L);
  }

  @Test
  void recordSetsOfSeveralPagesAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(Route53Estates.many(2, 7))) {
      Graph g = collect(big, new AwsRoute53ResourceRecordKind(3));
      assertThat(nodes(g, AwsRoute53ResourceRecordKind.KIND)).hasSize(14);
      assertThat(node(g, AwsRoute53ResourceRecordKind.KIND, "ZMANY1 h6.z1.many.example. A 192.0.2.6").name())
          .isEqualTo("h6.z1.many.example.");
    }
  }
}
