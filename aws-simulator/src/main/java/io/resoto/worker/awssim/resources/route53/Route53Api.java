package io.resoto.worker.awssim.resources.route53;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListQueryLoggingConfigsRequest;
import software.amazon.awssdk.services.route53.model.ListQueryLoggingConfigsResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.QueryLoggingConfig;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Route 53 hosted zones (REST-XML, global): ListHostedZones, ListResourceRecordSets,
 * ListTagsForResources, ListQueryLoggingConfigs and ChangeTagsForResource, from the estate's
 * global {@code route53} collections: {@code HostedZones} ({@link HostedZone}, with the
 * {@code /hostedzone/} prefix in {@code Id} as AWS answers it), {@code RecordSetChanges}
 * ({@link ChangeResourceRecordSetsRequest}: the CREATE changes that made a zone's record sets),
 * {@code Tags} ({@link ResourceTagSet}: ResourceType hostedzone, ResourceId, Tags) and
 * {@code QueryLoggingConfigs} ({@link QueryLoggingConfig}).
 *
 * <p>As in AWS: ids are taken with or without the {@code /hostedzone/} prefix; an unknown zone
 * is {@code NoSuchHostedZone} (404); ListHostedZones pages by {@code MaxItems} (1..100, default
 * 100) with the next zone's id as {@code NextMarker}; ListResourceRecordSets answers a zone's
 * record sets in DNS order (labels compared right to left, then type, then set identifier),
 * {@code MaxItems} 1..300 (default 300), continuing at {@code StartRecordName}/{@code Type}/
 * {@code Identifier}; ListTagsForResources takes at most 10 ids; a resource holds at most 50 tags
 * ({@code InvalidInput}: Route 53 says "Too many tags"); tag keys starting with {@code aws:} are
 * refused.
 */
public final class Route53Api implements ResourceApi {

  private static final String PREFIX = "/hostedzone/";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<HostedZone> ZONE = ItemKey.of("Id", z -> bare(z.id()));
  private static final ItemKey<ChangeResourceRecordSetsRequest> RECORDS =
      ItemKey.of("HostedZoneId", c -> bare(c.hostedZoneId()));
  private static final ItemKey<ResourceTagSet> TAGS = ItemKey.of("ResourceId", t -> t.resourceType() + "/" + t.resourceId());

  /** DNS order: labels compared from the right, then type, then set identifier. */
  static final Comparator<ResourceRecordSet> DNS_ORDER = Comparator
      .comparing((ResourceRecordSet r) -> reversed(r.name()))
      .thenComparing(ResourceRecordSet::typeAsString)
      .thenComparing(r -> r.setIdentifier() == null ? "" : r.setIdentifier());

  /** Registered in {@code ResourceApis.ALL}. */
  public Route53Api() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListHostedZonesRequest.class, (ctx, req) -> {
      List<HostedZone> zones = store.global(ctx, "route53", "HostedZones", HostedZone.class);
      int size = maxItems(req.maxItems(), 100);
      int start = 0;
      if (req.marker() != null && !req.marker().isEmpty()) {
        start = indexOf(zones, bare(req.marker()));
        if (start < 0) {
          throw AwsError.of(400, "InvalidInput", "Invalid marker: " + req.marker());
        }
      }
      int end = Math.min(zones.size(), start + size);
      boolean truncated = end < zones.size();
      return ListHostedZonesResponse.builder().hostedZones(zones.subList(start, end)).marker(req.marker())
          .isTruncated(truncated).nextMarker(truncated ? bare(zones.get(end).id()) : null)
          .maxItems(String.valueOf(size)).build();
    });
    registry.on(ListResourceRecordSetsRequest.class, (ctx, req) -> {
      zone(store, ctx, req.hostedZoneId());
      List<ResourceRecordSet> sets = recordSets(store, ctx, bare(req.hostedZoneId()));
      int size = maxItems(req.maxItems(), 300);
      int start = 0;
      if (req.startRecordName() != null) {
        if (req.startRecordType() == null && req.startRecordIdentifier() != null) {
          throw AwsError.of(400, "InvalidInput", "StartRecordIdentifier requires StartRecordType.");
        }
        ResourceRecordSet from = ResourceRecordSet.builder().name(req.startRecordName())
            .type(req.startRecordType() == null ? "" : req.startRecordTypeAsString())
            .setIdentifier(req.startRecordIdentifier()).build();
        while (start < sets.size() && DNS_ORDER.compare(sets.get(start), from) < 0) {
          start++;
        }
      } else if (req.startRecordType() != null) {
        throw AwsError.of(400, "InvalidInput", "StartRecordType requires StartRecordName.");
      }
      int end = Math.min(sets.size(), start + size);
      ListResourceRecordSetsResponse.Builder out = ListResourceRecordSetsResponse.builder()
          .resourceRecordSets(sets.subList(start, end)).isTruncated(end < sets.size()).maxItems(String.valueOf(size));
      if (end < sets.size()) {
        ResourceRecordSet next = sets.get(end);
        out.nextRecordName(next.name()).nextRecordType(next.type()).nextRecordIdentifier(next.setIdentifier());
      }
      return out.build();
    });
    registry.on(ListTagsForResourcesRequest.class, (ctx, req) -> {
      if (req.resourceIds().isEmpty() || req.resourceIds().size() > 10) {
        throw AwsError.of(400, "InvalidInput", "ResourceIds must name 1 to 10 resources.");
      }
      requireZoneType(req.resourceTypeAsString());
      List<ResourceTagSet> out = new ArrayList<>();
      for (String id : req.resourceIds()) {
        String zoneId = bare(zone(store, ctx, id).id());
        ResourceTagSet tags = store.findGlobal(ctx, "route53", "Tags", ResourceTagSet.class, TAGS, "hostedzone/" + zoneId);
        out.add(ResourceTagSet.builder().resourceType(TagResourceType.HOSTEDZONE).resourceId(zoneId)
            .tags(tags == null ? List.of() : tags.tags()).build());
      }
      return ListTagsForResourcesResponse.builder().resourceTagSets(out).build();
    });
    registry.on(ListQueryLoggingConfigsRequest.class, (ctx, req) -> {
      List<QueryLoggingConfig> configs = store.global(ctx, "route53", "QueryLoggingConfigs", QueryLoggingConfig.class);
      String listing = "route53:ListQueryLoggingConfigs:" + ctx.caller().accountId();
      if (req.hostedZoneId() != null) {
        String zoneId = bare(zone(store, ctx, req.hostedZoneId()).id());
        configs = configs.stream().filter(c -> bare(c.hostedZoneId()).equals(zoneId)).toList();
        listing += ":" + zoneId;
      }
      Page<QueryLoggingConfig> page;
      try {
        page = Page.of(configs, listing, req.nextToken(), maxItems(req.maxResults(), 100), 100, 100);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidPaginationToken", "The value of NextToken is not valid.");
      }
      return ListQueryLoggingConfigsResponse.builder().queryLoggingConfigs(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(ChangeTagsForResourceRequest.class, (ctx, req) -> {
      requireZoneType(req.resourceTypeAsString());
      String zoneId = bare(zone(store, ctx, req.resourceId()).id());
      for (Tag t : req.addTags()) {
        if (!TagRules.isUserKey(t.key())) {
          throw AwsError.of(400, "InvalidInput", "Invalid tag key: " + t.key());
        }
      }
      store.updateGlobal(ctx, "route53", "Tags", ResourceTagSet.class, TAGS, "hostedzone/" + zoneId, current -> {
        Map<String, String> tags = new LinkedHashMap<>();
        if (current != null) {
          current.tags().forEach(t -> tags.put(t.key(), t.value()));
        }
        req.removeTagKeys().forEach(tags::remove);
        req.addTags().forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "InvalidInput", "Too many tags: a resource holds at most " + MAX_TAGS + ".");
        }
        return ResourceTagSet.builder().resourceType(TagResourceType.HOSTEDZONE).resourceId(zoneId)
            .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
            .build();
      });
      return ChangeTagsForResourceResponse.builder().build();
    });
  }

  private static void requireZoneType(String type) {
    if (!"hostedzone".equals(type)) {
      // health checks are the other taggable type; the estate has none
      throw AwsError.of(400, "InvalidInput", "Only hostedzone resources are served: " + type);
    }
  }

  private static HostedZone zone(ResourceStore store, CallContext ctx, String id) {
    HostedZone zone = id == null ? null : store.findGlobal(ctx, "route53", "HostedZones", HostedZone.class, ZONE, bare(id));
    if (zone == null) {
      throw AwsError.of(404, "NoSuchHostedZone", "No hosted zone found with ID: " + bare(String.valueOf(id)));
    }
    return zone;
  }

  /** A zone's record sets in DNS order: the CREATE changes of its RecordSetChanges entry. */
  private static List<ResourceRecordSet> recordSets(ResourceStore store, CallContext ctx, String zoneId) {
    ChangeResourceRecordSetsRequest changes =
        store.findGlobal(ctx, "route53", "RecordSetChanges", ChangeResourceRecordSetsRequest.class, RECORDS, zoneId);
    if (changes == null || changes.changeBatch() == null) {
      return List.of();
    }
    List<ResourceRecordSet> sets = new ArrayList<>();
    for (Change c : changes.changeBatch().changes()) {
      if (c.resourceRecordSet() != null) {
        sets.add(c.resourceRecordSet());
      }
    }
    sets.sort(DNS_ORDER);
    return sets;
  }

  private static int indexOf(List<HostedZone> zones, String id) {
    for (int i = 0; i < zones.size(); i++) {
      if (bare(zones.get(i).id()).equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static int maxItems(String text, int max) {
    if (text == null || text.isEmpty()) {
      return max;
    }
    try {
      return maxItems(Integer.parseInt(text), max);
    } catch (NumberFormatException e) {
      throw AwsError.of(400, "InvalidInput", "MaxItems must be a number: " + text);
    }
  }

  private static int maxItems(Integer value, int max) {
    if (value == null) {
      return max;
    }
    if (value < 1 || value > max) {
      throw AwsError.of(400, "InvalidInput", "MaxItems must be between 1 and " + max + ", got " + value);
    }
    return value;
  }

  /** A zone id without the {@code /hostedzone/} prefix. */
  static String bare(String id) {
    return id != null && id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
  }

  /** "www.example.com." -> "com.example.www": names compared label by label from the right. */
  private static String reversed(String name) {
    String[] labels = name.toLowerCase(java.util.Locale.ROOT).split("\\.");
    StringBuilder b = new StringBuilder();
    for (int i = labels.length - 1; i >= 0; i--) {
      b.append(labels[i]);
      if (i > 0) {
        b.append('\u0000');
      }
    }
    return b.toString();
  }
}
