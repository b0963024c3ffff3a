package io.resoto.worker.aws.kinds.route53;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.TagResourceType;

class AwsRoute53ZoneKindTest extends KindTestHarness {

  @Test
  void zonesAreMappedWithTagsAndQueryLogging() throws Exception {
    AwsRoute53ZoneKind kind = new AwsRoute53ZoneKind();
    Graph g = collect(kind, new AwsRoute53ResourceRecordSetKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsRoute53ZoneKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("Z0A11C0E0000000000001", "Z0A11C0E0000000000002");
    Node pub = node(g, AwsRoute53ZoneKind.KIND, "Z0A11C0E0000000000001");
    assertUnderGlobalRegion(g, pub);
    assertThat(pub.name()).isEqualTo("demo.example.");
    assertThat(pub.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(pub.properties())
        .containsEntry("arn", "arn:aws:route53:::hostedzone/Z0A11C0E0000000000001")
        .containsEntry("zone_resource_record_set_count", 9L)
        .containsEntry("zone_caller_reference", "terraform-20240110080000")
        .containsEntry("private_zone", false)
        .containsEntry("zone_config", Map.of("comment", "Public zone of the demo shop", "private_zone", false))
        .containsEntry("zone_logging_config", Map.of("id", "0a11c0e0-0000-4000-8000-0000000000e1",
            "cloud_watch_logs_log_group_arn", "arn:aws:logs:us-east-1:111111111111:log-group:/aws/route53/demo.example"))
        .doesNotContainKey("zone_linked_service");
    Node priv = node(g, AwsRoute53ZoneKind.KIND, "Z0A11C0E0000000000002");
    assertThat(priv.tags()).isEmpty();
    assertThat(priv.properties()).containsEntry("private_zone", true)
        .containsEntry("zone_linked_service", Map.of("service_principal", "servicediscovery.amazonaws.com",
            "description", "Cloud Map namespace internal.demo.example"))
        .doesNotContainKey("zone_logging_config");

    // each zone points to each of its record sets
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsRoute53ZoneKind.KIND + ":demo.example. "))
        .hasSize(9).contains("aws_route53_zone:demo.example. -> aws_route53_resource_record_set:www.demo.example.");
    assertThat(edges(g, EdgeType.DEFAULT))
        .filteredOn(e -> e.startsWith(AwsRoute53ZoneKind.KIND + ":internal.demo.example. ")).hasSize(4);
  }

  @Test
  void moreZonesThanATagBatchAndSeveralPagesAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(Route53Estates.many(23, 1))) {
      Graph g = collect(big, new AwsRoute53ZoneKind(4));
      assertThat(nodes(g, AwsRoute53ZoneKind.KIND)).hasSize(23);
      assertThat(node(g, AwsRoute53ZoneKind.KIND, "ZMANY22").name()).isEqualTo("z22.many.example.");
    }
  }

  @Test
  void aZoneIsTaggedAndUntaggedById() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    TagTarget zone = new TagTarget(AwsRoute53ZoneKind.KIND, "Z0A11C0E0000000000002", "internal.demo.example.", null,
        TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
    try (Route53Client route53 = Route53Client.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build()) {
      assertThat(tags(route53, "Z0A11C0E0000000000002")).isEmpty();
      plugin.updateTag(null, zone, "owner", "platform");
      assertThat(tags(route53, "Z0A11C0E0000000000002")).isEqualTo(Map.of("owner", "platform"));
      plugin.deleteTag(null, zone, "owner");
      assertThat(tags(route53, "Z0A11C0E0000000000002")).isEmpty();

      TagTarget unknown = new TagTarget(AwsRoute53ZoneKind.KIND, "ZNOPE", "nope.", null, TestSupport.MGMT,
          "us-east-1", null, Map.of(), Map.of());
      assertThatThrownBy(() -> plugin.updateTag(null, unknown, "owner", "x")).hasMessageContaining("NoSuchHostedZone");
    } finally {
      plugin.close();
    }
  }

  private static Map<String, String> tags(Route53Client route53, String zoneId) {
    Map<String, String> out = new LinkedHashMap<>();
    route53.listTagsForResources(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceIds(zoneId))
        .resourceTagSets().get(0).tags().forEach(t -> out.put(t.key(), t.value()));
    return out;
  }
}
