package io.resoto.worker.awssim.resources.ec2compute;

import io.resoto.worker.awssim.Ec2FilterValue;
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
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
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
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * EC2 compute and storage listings in the caller's account and region: DescribeInstances
 * (estate collection {@code Reservations}), DescribeInstanceAttribute userData
 * ({@code InstanceAttributes}), DescribeInstanceTypes ({@code InstanceTypes}), DescribeVolumes,
 * DescribeSnapshots, DescribeImages, DescribeKeyPairs, DescribeLaunchTemplates,
 * DescribeLaunchTemplateVersions ({@code LaunchTemplateVersions}: every version of every template,
 * the default one flagged {@code DefaultVersion: true}), DescribeHosts and DescribeReservedInstances
 * (collections named as the response members). Paginated operations
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
    registry.on(DescribeLaunchTemplateVersionsRequest.class,
        (ctx, req) -> describeLaunchTemplateVersions(store, ctx, req));
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
   * Versions of one template (by id or name): the numbers and aliases asked for, else every
   * version within MinVersion..MaxVersion. Without a template only {@code $Latest} and
   * {@code $Default} may be asked for, and are answered for every template, as EC2 does. Newest
   * version first per template.
   */
  private static DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(ResourceStore store,
      CallContext ctx, DescribeLaunchTemplateVersionsRequest req) {
    List<LaunchTemplate> templates = store.regional(ctx, "ec2", "LaunchTemplates", LaunchTemplate.class);
    List<LaunchTemplateVersion> versions = store.regional(ctx, "ec2", "LaunchTemplateVersions",
        LaunchTemplateVersion.class);
    List<String> asked = req.hasVersions() ? req.versions() : List.of();
    if (req.launchTemplateId() != null && req.launchTemplateName() != null) {
      throw AwsError.of(400, "InvalidParameterCombination",
          "The parameters LaunchTemplateId and LaunchTemplateName cannot be used together");
    }
    List<LaunchTemplate> selected;
    if (req.launchTemplateId() != null) {
      selected = templates.stream().filter(t -> t.launchTemplateId().equals(req.launchTemplateId())).toList();
      if (selected.isEmpty()) {
        throw AwsError.of(400, "InvalidLaunchTemplateId.NotFound", "The specified launch template, with template ID "
            + req.launchTemplateId() + ", does not exist.");
      }
    } else if (req.launchTemplateName() != null) {
      selected = templates.stream().filter(t -> t.launchTemplateName().equals(req.launchTemplateName())).toList();
      if (selected.isEmpty()) {
        throw AwsError.of(400, "InvalidLaunchTemplateName.NotFoundException", "The specified launch template, with "
            + "template name " + req.launchTemplateName() + ", does not exist.");
      }
    } else {
      if (asked.isEmpty() || asked.stream().anyMatch(v -> !v.equals("$Latest") && !v.equals("$Default"))) {
        throw AwsError.of(400, "InvalidParameterCombination", "Without a launch template ID or name, Versions may "
            + "only name $Latest and $Default");
      }
      selected = templates;
    }
    Long min = versionNumber(req.minVersion(), "MinVersion");
    Long max = versionNumber(req.maxVersion(), "MaxVersion");
    List<LaunchTemplateVersion> all = new ArrayList<>();
    for (LaunchTemplate t : selected) {
      List<LaunchTemplateVersion> own = versions.stream()
          .filter(v -> t.launchTemplateId().equals(v.launchTemplateId()))
          .sorted((a, b) -> Long.compare(b.versionNumber(), a.versionNumber())).toList();
      for (LaunchTemplateVersion v : own) {
        boolean wanted = asked.isEmpty()
            ? (min == null || v.versionNumber() >= min) && (max == null || v.versionNumber() <= max)
            : asked.contains(String.valueOf(v.versionNumber()))
                || asked.contains("$Latest") && v == own.get(0)
                || asked.contains("$Default") && Boolean.TRUE.equals(v.defaultVersion());
        if (wanted) {
          all.add(v);
        }
      }
      for (String a : asked) {
        if (!a.startsWith("$") && own.stream().noneMatch(v -> a.equals(String.valueOf(v.versionNumber())))) {
          throw AwsError.of(400, "InvalidLaunchTemplateId.VersionNotFound", "Could not find launch template version "
              + a + " for the launch template with ID " + t.launchTemplateId() + ".");
        }
      }
    }
    all = filter(all, req.filters(), Map.of(
        "is-default-version", v -> String.valueOf(Boolean.TRUE.equals(v.defaultVersion())),
        "image-id", v -> v.launchTemplateData() == null ? null : v.launchTemplateData().imageId(),
        "instance-type", v -> v.launchTemplateData() == null ? null : v.launchTemplateData().instanceTypeAsString()));
    Page<LaunchTemplateVersion> p = page(all, ctx, req.nextToken(), req.maxResults(), 1, 200);
    return DescribeLaunchTemplateVersionsResponse.builder().launchTemplateVersions(p.items())
        .nextToken(p.nextToken()).build();
  }

  private static Long versionNumber(String value, String parameter) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw AwsError.of(400, "InvalidParameterValue", "Invalid value '" + value + "' for " + parameter);
    }
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
      List<Pattern> values = f.values().stream().map(Ec2FilterValue::pattern).toList();
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
}
