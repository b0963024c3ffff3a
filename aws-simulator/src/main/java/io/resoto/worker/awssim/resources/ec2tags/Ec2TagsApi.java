package io.resoto.worker.awssim.resources.ec2tags;

import io.resoto.worker.awssim.Ec2FilterValue;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.FlowLog;
import software.amazon.awssdk.services.ec2.model.Host;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;

/**
 * EC2's tag calls over every resource the other EC2 groups list: CreateTags, DeleteTags and
 * DescribeTags. A tag written is in the resource's own listing (DescribeInstances, DescribeVolumes,
 * ...) and in DescribeTags from the next call on, since the write replaces the resource's object
 * in the {@link ResourceStore}.
 *
 * <p>As EC2 answers: the resource's type is read from its id's prefix ({@code i-}, {@code vol-},
 * ..., a UUID for reserved instances), an id of no known form is {@code InvalidID}, an id of a
 * resource that does not exist is the type's NotFound code (InvalidInstanceID.NotFound, ...); every
 * id is checked before anything is changed. Keys are 1..128 characters, values up to 256; keys
 * starting with {@code aws:} (any case) are reserved; a resource holds at most 50 tags, not
 * counting reserved ones ({@code TagLimitExceeded}), and overwriting a key does not count.
 * DeleteTags removes a key whatever its value when no value is given, only on an exact match when
 * one is (even the empty one), and every user tag when no tag is given.
 */
public final class Ec2TagsApi implements ResourceApi {

  static final int MAX_TAGS = 50;
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;
  private static final String RESERVED_PREFIX = "aws:";

  /**
   * One kind of taggable resource: its DescribeTags type, its ids, the collection that holds it,
   * how its tags are read from and written into the collection's item, and its NotFound error.
   */
  record Taggable<T extends SdkPojo>(String resourceType, Pattern ids, String collection, Class<T> type,
      ItemKey<T> key, BiFunction<T, String, List<Tag>> tagsOf, TagWriter<T> withTags, String notFoundCode,
      String noun) {

    AwsError notFound(String id) {
      return AwsError.of(400, notFoundCode, "The " + noun + " '" + id + "' does not exist");
    }
  }

  /** The item with the tags of the resource {@code id} (in it) replaced. */
  @FunctionalInterface
  interface TagWriter<T> {
    T apply(T item, String id, List<Tag> tags);
  }

  /** Every taggable kind, in DescribeTags order. */
  static final List<Taggable<?>> TAGGABLES = List.of(
      new Taggable<>("instance", prefixed("i"), "Reservations", Reservation.class,
          new ItemKey<>("InstanceId", r -> r.instances().stream().map(Instance::instanceId).toList()),
          (r, id) -> instance(r, id).tags(),
          (r, id, tags) -> r.toBuilder().instances(r.instances().stream()
              .map(i -> id.equals(i.instanceId()) ? i.toBuilder().tags(tags).build() : i).toList()).build(),
          "InvalidInstanceID.NotFound", "instance ID"),
      simple("volume", "vol", "Volumes", Volume.class, Volume::volumeId, Volume::tags,
          (v, t) -> v.toBuilder().tags(t).build(), "InvalidVolume.NotFound", "volume"),
      simple("snapshot", "snap", "Snapshots", Snapshot.class, Snapshot::snapshotId, Snapshot::tags,
          (s, t) -> s.toBuilder().tags(t).build(), "InvalidSnapshot.NotFound", "snapshot"),
      simple("image", "ami", "Images", Image.class, Image::imageId, Image::tags,
          (i, t) -> i.toBuilder().tags(t).build(), "InvalidAMIID.NotFound", "image id"),
      simple("key-pair", "key", "KeyPairs", KeyPairInfo.class, KeyPairInfo::keyPairId, KeyPairInfo::tags,
          (k, t) -> k.toBuilder().tags(t).build(), "InvalidKeyPair.NotFound", "key pair"),
      simple("launch-template", "lt", "LaunchTemplates", LaunchTemplate.class, LaunchTemplate::launchTemplateId,
          LaunchTemplate::tags, (l, t) -> l.toBuilder().tags(t).build(), "InvalidLaunchTemplateId.NotFound",
          "launch template ID"),
      simple("dedicated-host", "h", "Hosts", Host.class, Host::hostId, Host::tags,
          (h, t) -> h.toBuilder().tags(t).build(), "InvalidHostID.NotFound", "host ID"),
      new Taggable<>("reserved-instances",
          Pattern.compile("[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}"),
          "ReservedInstances", ReservedInstances.class,
          ItemKey.of("ReservedInstancesId", ReservedInstances::reservedInstancesId), (r, id) -> r.tags(),
          (r, id, t) -> r.toBuilder().tags(t).build(), "InvalidReservedInstancesId", "Reserved Instance"),
      simple("vpc", "vpc", "Vpcs", Vpc.class, Vpc::vpcId, Vpc::tags,
          (v, t) -> v.toBuilder().tags(t).build(), "InvalidVpcID.NotFound", "vpc ID"),
      simple("subnet", "subnet", "Subnets", Subnet.class, Subnet::subnetId, Subnet::tags,
          (s, t) -> s.toBuilder().tags(t).build(), "InvalidSubnetID.NotFound", "subnet ID"),
      simple("security-group", "sg", "SecurityGroups", SecurityGroup.class, SecurityGroup::groupId,
          SecurityGroup::tags, (g, t) -> g.toBuilder().tags(t).build(), "InvalidGroup.NotFound", "security group"),
      simple("internet-gateway", "igw", "InternetGateways", InternetGateway.class,
          InternetGateway::internetGatewayId, InternetGateway::tags, (g, t) -> g.toBuilder().tags(t).build(),
          "InvalidInternetGatewayID.NotFound", "internetGateway ID"),
      simple("natgateway", "nat", "NatGateways", NatGateway.class, NatGateway::natGatewayId, NatGateway::tags,
          (n, t) -> n.toBuilder().tags(t).build(), "NatGatewayNotFound", "NAT gateway"),
      simple("route-table", "rtb", "RouteTables", RouteTable.class, RouteTable::routeTableId, RouteTable::tags,
          (r, t) -> r.toBuilder().tags(t).build(), "InvalidRouteTableID.NotFound", "routeTable ID"),
      simple("network-acl", "acl", "NetworkAcls", NetworkAcl.class, NetworkAcl::networkAclId, NetworkAcl::tags,
          (a, t) -> a.toBuilder().tags(t).build(), "InvalidNetworkAclID.NotFound", "networkAcl ID"),
      simple("network-interface", "eni", "NetworkInterfaces", NetworkInterface.class,
          NetworkInterface::networkInterfaceId, NetworkInterface::tagSet, (n, t) -> n.toBuilder().tagSet(t).build(),
          "InvalidNetworkInterfaceID.NotFound", "networkInterface ID"),
      simple("elastic-ip", "eipalloc", "Addresses", Address.class, Address::allocationId, Address::tags,
          (a, t) -> a.toBuilder().tags(t).build(), "InvalidAllocationID.NotFound", "allocation ID"),
      simple("vpc-endpoint", "vpce", "VpcEndpoints", VpcEndpoint.class, VpcEndpoint::vpcEndpointId,
          VpcEndpoint::tags, (e, t) -> e.toBuilder().tags(t).build(), "InvalidVpcEndpointId.NotFound",
          "VPC endpoint"),
      simple("vpc-peering-connection", "pcx", "VpcPeeringConnections", VpcPeeringConnection.class,
          VpcPeeringConnection::vpcPeeringConnectionId, VpcPeeringConnection::tags,
          (c, t) -> c.toBuilder().tags(t).build(), "InvalidVpcPeeringConnectionID.NotFound",
          "vpcPeeringConnection ID"),
      simple("vpc-flow-log", "fl", "FlowLogs", FlowLog.class, FlowLog::flowLogId, FlowLog::tags,
          (f, t) -> f.toBuilder().tags(t).build(), "InvalidFlowLogId.NotFound", "flow log ID"));

  /** Declares the group. */
  public Ec2TagsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(CreateTagsRequest.class, (ctx, req) -> {
      createTags(store, ctx, req);
      return CreateTagsResponse.builder().build();
    });
    registry.on(DeleteTagsRequest.class, (ctx, req) -> {
      deleteTags(store, ctx, req);
      return DeleteTagsResponse.builder().build();
    });
    registry.on(DescribeTagsRequest.class, (ctx, req) -> {
      List<TagDescription> all = filter(describeAll(store, ctx), req.filters());
      if (req.maxResults() != null && req.maxResults() < 5) {
        throw AwsError.of(400, "InvalidParameterValue", "Value ( " + req.maxResults()
            + " ) for parameter maxResults is invalid. Expecting a value between 5 and 1000.");
      }
      if (req.maxResults() == null && (req.nextToken() == null || req.nextToken().isEmpty())) {
        return DescribeTagsResponse.builder().tags(all).build();
      }
      Page<TagDescription> p = Page.of(all, "ec2:DescribeTags:" + ctx.caller().accountId() + ":" + ctx.region(),
          req.nextToken(), req.maxResults(), 1000, 1000);
      return DescribeTagsResponse.builder().tags(p.items()).nextToken(p.nextToken()).build();
    });
  }

  // ---- CreateTags / DeleteTags ----

  /** A resource named by a call: its kind and id. */
  private record Target<T extends SdkPojo>(Taggable<T> kind, String id) {}

  private static void createTags(ResourceStore store, CallContext ctx, CreateTagsRequest req) {
    List<String> ids = resources(req.resources());
    if (!req.hasTags() || req.tags().isEmpty()) {
      throw AwsError.of(400, "MissingParameter", "The request must contain the parameter tagSet");
    }
    Map<String, String> added = new LinkedHashMap<>();
    for (Tag tag : req.tags()) {
      String key = tag.key() == null ? "" : tag.key();
      String value = tag.value() == null ? "" : tag.value();
      checkKey(key);
      if (value.codePointCount(0, value.length()) > MAX_VALUE) {
        throw AwsError.of(400, "InvalidParameterValue",
            "Tag value exceeds the maximum length of " + MAX_VALUE + " characters");
      }
      added.put(key, value);
    }
    List<Target<?>> targets = resolve(store, ctx, ids);
    // the limit is checked on every resource before any is changed, and again as each one is
    for (Target<?> target : targets) {
      check(store, ctx, target, added);
    }
    for (Target<?> target : targets) {
      apply(store, ctx, target, tags -> withAdded(tags, added));
    }
  }

  private static <T extends SdkPojo> void check(ResourceStore store, CallContext ctx, Target<T> target,
      Map<String, String> added) {
    Taggable<T> kind = target.kind();
    T item = store.findRegional(ctx, "ec2", kind.collection(), kind.type(), kind.key(), target.id());
    if (item == null) {
      throw kind.notFound(target.id());
    }
    withAdded(kind.tagsOf().apply(item, target.id()), added);
  }

  /** The tags with {@code added} set (a key already there keeps its place), within the limit. */
  private static List<Tag> withAdded(List<Tag> tags, Map<String, String> added) {
    Map<String, String> merged = new LinkedHashMap<>();
    tags.forEach(t -> merged.put(t.key(), t.value()));
    int before = userTags(merged);
    merged.putAll(added);
    int after = userTags(merged);
    if (after > MAX_TAGS && after > before) {
      throw AwsError.of(400, "TagLimitExceeded", "The maximum number of Tags for a resource has been reached.");
    }
    List<Tag> out = new ArrayList<>(merged.size());
    merged.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  private static int userTags(Map<String, String> tags) {
    return (int) tags.keySet().stream().filter(k -> !reserved(k)).count();
  }

  private static void deleteTags(ResourceStore store, CallContext ctx, DeleteTagsRequest req) {
    List<String> ids = resources(req.resources());
    List<Tag> specs = req.hasTags() ? req.tags() : List.of();
    for (Tag spec : specs) {
      checkKey(spec.key() == null ? "" : spec.key());
    }
    List<Target<?>> targets = resolve(store, ctx, ids);
    for (Target<?> target : targets) {
      apply(store, ctx, target, tags -> tags.stream().filter(t -> !deleted(t, specs)).toList());
    }
  }

  private static boolean deleted(Tag tag, List<Tag> specs) {
    if (specs.isEmpty()) {
      // no tags named: every user tag goes, AWS's own stay
      return !reserved(tag.key());
    }
    return specs.stream().anyMatch(s -> s.key().equals(tag.key())
        && (s.value() == null || s.value().equals(tag.value() == null ? "" : tag.value())));
  }

  private static List<String> resources(List<String> resources) {
    if (resources == null || resources.isEmpty()) {
      throw AwsError.of(400, "MissingParameter", "The request must contain the parameter resourceIdSet");
    }
    return resources;
  }

  private static void checkKey(String key) {
    if (key.isEmpty()) {
      throw AwsError.of(400, "InvalidParameterValue", "Tag key must not be empty");
    }
    if (key.codePointCount(0, key.length()) > MAX_KEY) {
      throw AwsError.of(400, "InvalidParameterValue", "Tag key exceeds the maximum length of " + MAX_KEY
          + " characters");
    }
    if (reserved(key)) {
      throw AwsError.of(400, "InvalidParameterValue", "Value ( " + key
          + " ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");
    }
  }

  private static boolean reserved(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith(RESERVED_PREFIX);
  }

  /** Every id's kind and existence, before anything changes: the call fails whole or not at all. */
  private static List<Target<?>> resolve(ResourceStore store, CallContext ctx, List<String> ids) {
    List<Target<?>> targets = new ArrayList<>(ids.size());
    for (String id : ids) {
      Taggable<?> kind = TAGGABLES.stream().filter(t -> t.ids().matcher(id).matches()).findFirst()
          .orElseThrow(() -> AwsError.of(400, "InvalidID", "The ID '" + id + "' is not valid"));
      Target<?> target = target(kind, id);
      if (!exists(store, ctx, target)) {
        throw kind.notFound(id);
      }
      targets.add(target);
    }
    return targets;
  }

  private static <T extends SdkPojo> Target<T> target(Taggable<T> kind, String id) {
    return new Target<>(kind, id);
  }

  private static <T extends SdkPojo> boolean exists(ResourceStore store, CallContext ctx, Target<T> target) {
    Taggable<T> kind = target.kind();
    return store.findRegional(ctx, "ec2", kind.collection(), kind.type(), kind.key(), target.id()) != null;
  }

  /** Replaces the resource's tags by {@code change} of them, in one atomic update of its item. */
  private static <T extends SdkPojo> void apply(ResourceStore store, CallContext ctx, Target<T> target,
      Function<List<Tag>, List<Tag>> change) {
    Taggable<T> kind = target.kind();
    store.updateRegional(ctx, "ec2", kind.collection(), kind.type(), kind.key(), target.id(), item -> {
      if (item == null) {
        throw kind.notFound(target.id());
      }
      List<Tag> next = change.apply(kind.tagsOf().apply(item, target.id()));
      return kind.withTags().apply(item, target.id(), next);
    });
  }

  // ---- DescribeTags ----

  private static List<TagDescription> describeAll(ResourceStore store, CallContext ctx) {
    List<TagDescription> out = new ArrayList<>();
    for (Taggable<?> kind : TAGGABLES) {
      describe(store, ctx, kind, out);
    }
    return out;
  }

  private static <T extends SdkPojo> void describe(ResourceStore store, CallContext ctx, Taggable<T> kind,
      List<TagDescription> out) {
    for (T item : store.regional(ctx, "ec2", kind.collection(), kind.type())) {
      for (String id : kind.key().ids().apply(item)) {
        for (Tag tag : kind.tagsOf().apply(item, id)) {
          out.add(TagDescription.builder().resourceId(id).resourceType(kind.resourceType())
              .key(tag.key()).value(tag.value()).build());
        }
      }
    }
  }

  /** DescribeTags' filters: key, value, resource-id and resource-type, with EC2's wildcards. */
  private static List<TagDescription> filter(List<TagDescription> all, List<Filter> filters) {
    List<TagDescription> out = all;
    for (Filter f : filters) {
      String name = String.valueOf(f.name());
      Function<TagDescription, String> field = switch (name) {
        case "key" -> TagDescription::key;
        case "value" -> TagDescription::value;
        case "resource-id" -> TagDescription::resourceId;
        case "resource-type" -> TagDescription::resourceTypeAsString;
        default -> throw AwsError.of(400, "InvalidParameterValue", "The filter '" + name + "' is invalid");
      };
      List<Pattern> values = f.values().stream().map(Ec2FilterValue::pattern).toList();
      out = out.stream().filter(d -> {
        String v = field.apply(d);
        return v != null && values.stream().anyMatch(p -> p.matcher(v).matches());
      }).toList();
    }
    return out;
  }


  // ---- the table's building blocks ----

  private static Pattern prefixed(String prefix) {
    return Pattern.compile(Pattern.quote(prefix) + "-[0-9a-z]+");
  }

  private static Instance instance(Reservation r, String id) {
    return r.instances().stream().filter(i -> id.equals(i.instanceId())).findFirst().orElseThrow();
  }

  /** A resource that is one item of its collection, with one id. */
  private static <T extends SdkPojo> Taggable<T> simple(String resourceType, String prefix, String collection,
      Class<T> type, Function<T, String> id, Function<T, List<Tag>> tags, BiFunction<T, List<Tag>, T> withTags,
      String notFoundCode, String noun) {
    return new Taggable<>(resourceType, prefixed(prefix), collection, type, ItemKey.of(collection + "Id", id),
        (item, ignored) -> tags.apply(item), (item, ignored, t) -> withTags.apply(item, t), notFoundCode, noun);
  }
}
