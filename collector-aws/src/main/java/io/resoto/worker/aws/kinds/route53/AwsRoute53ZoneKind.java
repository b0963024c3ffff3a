package io.resoto.worker.aws.kinds.route53;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.QueryLoggingConfig;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * {@code aws_route53_zone}: Route 53 hosted zones (global; ListHostedZones). id = the zone id
 * without {@code /hostedzone/}, name = the zone's DNS name. The zone points to its record sets
 * (made by {@code aws_route53_resource_record_set}).
 *
 * <p>Route 53 allows 5 requests per second per account, so this kind asks less than the
 * original: tags with ListTagsForResources for 10 zones per call (the original calls
 * ListTagsForResource per zone), and query logging with one ListQueryLoggingConfigs listing of
 * the whole account (the original asks per zone, and does not declare that call); the first
 * config of a zone is reported, as in the original. The ARN is AWS's own
 * ({@code arn:aws:route53:::hostedzone/<id>}); the original's template
 * ({@code arn:aws:route53:<region>:<account>:zone/<id>}) names no real resource.
 */
public final class AwsRoute53ZoneKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_route53_zone";

  private static final int TAG_BATCH = 10;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("dns_zone", KindModel.AWS_RESOURCE)
      .display("zone", "networking")
      .successors(EdgeType.DEFAULT, AwsRoute53ResourceRecordSetKind.KIND)
      .property("zone_resource_record_set_count", "int64", "The number of record sets in the zone.")
      .property("zone_caller_reference", "string", "The unique string the creator gave when creating the zone.")
      .property("zone_config", "dictionary[string, any]", "The zone's comment and whether it is private.")
      .property("zone_linked_service", "dictionary[string, any]",
          "The service (principal and description) that created the zone, if another service did.")
      .property("zone_logging_config", "dictionary[string, any]",
          "The DNS query logging configuration: its id and the CloudWatch Logs log group it writes to.")
      .property("private_zone", "boolean", "Whether the zone is private (answers only inside its VPCs).")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRoute53ZoneKind() {
    this(Route53Listing.MAX_RECORD_SETS);
  }

  /** The kind listing zones and record sets in pages of this size (zones at most 100 a page; tests page small estates with it). */
  AwsRoute53ZoneKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "route53", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("route53:ListHostedZones", "route53:ListTagsForResources", "route53:ListQueryLoggingConfigs");
  }

  /** Tags through route53:ChangeTagsForResource (AddTags / RemoveTagKeys) with the zone id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("route53:ChangeTagsForResource"),
        (ctx, key, value) -> ctx.client(Route53Client.builder()).changeTagsForResource(r -> r
            .resourceType(TagResourceType.HOSTEDZONE).resourceId(ctx.target().id())
            .addTags(Tag.builder().key(key).value(value).build())),
        List.of("route53:ChangeTagsForResource"),
        (ctx, key) -> ctx.client(Route53Client.builder()).changeTagsForResource(r -> r
            .resourceType(TagResourceType.HOSTEDZONE).resourceId(ctx.target().id()).removeTagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    Route53Client route53 = ctx.client(Route53Client.builder());
    List<HostedZone> zones = Route53Listing.zones(ctx, pageSize);
    if (zones.isEmpty()) {
      return;
    }
    Map<String, Map<String, String>> tags = new HashMap<>();
    for (int i = 0; i < zones.size(); i += TAG_BATCH) {
      List<String> ids = zones.subList(i, Math.min(zones.size(), i + TAG_BATCH)).stream()
          .map(z -> Route53Listing.zoneId(z.id())).toList();
      for (ResourceTagSet set : route53.listTagsForResources(r -> r.resourceType(TagResourceType.HOSTEDZONE)
          .resourceIds(ids)).resourceTagSets()) {
        Map<String, String> t = new LinkedHashMap<>();
        set.tags().forEach(tag -> t.put(tag.key(), tag.value()));
        tags.put(Route53Listing.zoneId(set.resourceId()), t);
      }
    }
    Map<String, QueryLoggingConfig> logging = new HashMap<>();
    for (QueryLoggingConfig c : route53.listQueryLoggingConfigsPaginator(b -> b.build()).queryLoggingConfigs()) {
      logging.putIfAbsent(Route53Listing.zoneId(c.hostedZoneId()), c);
    }
    for (HostedZone z : zones) {
      String id = Route53Listing.zoneId(z.id());
      ctx.add(node(ctx, z, tags.getOrDefault(id, Map.of()), logging.get(id)));
    }
  }

  /** Maps a zone: id without the {@code /hostedzone/} prefix, name = the DNS name. */
  static Node node(KindContext ctx, HostedZone z, Map<String, String> tags, QueryLoggingConfig logging) {
    String id = Route53Listing.zoneId(z.id());
    Node.Builder b = ctx.node(KIND, id).name(z.name()).tags(tags);
    ApiValues.put(b, "zone_resource_record_set_count", z.resourceRecordSetCount());
    ApiValues.put(b, "zone_caller_reference", z.callerReference());
    ApiValues.put(b, "zone_config", ApiValues.plain(z.config()));
    ApiValues.put(b, "zone_linked_service", ApiValues.plain(z.linkedService()));
    if (logging != null) {
      Map<String, Object> l = new LinkedHashMap<>();
      l.put("id", logging.id());
      l.put("cloud_watch_logs_log_group_arn", logging.cloudWatchLogsLogGroupArn());
      l.values().removeIf(java.util.Objects::isNull);
      ApiValues.put(b, "zone_logging_config", l);
    }
    ApiValues.put(b, "private_zone", z.config() == null ? null : z.config().privateZone());
    return KindContext.arn(b, "arn:" + ctx.partition() + ":route53:::hostedzone/" + id).build();
  }
}
