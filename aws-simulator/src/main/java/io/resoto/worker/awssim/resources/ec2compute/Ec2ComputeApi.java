package io.resoto.worker.awssim.resources.ec2compute;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.DescribeHostsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeHostsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Host;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * EC2 compute and storage listings in the caller's account and region: DescribeInstances
 * (estate collection {@code Reservations}), DescribeInstanceAttribute userData
 * ({@code InstanceAttributes}), DescribeInstanceTypes ({@code InstanceTypes}), DescribeVolumes,
 * DescribeSnapshots, DescribeImages, DescribeKeyPairs, DescribeLaunchTemplates, DescribeHosts and
 * DescribeReservedInstances (collections named as the response members). Paginated operations
 * answer everything without MaxResults, as EC2 does, and refuse a MaxResults outside the
 * operation's documented range. Filters the collector uses are served; others are refused as EC2
 * refuses an unknown filter, so a collector relying on one notices.
 */
public final class Ec2ComputeApi implements ResourceApi {

  /** Registered in {@code ResourceApis.ALL}. */
  public Ec2ComputeApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeInstancesRequest.class, (ctx, req) -> describeInstances(store, ctx, req));
    registry.on(DescribeInstanceAttributeRequest.class, (ctx, req) -> describeInstanceAttribute(store, ctx, req));
    registry.on(DescribeInstanceTypesRequest.class, (ctx, req) -> {
      List<InstanceTypeInfo> all = filter(store.regional(ctx, "ec2", "InstanceTypes", InstanceTypeInfo.class),
          req.filters(), Map.of("instance-type", InstanceTypeInfo::instanceTypeAsString));
      if (req.hasInstanceTypes()) {
        all = all.stream().filter(t -> req.instanceTypesAsStrings().contains(t.instanceTypeAsString())).toList();
      }
      Page<InstanceTypeInfo> p = page(all, ctx, req.nextToken(), req.maxResults(), 5, 100);
      return DescribeInstanceTypesResponse.builder().instanceTypes(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeVolumesRequest.class, (ctx, req) -> {
      List<Volume> all = filter(store.regional(ctx, "ec2", "Volumes", Volume.class), req.filters(),
          Map.of("volume-id", Volume::volumeId, "volume-type", Volume::volumeTypeAsString,
              "status", Volume::stateAsString));
      all = byIds(all, req.volumeIds(), Volume::volumeId, "InvalidVolume.NotFound");
      Page<Volume> p = page(all, ctx, req.nextToken(), req.maxResults(), 5, 500);
      return DescribeVolumesResponse.builder().volumes(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeSnapshotsRequest.class, (ctx, req) -> {
      List<Snapshot> all = filter(store.regional(ctx, "ec2", "Snapshots", Snapshot.class), req.filters(),
          Map.of("snapshot-id", Snapshot::snapshotId, "volume-id", Snapshot::volumeId));
      all = owned(all, req.ownerIds(), ctx, Snapshot::ownerId);
      all = byIds(all, req.snapshotIds(), Snapshot::snapshotId, "InvalidSnapshot.NotFound");
      Page<Snapshot> p = page(all, ctx, req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeSnapshotsResponse.builder().snapshots(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeImagesRequest.class, (ctx, req) -> {
      List<Image> all = filter(store.regional(ctx, "ec2", "Images", Image.class), req.filters(),
          Map.of("image-id", Image::imageId, "state", Image::stateAsString));
      all = owned(all, req.owners(), ctx, Image::ownerId);
      all = byIds(all, req.imageIds(), Image::imageId, "InvalidAMIID.NotFound");
      Page<Image> p = page(all, ctx, req.nextToken(), req.maxResults(), 5, 1000);
      return DescribeImagesResponse.builder().images(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeKeyPairsRequest.class, (ctx, req) -> {
      List<KeyPairInfo> all = filter(store.regional(ctx, "ec2", "KeyPairs", KeyPairInfo.class), req.filters(),
          Map.of("key-name", KeyPairInfo::keyName, "key-pair-id", KeyPairInfo::keyPairId));
      all = byIds(all, req.keyNames(), KeyPairInfo::keyName, "InvalidKeyPair.NotFound");
      all = byIds(all, req.keyPairIds(), KeyPairInfo::keyPairId, "InvalidKeyPair.NotFound");
      if (!Boolean.TRUE.equals(req.includePublicKey())) {
        // EC2 returns the public key material only when asked for it
        all = all.stream().map(k -> k.toBuilder().publicKey(null).build()).toList();
      }
      return DescribeKeyPairsResponse.builder().keyPairs(all).build();
    });
    registry.on(DescribeLaunchTemplatesRequest.class, (ctx, req) -> {
      List<LaunchTemplate> all = filter(store.regional(ctx, "ec2", "LaunchTemplates", LaunchTemplate.class),
          req.filters(), Map.of("launch-template-name", LaunchTemplate::launchTemplateName));
      all = byIds(all, req.launchTemplateIds(), LaunchTemplate::launchTemplateId,
          "InvalidLaunchTemplateId.NotFound");
      Page<LaunchTemplate> p = page(all, ctx, req.nextToken(), req.maxResults(), 1, 200);
      return DescribeLaunchTemplatesResponse.builder().launchTemplates(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeHostsRequest.class, (ctx, req) -> {
      List<Host> all = filter(store.regional(ctx, "ec2", "Hosts", Host.class), req.filter(),
          Map.of("state", Host::stateAsString, "availability-zone", Host::availabilityZone));
      all = byIds(all, req.hostIds(), Host::hostId, "InvalidHostID.NotFound");
      Page<Host> p = page(all, ctx, req.nextToken(), req.maxResults(), 5, 500);
      return DescribeHostsResponse.builder().hosts(p.items()).nextToken(p.nextToken()).build();
    });
    registry.on(DescribeReservedInstancesRequest.class, (ctx, req) -> {
      List<ReservedInstances> all = filter(
          store.regional(ctx, "ec2", "ReservedInstances", ReservedInstances.class), req.filters(),
          Map.of("instance-type", ReservedInstances::instanceTypeAsString, "state", ReservedInstances::stateAsString));
      all = byIds(all, req.reservedInstancesIds(), ReservedInstances::reservedInstancesId,
          "InvalidReservedInstancesId");
      return DescribeReservedInstancesResponse.builder().reservedInstances(all).build();
    });
  }

  /**
   * Instances are kept grouped in their reservations; filters and ids select instances, and a
   * reservation none of whose instances is left is not returned (as EC2 does). Pages are cut over
   * reservations.
   */
  private static DescribeInstancesResponse describeInstances(ResourceStore store, CallContext ctx,
      DescribeInstancesRequest req) {
    Map<String, Function<Instance, String>> fields = Map.of(
        "instance-id", Instance::instanceId,
        "instance-type", Instance::instanceTypeAsString,
        "instance-state-name", i -> i.state() == null ? null : i.state().nameAsString(),
        "key-name", Instance::keyName,
        "image-id", Instance::imageId,
        "vpc-id", Instance::vpcId,
        "subnet-id", Instance::subnetId);
    List<Reservation> selected = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (Reservation r : store.regional(ctx, "ec2", "Reservations", Reservation.class)) {
      List<Instance> instances = filter(r.instances(), req.filters(), fields);
      if (req.hasInstanceIds()) {
        instances = instances.stream().filter(i -> req.instanceIds().contains(i.instanceId())).toList();
      }
      instances.forEach(i -> found.add(i.instanceId()));
      if (!instances.isEmpty()) {
        selected.add(r.toBuilder().instances(instances).build());
      }
    }
    if (req.hasInstanceIds()) {
      List<String> missing = req.instanceIds().stream().filter(id -> !found.contains(id)).toList();
      if (!missing.isEmpty()) {
        throw AwsError.of(400, "InvalidInstanceID.NotFound",
            "The instance IDs '" + String.join(", ", missing) + "' do not exist");
      }
    }
    Page<Reservation> p = page(selected, ctx, req.nextToken(), req.maxResults(), 5, 1000);
    return DescribeInstancesResponse.builder().reservations(p.items()).nextToken(p.nextToken()).build();
  }

  /**
   * Only userData is kept in the estate (collection {@code InstanceAttributes}: items in the
   * response's own shape, {@code {InstanceId, UserData: {Value: base64}}}); other attributes answer
   * empty, as for an unset attribute.
   */
  private static DescribeInstanceAttributeResponse describeInstanceAttribute(ResourceStore store, CallContext ctx,
      DescribeInstanceAttributeRequest req) {
    boolean known = store.regional(ctx, "ec2", "Reservations", Reservation.class).stream()
        .flatMap(r -> r.instances().stream()).anyMatch(i -> i.instanceId().equals(req.instanceId()));
    if (!known) {
      throw AwsError.of(400, "InvalidInstanceID.NotFound",
          "The instance ID '" + req.instanceId() + "' does not exist");
    }
    DescribeInstanceAttributeResponse.Builder b = DescribeInstanceAttributeResponse.builder()
        .instanceId(req.instanceId());
    if ("userData".equals(req.attributeAsString())) {
      store.regional(ctx, "ec2", "InstanceAttributes", DescribeInstanceAttributeResponse.class).stream()
          .filter(a -> req.instanceId().equals(a.instanceId())).findFirst()
          .ifPresent(a -> b.userData(a.userData()));
    }
    return b.build();
  }

  /** A page of the listing; without MaxResults and NextToken everything, as EC2 answers. */
  private static <T> Page<T> page(List<T> all, CallContext ctx, String token, Integer maxResults, int min,
      int max) {
    if (maxResults != null && maxResults < min) {
      throw AwsError.of(400, "InvalidParameterValue",
          "Value (" + maxResults + ") for parameter maxResults is invalid. Expecting a value between "
              + min + " and " + max + ".");
    }
    if (maxResults == null && (token == null || token.isEmpty())) {
      return new Page<>(List.copyOf(all), null);
    }
    String listing = "ec2:" + ctx.operation() + ":" + ctx.caller().accountId() + ":" + ctx.region();
    return Page.of(all, listing, token, maxResults, max, max);
  }

  /** Owners / OwnerIds: {@code self} and account ids select by owner; none selects everything. */
  private static <T> List<T> owned(List<T> all, List<String> owners, CallContext ctx, Function<T, String> owner) {
    if (owners == null || owners.isEmpty()) {
      return all;
    }
    List<String> ids = owners.stream().map(o -> "self".equals(o) ? ctx.caller().accountId() : o).toList();
    return all.stream().filter(t -> ids.contains(owner.apply(t))).toList();
  }

  /** Selects by ids; an id that is not there is an error, as EC2 answers. */
  private static <T> List<T> byIds(List<T> all, List<String> ids, Function<T, String> id, String notFound) {
    if (ids == null || ids.isEmpty()) {
      return all;
    }
    List<T> out = all.stream().filter(t -> ids.contains(id.apply(t))).toList();
    if (out.size() < ids.size()) {
      List<String> present = out.stream().map(id).toList();
      throw AwsError.of(400, notFound, "The ids '" + String.join(", ",
          ids.stream().filter(i -> !present.contains(i)).toList()) + "' do not exist");
    }
    return out;
  }

  /**
   * EC2 filters: every filter must match (values are alternatives, with {@code *} and {@code ?}
   * wildcards); tag filters ({@code tag:Key}, {@code tag-key}) work on every listing.
   */
  private static <T> List<T> filter(List<T> all, List<Filter> filters, Map<String, Function<T, String>> fields) {
    if (filters == null || filters.isEmpty()) {
      return all;
    }
    List<T> out = new ArrayList<>(all);
    for (Filter f : filters) {
      String name = String.valueOf(f.name());
      List<Pattern> values = f.values().stream().map(Ec2ComputeApi::wildcard).toList();
      Function<T, List<String>> field;
      if (name.startsWith("tag:")) {
        String key = name.substring(4);
        field = t -> tagValues(t, key);
      } else if (name.equals("tag-key")) {
        field = t -> tagKeys(t);
      } else if (fields.containsKey(name)) {
        Function<T, String> single = fields.get(name);
        field = t -> {
          String v = single.apply(t);
          return v == null ? List.of() : List.of(v);
        };
      } else {
        throw AwsError.of(400, "InvalidParameterValue", "The filter '" + name + "' is invalid");
      }
      out.removeIf(t -> field.apply(t).stream().noneMatch(v -> values.stream().anyMatch(p -> p.matcher(v).matches())));
    }
    return out;
  }

  private static List<String> tagValues(Object item, String key) {
    return tags(item).stream().filter(t -> key.equals(t.key())).map(t -> t.value()).toList();
  }

  private static List<String> tagKeys(Object item) {
    return tags(item).stream().map(t -> t.key()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<software.amazon.awssdk.services.ec2.model.Tag> tags(Object item) {
    try {
      Object tags = item.getClass().getMethod("tags").invoke(item);
      return tags instanceof List<?> l ? (List<software.amazon.awssdk.services.ec2.model.Tag>) l : List.of();
    } catch (ReflectiveOperationException e) {
      return List.of();
    }
  }

  private static Pattern wildcard(String value) {
    StringBuilder b = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '*' -> b.append(".*");
        case '?' -> b.append('.');
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(b.toString());
  }
}
