package io.resoto.worker.awssim.resources.ec2compute;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.resources.DemoSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Host;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The filters, id lists, owner selections and page sizes the EC2 compute and storage listings
 * serve, each through the real client against the demo estate (account 111111111111, us-east-1).
 */
class Ec2ComputeFiltersTest {
  private static final String WEB = "i-0a11c0e0000000001";
  private static final String BATCH = "i-0a11c0e0000000002";
  private static final String GPU = "i-0a11c0e0000000003";

  private static DemoSimulation demo;
  private static Ec2Client ec2;

  @BeforeAll
  static void start() {
    demo = new DemoSimulation();
    ec2 = demo.ec2();
  }

  @AfterAll
  static void stop() {
    ec2.close();
    demo.close();
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  /** One filtered listing and the ids it answers. */
  record Case(String name, Function<Ec2Client, List<String>> ids, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<String> instanceIds(DescribeInstancesResponse r) {
    return r.reservations().stream().flatMap(res -> res.instances().stream()).map(Instance::instanceId).toList();
  }

  private static Case instances(String name, List<String> expected, Filter... filters) {
    return new Case("instances " + name, c -> instanceIds(c.describeInstances(r -> r.filters(filters))), expected);
  }

  private static Case volumes(String name, List<String> expected, Filter... filters) {
    return new Case("volumes " + name, c -> c.describeVolumes(r -> r.filters(filters)).volumes().stream()
        .map(Volume::volumeId).toList(), expected);
  }

  private static Case snapshots(String name, List<String> expected, Filter... filters) {
    return new Case("snapshots " + name, c -> c.describeSnapshots(r -> r.filters(filters)).snapshots().stream()
        .map(Snapshot::snapshotId).toList(), expected);
  }

  private static Case images(String name, List<String> expected, Filter... filters) {
    return new Case("images " + name, c -> c.describeImages(r -> r.filters(filters)).images().stream()
        .map(Image::imageId).toList(), expected);
  }

  static Stream<Case> cases() {
    return Stream.of(
        instances("unfiltered", List.of(WEB, BATCH, GPU)),
        instances("instance-type", List.of(BATCH), filter("instance-type", "t3.micro")),
        instances("instance-type wildcard", List.of(WEB, GPU), filter("instance-type", "m5.*", "g4dn.*")),
        instances("instance-id", List.of(GPU), filter("instance-id", GPU)),
        instances("instance-state-name", List.of(WEB, GPU), filter("instance-state-name", "running")),
        instances("key-name", List.of(WEB, BATCH), filter("key-name", "demo-deploy")),
        instances("image-id", List.of(WEB, BATCH, GPU), filter("image-id", "ami-0a11c0e0000000001")),
        instances("vpc-id", List.of(), filter("vpc-id", "vpc-0fffffffffffffff0")),
        instances("subnet-id", List.of(WEB, GPU), filter("subnet-id", "subnet-0a11c0e0000000001")),
        instances("tag:Name", List.of(WEB), filter("tag:Name", "web-1")),
        instances("tag:Name wildcard", List.of(BATCH), filter("tag:Name", "batch-*")),
        instances("tag-key", List.of(WEB), filter("tag-key", "owner")),
        instances("tag:env and state", List.of(), filter("tag:env", "dev"), filter("instance-state-name", "running")),
        volumes("volume-type", List.of("vol-0a11c0e0000000001", "vol-0a11c0e0000000003"),
            filter("volume-type", "gp?")),
        volumes("status", List.of("vol-0a11c0e0000000004"), filter("status", "available")),
        volumes("volume-id", List.of("vol-0a11c0e0000000002"), filter("volume-id", "vol-0a11c0e0000000002")),
        volumes("tag:env", List.of("vol-0a11c0e0000000001", "vol-0a11c0e0000000002"), filter("tag:env", "prod")),
        snapshots("volume-id", List.of("snap-0a11c0e0000000002"), filter("volume-id", "vol-0a11c0e0000000002")),
        snapshots("snapshot-id", List.of("snap-0a11c0e0000000003"), filter("snapshot-id", "snap-0a11c0e0000000003")),
        snapshots("tag-key", List.of("snap-0a11c0e0000000003"), filter("tag-key", "retention")),
        images("state", List.of("ami-0a11c0e0000000001", "ami-0c0ffee000000a1a1"), filter("state", "available")),
        images("image-id", List.of("ami-0c0ffee000000a1a1"), filter("image-id", "ami-0c0ffee*")),
        new Case("key pairs key-name", c -> c.describeKeyPairs(r -> r.filters(filter("key-name", "break-*")))
            .keyPairs().stream().map(KeyPairInfo::keyPairId).toList(), List.of("key-0a11c0e0000000002")),
        new Case("key pairs key-pair-id", c -> c.describeKeyPairs(r -> r.filters(filter("key-pair-id",
            "key-0a11c0e0000000001"))).keyPairs().stream().map(KeyPairInfo::keyName).toList(),
            List.of("demo-deploy")),
        new Case("launch templates launch-template-name", c -> c.describeLaunchTemplates(r -> r.filters(
            filter("launch-template-name", "batch-*"))).launchTemplates().stream()
            .map(LaunchTemplate::launchTemplateId).toList(), List.of("lt-0a11c0e0000000001")),
        new Case("hosts availability-zone", c -> c.describeHosts(r -> r.filter(filter("availability-zone",
            "us-east-1b"))).hosts().stream().map(Host::hostId).toList(), List.of()),
        new Case("hosts state", c -> c.describeHosts(r -> r.filter(filter("state", "available"))).hosts().stream()
            .map(Host::hostId).toList(), List.of("h-0a11c0e0000000001")),
        new Case("reserved instances instance-type and state", c -> c.describeReservedInstances(r -> r.filters(
            filter("instance-type", "m5.large"), filter("state", "active"))).reservedInstances().stream()
            .map(ReservedInstances::reservedInstancesId).toList(), List.of("0a11c0e0-0000-4000-8000-00000000r001")),
        new Case("reserved instances state other", c -> c.describeReservedInstances(r -> r.filters(
            filter("state", "retired"))).reservedInstances().stream()
            .map(ReservedInstances::reservedInstancesId).toList(), List.of()),
        new Case("instance types instance-type", c -> c.describeInstanceTypes(r -> r.filters(filter("instance-type",
            "t3.*", "g4dn.xlarge"))).instanceTypes().stream().map(InstanceTypeInfo::instanceTypeAsString).toList(),
            List.of("t3.micro", "g4dn.xlarge")),
        new Case("instance types by name", c -> c.describeInstanceTypes(r -> r.instanceTypesWithStrings("m5.large"))
            .instanceTypes().stream().map(InstanceTypeInfo::instanceTypeAsString).toList(), List.of("m5.large")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aFilterNarrowsItsListing(Case c) {
    assertThat(c.ids().apply(ec2)).containsExactlyElementsOf(c.expected());
  }

  @Test
  void filteredInstancesKeepTheirReservationsAndEmptyReservationsAreLeftOut() {
    List<Reservation> reservations = ec2.describeInstances(r -> r.filters(filter("instance-state-name", "running")))
        .reservations();
    assertThat(reservations).extracting(Reservation::reservationId)
        .containsExactly("r-0a11c0e0000000001", "r-0a11c0e0000000002");
    assertThat(reservations.get(1).instances()).extracting(Instance::instanceId).containsExactly(GPU);
    assertThat(ec2.describeInstances(r -> r.instanceIds(BATCH)).reservations()).singleElement()
        .satisfies(r -> assertThat(r.instances()).extracting(Instance::instanceId).containsExactly(BATCH));
  }

  @Test
  void anUnknownFilterIsInvalidParameterValue() {
    Filter colour = filter("colour", "blue");
    List<Consumer<Ec2Client>> calls = List.of(
        c -> c.describeInstances(r -> r.filters(colour)), c -> c.describeVolumes(r -> r.filters(colour)),
        c -> c.describeSnapshots(r -> r.filters(colour)), c -> c.describeImages(r -> r.filters(colour)),
        c -> c.describeKeyPairs(r -> r.filters(colour)), c -> c.describeLaunchTemplates(r -> r.filters(colour)),
        c -> c.describeHosts(r -> r.filter(colour)), c -> c.describeReservedInstances(r -> r.filters(colour)),
        c -> c.describeInstanceTypes(r -> r.filters(colour)));
    for (Consumer<Ec2Client> call : calls) {
      var e = awsError(() -> call.accept(ec2), 400, "InvalidParameterValue");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The filter 'colour' is invalid");
    }
  }

  @Test
  void idListsSelectAndAnUnknownIdIsTheListingsNotFound() {
    assertThat(ec2.describeVolumes(r -> r.volumeIds("vol-0a11c0e0000000004")).volumes()).singleElement()
        .extracting(Volume::volumeId).isEqualTo("vol-0a11c0e0000000004");
    var missing = awsError(() -> ec2.describeInstances(r -> r.instanceIds(WEB, "i-0fffffffffffffff0")), 400,
        "InvalidInstanceID.NotFound");
    assertThat(missing.awsErrorDetails().errorMessage()).contains("i-0fffffffffffffff0").doesNotContain(WEB);
    awsError(() -> ec2.describeVolumes(r -> r.volumeIds("vol-0fffffffffffffff0")), 400, "InvalidVolume.NotFound");
    awsError(() -> ec2.describeSnapshots(r -> r.snapshotIds("snap-0fffffffffffffff0")), 400,
        "InvalidSnapshot.NotFound");
    awsError(() -> ec2.describeImages(r -> r.imageIds("ami-0fffffffffffffff0")), 400, "InvalidAMIID.NotFound");
    awsError(() -> ec2.describeKeyPairs(r -> r.keyNames("nobody")), 400, "InvalidKeyPair.NotFound");
    awsError(() -> ec2.describeLaunchTemplates(r -> r.launchTemplateIds("lt-0fffffffffffffff0")), 400,
        "InvalidLaunchTemplateId.NotFound");
    awsError(() -> ec2.describeHosts(r -> r.hostIds("h-0fffffffffffffff0")), 400, "InvalidHostID.NotFound");
    awsError(() -> ec2.describeReservedInstances(r -> r.reservedInstancesIds("ffffffff-ffff-4fff-8fff-ffffffffffff")),
        400, "InvalidReservedInstancesId");
    awsError(() -> ec2.describeInstanceAttribute(r -> r.instanceId("i-0fffffffffffffff0")
        .attribute(InstanceAttributeName.USER_DATA)), 400, "InvalidInstanceID.NotFound");
  }

  @Test
  void ownersSelectSnapshotsAndImagesAndPublicKeysComeOnlyWhenAskedFor() {
    assertThat(ec2.describeSnapshots(r -> r.ownerIds("self")).snapshots()).extracting(Snapshot::snapshotId)
        .containsExactly("snap-0a11c0e0000000001", "snap-0a11c0e0000000002", "snap-0a11c0e0000000003");
    assertThat(ec2.describeSnapshots(r -> r.ownerIds("222222222222")).snapshots()).extracting(Snapshot::snapshotId)
        .containsExactly("snap-0b22c0e0000000001");
    assertThat(ec2.describeImages(r -> r.owners("self")).images()).extracting(Image::imageId)
        .containsExactly("ami-0a11c0e0000000001");
    assertThat(ec2.describeImages(r -> r.owners("self", "137112412989")).images()).hasSize(2);

    assertThat(ec2.describeKeyPairs().keyPairs()).allSatisfy(k -> assertThat(k.publicKey()).isNull());
    assertThat(ec2.describeKeyPairs(r -> r.includePublicKey(true).keyNames("demo-deploy")).keyPairs())
        .singleElement().satisfies(k -> assertThat(k.publicKey()).isNotBlank());
  }

  @Test
  void pagesFollowMaxResultsWithinTheOperationsBounds() {
    // instances are paged by reservation
    DescribeInstancesResponse first = ec2.describeInstances(r -> r.maxResults(5));
    assertThat(first.reservations()).hasSize(2);
    assertThat(first.nextToken()).isNull();

    List<String> volumes = new ArrayList<>();
    ec2.describeVolumesPaginator(r -> r.maxResults(5)).forEach(p -> p.volumes().forEach(v -> volumes.add(v.volumeId())));
    assertThat(volumes).hasSize(4);
    // the demo region has two templates: one per page, and the second page is the last
    var oneTemplate = ec2.describeLaunchTemplates(r -> r.maxResults(1));
    assertThat(oneTemplate.launchTemplates()).hasSize(1);
    assertThat(oneTemplate.nextToken()).isNotNull();
    var secondTemplate = ec2.describeLaunchTemplates(r -> r.maxResults(1).nextToken(oneTemplate.nextToken()));
    assertThat(secondTemplate.launchTemplates()).hasSize(1)
        .doesNotContainAnyElementsOf(oneTemplate.launchTemplates());
    assertThat(secondTemplate.nextToken()).isNull();

    awsError(() -> ec2.describeInstances(r -> r.maxResults(4)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeInstances(r -> r.maxResults(1001)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeVolumes(r -> r.maxResults(501)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeInstanceTypes(r -> r.maxResults(101)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeHosts(r -> r.maxResults(4)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeLaunchTemplates(r -> r.maxResults(201)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeVolumes(r -> r.maxResults(5).nextToken("not-a-token")), 400, "InvalidNextToken");

    // the demo's listings are shorter than the smallest page these operations allow: one page each
    var types = ec2.describeInstanceTypes(r -> r.maxResults(5));
    assertThat(types.instanceTypes()).hasSize(3);
    assertThat(types.nextToken()).isNull();
  }
}
