package io.resoto.worker.aws.kinds.route53;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * What the three Route 53 kinds share: the zone listing, a zone's record sets, and the record
 * set node (built the same way by the record-set kind, which adds it, and the record kind, which
 * points from it to its records).
 */
final class Route53Listing {

  /** The largest page of ListHostedZones (ListResourceRecordSets allows 300). */
  static final int MAX_ZONES = 100;

  /** The largest page of ListResourceRecordSets. */
  static final int MAX_RECORD_SETS = 300;

  private Route53Listing() {}

  /** Every hosted zone of the account, all pages. */
  static List<HostedZone> zones(KindContext ctx, int pageSize) {
    List<HostedZone> out = new ArrayList<>();
    for (HostedZone z : ctx.client(Route53Client.builder())
        .listHostedZonesPaginator(b -> b.maxItems(String.valueOf(Math.min(pageSize, MAX_ZONES)))).hostedZones()) {
      if (ctx.isCancelled()) {
        break;
      }
      out.add(z);
    }
    return out;
  }

  /** A zone's record sets, all pages (the paginator carries the name/type/identifier tokens). */
  static Iterable<ResourceRecordSet> recordSets(KindContext ctx, String zoneId, int pageSize) {
    return ctx.client(Route53Client.builder())
        .listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId).maxItems(String.valueOf(pageSize)))
        .resourceRecordSets();
  }

  /** The zone id without the {@code /hostedzone/} prefix (the SDK strips it; an estate may not). */
  static String zoneId(String id) {
    return id == null ? null : id.substring(id.lastIndexOf('/') + 1);
  }

  /**
   * A record set: id and name = the record name as the original maps it; that name is shared by
   * the set's types and by other zones, so zone, type and set identifier make the node's identity.
   */
  static Node recordSetNode(KindContext ctx, String zoneId, ResourceRecordSet s) {
    Node.Builder b = ctx.node(AwsRoute53ResourceRecordSetKind.KIND, s.name()).name(s.name())
        .idKeyExtra(zoneId).idKeyExtra(s.typeAsString()).idKeyExtra(s.setIdentifier() == null ? "" : s.setIdentifier())
        .property("record_type", s.typeAsString())
        .property("record_name", s.name());
    ApiValues.put(b, "record_ttl", s.ttl());
    ApiValues.put(b, "record_values", values(s));
    ApiValues.put(b, "record_set_identifier", s.setIdentifier());
    ApiValues.put(b, "record_weight", s.weight());
    ApiValues.put(b, "record_region", s.regionAsString());
    ApiValues.put(b, "record_geo_location", ApiValues.plain(s.geoLocation()));
    ApiValues.put(b, "record_fail_over", s.failoverAsString());
    ApiValues.put(b, "record_multi_value_answer", s.multiValueAnswer());
    ApiValues.put(b, "record_alias_target", ApiValues.plain(s.aliasTarget()));
    ApiValues.put(b, "record_health_check_id", s.healthCheckId());
    ApiValues.put(b, "record_traffic_policy_instance_id", s.trafficPolicyInstanceId());
    ApiValues.put(b, "record_cidr_routing_config", ApiValues.plain(s.cidrRoutingConfig()));
    String arn = "arn:" + ctx.partition() + ":route53::" + ctx.account().id() + ":recordset/" + s.name();
    return KindContext.arn(b, arn).build();
  }

  /** The set's values (none for an alias set). */
  static List<String> values(ResourceRecordSet s) {
    return s.hasResourceRecords() ? s.resourceRecords().stream().map(ResourceRecord::value).toList() : List.of();
  }
}
