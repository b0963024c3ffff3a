package io.resoto.worker.aws.kinds.route53;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * {@code aws_route53_resource_record}: one node per value of every record set (global;
 * ListHostedZones, then ListResourceRecordSets per zone), its data split by type as the
 * original's DNS record base does (MX/SRV priority, SRV weight and port, CAA flags and tag, the
 * seven SOA fields; else the value is the data). Alias sets have no values and so no records.
 * Its record set points to it (default and delete edges).
 *
 * <p>The original gives a record the set's name as id, which several records share; here the id
 * is {@code <zone id> <name> <type> <data>} (plus {@code [<set identifier>]} when the set has one)
 * so that the set's edges find exactly their records; the name is the record name, as in the
 * original. The ARN follows the original's template ({@code arn:aws:route53:::<id>}).
 */
public final class AwsRoute53ResourceRecordKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_route53_resource_record";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("dns_record", KindModel.AWS_RESOURCE)
      .display("dns_record", "networking")
      .property("record_ttl", "int64", "How long resolvers may cache the record, in seconds (0 when the set has none).")
      .property("record_type", "string", "The DNS record type: A, AAAA, CNAME, MX, NS, SOA, SRV, TXT, CAA, ...")
      .property("record_data", "string", "The record's data as in a zone file.")
      .property("record_value", "string",
          "The record's value: the address or target name (MX, SRV, CNAME, NS, A, ...), the text (TXT) or the CAA value.")
      .property("record_priority", "int64", "The priority of an MX or SRV record (lower is preferred).")
      .property("record_port", "int64", "The port of an SRV record's service.")
      .property("record_weight", "int64", "The relative weight of an SRV record among records of equal priority.")
      .property("record_flags", "int64", "The flags of a CAA record (128: critical).")
      .property("record_tag", "string", "The property tag of a CAA record: issue, issuewild or iodef.")
      .property("record_mname", "string", "An SOA record's primary name server.")
      .property("record_rname", "string", "An SOA record's responsible mailbox, in DNS name form.")
      .property("record_serial", "int64", "An SOA record's zone serial number.")
      .property("record_refresh", "int64", "An SOA record's refresh interval for secondaries, in seconds.")
      .property("record_retry", "int64", "An SOA record's retry interval after a failed refresh, in seconds.")
      .property("record_expire", "int64", "How long an SOA record's secondaries keep answering without a refresh, in seconds.")
      .property("record_minimum", "int64", "An SOA record's negative-caching TTL, in seconds.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRoute53ResourceRecordKind() {
    this(Route53Listing.MAX_RECORD_SETS);
  }

  /** The kind listing zones and record sets in pages of this size (zones at most 100 a page; tests page small estates with it). */
  AwsRoute53ResourceRecordKind(int pageSize) {
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
      ctx.submit(() -> {
        for (ResourceRecordSet s : Route53Listing.recordSets(ctx, zoneId, pageSize)) {
          // the set's node as the record-set kind builds it: the edges start at it when it is collected
          Node set = Route53Listing.recordSetNode(ctx, zoneId, s);
          for (String data : Route53Listing.values(s)) {
            Node record = ctx.add(node(ctx, zoneId, s, data));
            ctx.edge(set, KIND, record.resourceId(), EdgeType.DEFAULT);
            ctx.edge(set, KIND, record.resourceId(), EdgeType.DELETE);
          }
        }
      });
    }
  }

  /** The record's id: unique in the account, unlike the set name the original uses. */
  static String recordId(String zoneId, ResourceRecordSet s, String data) {
    String id = zoneId + " " + s.name() + " " + s.typeAsString() + " " + data;
    return s.setIdentifier() == null ? id : id + " [" + s.setIdentifier() + "]";
  }

  /** Maps one value of a set. */
  static Node node(KindContext ctx, String zoneId, ResourceRecordSet s, String data) {
    String id = recordId(zoneId, s, data);
    Node.Builder b = ctx.node(KIND, id).name(s.name())
        .property("record_ttl", s.ttl() == null ? 0L : s.ttl())
        .property("record_type", s.typeAsString())
        .property("record_data", data);
    String[] f = data.trim().split("\\s+");
    switch (s.typeAsString().toUpperCase(Locale.ROOT)) {
      case "MX" -> {
        if (f.length == 2) {
          ApiValues.put(b, "record_priority", ApiValues.number(f[0]));
          ApiValues.put(b, "record_value", f[1]);
        }
      }
      case "SRV" -> {
        if (f.length == 4) {
          ApiValues.put(b, "record_priority", ApiValues.number(f[0]));
          ApiValues.put(b, "record_weight", ApiValues.number(f[1]));
          ApiValues.put(b, "record_port", ApiValues.number(f[2]));
          ApiValues.put(b, "record_value", f[3]);
        }
      }
      case "CAA" -> {
        if (f.length >= 3) {
          ApiValues.put(b, "record_flags", ApiValues.number(f[0]));
          ApiValues.put(b, "record_tag", f[1]);
          ApiValues.put(b, "record_value", unquote(data.trim().split("\\s+", 3)[2]));
        }
      }
      case "SOA" -> {
        if (f.length == 7) {
          ApiValues.put(b, "record_mname", f[0]);
          ApiValues.put(b, "record_rname", f[1]);
          ApiValues.put(b, "record_serial", ApiValues.number(f[2]));
          ApiValues.put(b, "record_refresh", ApiValues.number(f[3]));
          ApiValues.put(b, "record_retry", ApiValues.number(f[4]));
          ApiValues.put(b, "record_expire", ApiValues.number(f[5]));
          ApiValues.put(b, "record_minimum", ApiValues.number(f[6]));
        }
      }
      case "TXT", "SPF" -> ApiValues.put(b, "record_value", unquote(data.trim()));
      default -> ApiValues.put(b, "record_value", data.trim());
    }
    return KindContext.arn(b.idKeyExtra(zoneId), "arn:" + ctx.partition() + ":route53:::" + id).build();
  }

  private static String unquote(String text) {
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }
}
