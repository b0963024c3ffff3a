package io.resoto.worker.awssim.resources.route53;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/** Route 53's listings over the wire (REST-XML), from the demo estate's two hosted zones. */
class Route53ApiTest {

  private static final String PUBLIC = "Z0A11C0E0000000000001";
  private static Simulation sim;
  private static Route53Client route53;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    route53 = DemoClients.client(sim, Route53Client.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    route53.close();
    sim.close();
  }

  @Test
  void zonesArePagedWithTheNextZonesIdAsMarker() {
    ListHostedZonesResponse first = route53.listHostedZones(b -> b.maxItems("1"));
    assertThat(first.hostedZones()).extracting(z -> z.id()).containsExactly(PUBLIC);
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.nextMarker()).isEqualTo("Z0A11C0E0000000000002");
    ListHostedZonesResponse second = route53.listHostedZones(b -> b.maxItems("1").marker(first.nextMarker()));
    assertThat(second.hostedZones()).extracting(z -> z.name()).containsExactly("internal.demo.example.");
    assertThat(second.isTruncated()).isFalse();
    assertThat(second.nextMarker()).isNull();
    assertThatThrownBy(() -> route53.listHostedZones(b -> b.maxItems("101")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
  }

  @Test
  void recordSetsComeInDnsOrderAndContinueAtTheNextNameTypeAndIdentifier() {
    List<String> all = route53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(PUBLIC).maxItems("2"))
        .resourceRecordSets().stream().map(Route53ApiTest::key).toList();
    // labels compared from the right: the apex first, then _sip._tcp, api, www
    assertThat(all).containsExactly("demo.example. CAA", "demo.example. MX", "demo.example. NS", "demo.example. SOA",
        "demo.example. TXT", "_sip._tcp.demo.example. SRV sip-1", "api.demo.example. A api-eu",
        "www.demo.example. A blue", "www.demo.example. A green");
    ListResourceRecordSetsResponse page = route53.listResourceRecordSets(b -> b.hostedZoneId("/hostedzone/" + PUBLIC)
        .maxItems("1").startRecordName("www.demo.example.").startRecordType(RRType.A));
    assertThat(page.resourceRecordSets()).extracting(Route53ApiTest::key).containsExactly("www.demo.example. A blue");
    assertThat(page.nextRecordName()).isEqualTo("www.demo.example.");
    assertThat(page.nextRecordType()).isEqualTo(RRType.A);
    assertThat(page.nextRecordIdentifier()).isEqualTo("green");
  }

  @Test
  void anUnknownZoneIsNoSuchHostedZone() {
    assertThatThrownBy(() -> route53.listResourceRecordSets(b -> b.hostedZoneId("ZNOPE")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchHostedZone");
        });
    assertThatThrownBy(() -> route53.listTagsForResources(b -> b.resourceType(TagResourceType.HOSTEDZONE)
        .resourceIds(PUBLIC, "ZNOPE"))).isInstanceOf(AwsServiceException.class).hasMessageContaining("ZNOPE");
  }

  @Test
  void queryLoggingConfigsAreFilteredByZone() {
    assertThat(route53.listQueryLoggingConfigs(b -> {}).queryLoggingConfigs()).hasSize(1);
    assertThat(route53.listQueryLoggingConfigs(b -> b.hostedZoneId(PUBLIC)).queryLoggingConfigs()).hasSize(1);
    assertThat(route53.listQueryLoggingConfigs(b -> b.hostedZoneId("Z0A11C0E0000000000002")).queryLoggingConfigs())
        .isEmpty();
  }

  private static String key(ResourceRecordSet s) {
    return s.name() + " " + s.typeAsString() + (s.setIdentifier() == null ? "" : " " + s.setIdentifier());
  }
}
