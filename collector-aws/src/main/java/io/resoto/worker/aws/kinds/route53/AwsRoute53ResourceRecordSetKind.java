package io.resoto.worker.aws.kinds.route53;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * {@code aws_route53_resource_record_set}: the record sets of every hosted zone (global;
 * ListHostedZones, then ListResourceRecordSets per zone, every page). id and name = the record
 * name, as in the original; since one name has several types (and the same name can be in a
 * public and a private zone), the node's identity also holds the zone id, type and set
 * identifier. The zone points to the set; the set points to its records (default and delete
 * edges, made by {@code aws_route53_resource_record}). The ARN follows the original's template
 * ({@code arn:aws:route53::<account>:recordset/<name>}): AWS gives record sets none.
 */
public final class AwsRoute53ResourceRecordSetKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_route53_resource_record_set";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("dns_record_set", KindModel.AWS_RESOURCE)
      .display("dns", "networking")
      .successors(EdgeType.DEFAULT, AwsRoute53ResourceRecordKind.KIND)
      .successors(EdgeType.DELETE, AwsRoute53ResourceRecordKind.KIND)
      .property("record_ttl", "int64", "How long resolvers may cache the records, in seconds (none for alias sets).")
      .property("record_type", "string", "The DNS record type: A, AAAA, CNAME, MX, NS, SOA, SRV, TXT, CAA, ...")
      .property("record_values", "string[]", "The values of the set's records, in zone-file text form.")
      .property("record_name", "string", "The DNS name of the set, fully qualified with the trailing dot.")
      .property("record_set_identifier", "string",
          "Tells apart sets of one name and type that route by weight, latency, location, failover, CIDR or multi-value.")
      .property("record_weight", "int64", "A weighted set's share of the traffic, relative to its siblings' weights.")
      .property("record_region", "string", "A latency-routed set's AWS region.")
      .property("record_geo_location", "dictionary[string, any]",
          "A geolocation-routed set's continent, country and subdivision code.")
      .property("record_fail_over", "string", "A failover set's role: PRIMARY or SECONDARY.")
      .property("record_multi_value_answer", "boolean", "Whether this is a multi-value answer set.")
      .property("record_alias_target", "dictionary[string, any]",
          "An alias set's target: hosted zone id, DNS name and whether the target's health is evaluated.")
      .property("record_health_check_id", "string", "The health check whose status decides whether the set is answered.")
      .property("record_traffic_policy_instance_id", "string", "The traffic policy instance that created the set, if any.")
      .property("record_cidr_routing_config", "dictionary[string, any]",
          "An IP-based routing set's CIDR collection id and location name.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRoute53ResourceRecordSetKind() {
    this(Route53Listing.MAX_RECORD_SETS);
  }

  /** The kind listing zones and record sets in pages of this size (zones at most 100 a page; tests page small estates with it). */
  AwsRoute53ResourceRecordSetKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "route53", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("route53:ListHostedZones", "route53:ListResourceRecordSets");
  }

  @Override
  public void collect(KindContext ctx) {
    for (HostedZone z : Route53Listing.zones(ctx, pageSize)) {
      String zoneId = Route53Listing.zoneId(z.id());
      // one listing per zone, each its own task: a zone whose listing fails costs only its sets
      ctx.submit(() -> {
        for (ResourceRecordSet s : Route53Listing.recordSets(ctx, zoneId, pageSize)) {
          Node node = ctx.add(Route53Listing.recordSetNode(ctx, zoneId, s));
          ctx.edgeFrom(AwsRoute53ZoneKind.KIND, zoneId, node, EdgeType.DEFAULT);
        }
      });
    }
  }
}
