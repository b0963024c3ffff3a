package io.resoto.worker.awssim.resources.ec2tags;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.resources.DemoSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** CreateTags, DeleteTags and DescribeTags through the real EC2 client, against the demo estate. */
class Ec2TagsApiTest {

  private final DemoSimulation demo = new DemoSimulation();
  private final Ec2Client ec2 = demo.ec2();

  @AfterEach
  void close() {
    ec2.close();
    demo.close();
  }

  /**
   * One taggable kind: a resource of it in the demo estate (account 111111111111, us-east-1), an
   * id of its form that does not exist, the error EC2 answers for that, and the resource's tags as
   * its own listing returns them.
   */
  record Kind(String resourceType, String id, String missingId, String notFoundCode,
      Function<Ec2Client, List<Tag>> listedTags) {
    @Override
    public String toString() {
      return resourceType;
    }
  }

  static Stream<Kind> kinds() {
    return Stream.of(
        new Kind("instance", "i-0a11c0e0000000003", "i-0fffffffffffffff0", "InvalidInstanceID.NotFound",
            c -> c.describeInstances(r -> r.instanceIds("i-0a11c0e0000000003")).reservations().stream()
                .flatMap(r -> r.instances().stream()).findFirst().orElseThrow().tags()),
        new Kind("volume", "vol-0a11c0e0000000004", "vol-0fffffffffffffff0", "InvalidVolume.NotFound",
            c -> c.describeVolumes(r -> r.volumeIds("vol-0a11c0e0000000004")).volumes().get(0).tags()),
        new Kind("snapshot", "snap-0a11c0e0000000002", "snap-0fffffffffffffff0", "InvalidSnapshot.NotFound",
            c -> c.describeSnapshots(r -> r.snapshotIds("snap-0a11c0e0000000002")).snapshots().get(0).tags()),
        new Kind("image", "ami-0a11c0e0000000001", "ami-0fffffffffffffff0", "InvalidAMIID.NotFound",
            c -> c.describeImages(r -> r.imageIds("ami-0a11c0e0000000001")).images().get(0).tags()),
        new Kind("key-pair", "key-0a11c0e0000000002", "key-0fffffffffffffff0", "InvalidKeyPair.NotFound",
            c -> c.describeKeyPairs(r -> r.keyPairIds("key-0a11c0e0000000002")).keyPairs().get(0).tags()),
        new Kind("launch-template", "lt-0a11c0e0000000001", "lt-0fffffffffffffff0",
            "InvalidLaunchTemplateId.NotFound",
            c -> c.describeLaunchTemplates(r -> r.launchTemplateIds("lt-0a11c0e0000000001")).launchTemplates()
                .get(0).tags()),
        new Kind("dedicated-host", "h-0a11c0e0000000001", "h-0fffffffffffffff0", "InvalidHostID.NotFound",
            c -> c.describeHosts(r -> r.hostIds("h-0a11c0e0000000001")).hosts().get(0).tags()),
        new Kind("reserved-instances", "0a11c0e0-0000-4000-8000-00000000r001", "ffffffff-ffff-4fff-8fff-ffffffffffff",
            "InvalidReservedInstancesId",
            c -> c.describeReservedInstances(r -> r.reservedInstancesIds("0a11c0e0-0000-4000-8000-00000000r001"))
                .reservedInstances().get(0).tags()),
        new Kind("vpc", "vpc-0a1b2c3d4e5f60002", "vpc-0fffffffffffffff0", "InvalidVpcID.NotFound",
            c -> c.describeVpcs(r -> r.vpcIds("vpc-0a1b2c3d4e5f60002")).vpcs().get(0).tags()),
        new Kind("subnet", "subnet-0a1b2c3d4e5f60201", "subnet-0fffffffffffffff0", "InvalidSubnetID.NotFound",
            c -> c.describeSubnets(r -> r.subnetIds("subnet-0a1b2c3d4e5f60201")).subnets().get(0).tags()),
        new Kind("security-group", "sg-0a1b2c3d4e5f60002", "sg-0fffffffffffffff0", "InvalidGroup.NotFound",
            c -> c.describeSecurityGroups(r -> r.groupIds("sg-0a1b2c3d4e5f60002")).securityGroups().get(0).tags()),
        new Kind("internet-gateway", "igw-0a1b2c3d4e5f60001", "igw-0fffffffffffffff0",
            "InvalidInternetGatewayID.NotFound",
            c -> c.describeInternetGateways(r -> r.internetGatewayIds("igw-0a1b2c3d4e5f60001")).internetGateways()
                .get(0).tags()),
        new Kind("natgateway", "nat-0a1b2c3d4e5f60001", "nat-0fffffffffffffff0", "NatGatewayNotFound",
            c -> c.describeNatGateways(r -> r.natGatewayIds("nat-0a1b2c3d4e5f60001")).natGateways().get(0).tags()),
        new Kind("route-table", "rtb-0a1b2c3d4e5f60001", "rtb-0fffffffffffffff0", "InvalidRouteTableID.NotFound",
            c -> c.describeRouteTables(r -> r.routeTableIds("rtb-0a1b2c3d4e5f60001")).routeTables().get(0).tags()),
        new Kind("network-acl", "acl-0a1b2c3d4e5f60001", "acl-0fffffffffffffff0", "InvalidNetworkAclID.NotFound",
            c -> c.describeNetworkAcls(r -> r.networkAclIds("acl-0a1b2c3d4e5f60001")).networkAcls().get(0).tags()),
        new Kind("network-interface", "eni-0a1b2c3d4e5f60003", "eni-0fffffffffffffff0",
            "InvalidNetworkInterfaceID.NotFound",
            c -> c.describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-0a1b2c3d4e5f60003"))
                .networkInterfaces().get(0).tagSet()),
        new Kind("elastic-ip", "eipalloc-0a1b2c3d4e5f60002", "eipalloc-0fffffffffffffff0",
            "InvalidAllocationID.NotFound",
            c -> c.describeAddresses(r -> r.allocationIds("eipalloc-0a1b2c3d4e5f60002")).addresses().get(0).tags()),
        new Kind("vpc-endpoint", "vpce-0a1b2c3d4e5f60002", "vpce-0fffffffffffffff0",
            "InvalidVpcEndpointId.NotFound",
            c -> c.describeVpcEndpoints(r -> r.vpcEndpointIds("vpce-0a1b2c3d4e5f60002")).vpcEndpoints().get(0)
                .tags()),
        new Kind("vpc-peering-connection", "pcx-0a1b2c3d4e5f60001", "pcx-0fffffffffffffff0",
            "InvalidVpcPeeringConnectionID.NotFound",
            c -> c.describeVpcPeeringConnections(r -> r.vpcPeeringConnectionIds("pcx-0a1b2c3d4e5f60001"))
                .vpcPeeringConnections().get(0).tags()),
        new Kind("vpc-flow-log", "fl-0a1b2c3d4e5f60001", "fl-0fffffffffffffff0", "InvalidFlowLogId.NotFound",
            c -> c.describeFlowLogs(r -> r.flowLogIds("fl-0a1b2c3d4e5f60001")).flowLogs().get(0).tags()));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }

  private List<TagDescription> describeTags(String resourceId) {
    return ec2.describeTags(r -> r.filters(Filter.builder().name("resource-id").values(resourceId).build())).tags();
  }

  @Test
  void everyKindTheSimulatorTagsIsTested() {
    assertThat(kinds().map(Kind::resourceType))
        .containsExactlyInAnyOrderElementsOf(Ec2TagsApi.TAGGABLES.stream().map(Ec2TagsApi.Taggable::resourceType)
            .toList());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aTagWrittenIsInTheListingAndInDescribeTagsAndDeletingItRemovesIt(Kind kind) {
    List<Tag> before = kind.listedTags().apply(ec2);

    ec2.createTags(r -> r.resources(kind.id()).tags(tag("cost-center", "cc-42"), tag("Name", "renamed")));

    List<Tag> after = kind.listedTags().apply(ec2);
    assertThat(after).contains(tag("cost-center", "cc-42"), tag("Name", "renamed"));
    assertThat(after).hasSize(before.size() + (before.stream().anyMatch(t -> t.key().equals("Name")) ? 1 : 2));
    assertThat(describeTags(kind.id())).extracting(TagDescription::key, TagDescription::value,
            TagDescription::resourceTypeAsString)
        .contains(tuple("cost-center", "cc-42", kind.resourceType()), tuple("Name", "renamed", kind.resourceType()));

    ec2.deleteTags(r -> r.resources(kind.id()).tags(Tag.builder().key("cost-center").build()));

    assertThat(kind.listedTags().apply(ec2)).extracting(Tag::key).doesNotContain("cost-center").contains("Name");
    assertThat(describeTags(kind.id())).extracting(TagDescription::key).doesNotContain("cost-center");
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void anIdThatDoesNotExistIsTheKindsNotFoundError(Kind kind) {
    awsError(() -> ec2.createTags(r -> r.resources(kind.missingId()).tags(tag("a", "b"))), 400, kind.notFoundCode());
    awsError(() -> ec2.deleteTags(r -> r.resources(kind.missingId())), 400, kind.notFoundCode());
  }

  @Test
  void anInstanceIsTaggedInsideItsReservationAndItsNeighbourKeepsItsTags() {
    ec2.createTags(r -> r.resources("i-0a11c0e0000000003").tags(tag("team", "render")));

    List<Reservation> reservations = ec2.describeInstances().reservations();
    assertThat(reservations).extracting(Reservation::reservationId)
        .containsExactly("r-0a11c0e0000000001", "r-0a11c0e0000000002");
    List<Instance> shared = reservations.get(1).instances();
    assertThat(shared).extracting(Instance::instanceId).containsExactly("i-0a11c0e0000000002", "i-0a11c0e0000000003");
    assertThat(shared.get(1).tags()).containsExactly(tag("Name", "gpu-render"), tag("team", "render"));
    assertThat(shared.get(0).tags()).extracting(Tag::key)
        .containsExactly("Name", "env", "aws:ec2launchtemplate:id", "aws:ec2launchtemplate:version");
    // the filters of the listing see the new tag at once
    assertThat(ec2.describeInstances(r -> r.filters(Filter.builder().name("tag:team").values("render").build()))
        .reservations()).flatExtracting(Reservation::instances).extracting(Instance::instanceId)
        .containsExactly("i-0a11c0e0000000003");
  }

  @Test
  void oneCallTagsSeveralResourcesOfSeveralKinds() {
    ec2.createTags(r -> r.resources("vol-0a11c0e0000000001", "vpc-0a1b2c3d4e5f60001", "i-0a11c0e0000000001")
        .tags(tag("batch", "7")));
    assertThat(ec2.describeTags(r -> r.filters(Filter.builder().name("key").values("batch").build())).tags())
        .extracting(TagDescription::resourceId, TagDescription::resourceTypeAsString)
        .containsExactlyInAnyOrder(tuple("vol-0a11c0e0000000001", "volume"), tuple("vpc-0a1b2c3d4e5f60001", "vpc"),
            tuple("i-0a11c0e0000000001", "instance"));
  }

  @Test
  void aCallNamingOneUnknownResourceChangesNone() {
    awsError(() -> ec2.createTags(r -> r.resources("vol-0a11c0e0000000001", "vol-0fffffffffffffff0")
        .tags(tag("batch", "7"))), 400, "InvalidVolume.NotFound");
    awsError(() -> ec2.createTags(r -> r.resources("vol-0a11c0e0000000001", "not-an-id")
        .tags(tag("batch", "7"))), 400, "InvalidID");
    assertThat(describeTags("vol-0a11c0e0000000001")).extracting(TagDescription::key).doesNotContain("batch");
  }

  @Test
  void idsOfNoKnownFormAreInvalidId() {
    for (String id : List.of("not-an-id", "i-", "i-0A11!", "0a11c0e0000000001", "vol_0a11c0e0000000001")) {
      var e = awsError(() -> ec2.createTags(r -> r.resources(id).tags(tag("a", "b"))), 400, "InvalidID");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The ID '" + id + "' is not valid");
    }
  }

  @Test
  void tagsOfAnotherRegionAreNotFoundAndADisabledRegionIsRefused() {
    try (Ec2Client eu = demo.ec2(Region.EU_CENTRAL_1); Ec2Client africa = demo.ec2(Region.AF_SOUTH_1)) {
      awsError(() -> eu.createTags(r -> r.resources("vol-0a11c0e0000000001").tags(tag("a", "b"))), 400,
          "InvalidVolume.NotFound");
      eu.createTags(r -> r.resources("vol-0a11c0e0000000e01").tags(tag("a", "b")));
      assertThat(eu.describeTags().tags()).extracting(TagDescription::resourceId).contains("vol-0a11c0e0000000e01")
          .doesNotContain("vol-0a11c0e0000000001");
      assertThat(ec2.describeTags().tags()).extracting(TagDescription::resourceId)
          .doesNotContain("vol-0a11c0e0000000e01");
      awsError(() -> africa.createTags(r -> r.resources("vol-0a11c0e0000000001").tags(tag("a", "b"))), 401,
          "AuthFailure");
    }
  }

  @Test
  void keysAndValuesAreCheckedAsEc2ChecksThem() {
    String vol = "vol-0a11c0e0000000003";
    ec2.createTags(r -> r.resources(vol).tags(tag("k".repeat(128), "v".repeat(256)), tag("empty", null)));
    assertThat(describeTags(vol)).extracting(TagDescription::key, TagDescription::value)
        .contains(tuple("k".repeat(128), "v".repeat(256)), tuple("empty", ""));

    var longKey = awsError(() -> ec2.createTags(r -> r.resources(vol).tags(tag("k".repeat(129), "v"))), 400,
        "InvalidParameterValue");
    assertThat(longKey.awsErrorDetails().errorMessage()).isEqualTo("Tag key exceeds the maximum length of 128 characters");
    var longValue = awsError(() -> ec2.createTags(r -> r.resources(vol).tags(tag("k", "v".repeat(257)))), 400,
        "InvalidParameterValue");
    assertThat(longValue.awsErrorDetails().errorMessage())
        .isEqualTo("Tag value exceeds the maximum length of 256 characters");
    for (String reserved : List.of("aws:owner", "AWS:owner", "Aws:cloudformation:stack-name")) {
      var e = awsError(() -> ec2.createTags(r -> r.resources(vol).tags(tag(reserved, "x"))), 400,
          "InvalidParameterValue");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Value ( " + reserved
          + " ) for parameter key is invalid. Tag keys starting with 'aws:' are reserved for internal use");
      awsError(() -> ec2.deleteTags(r -> r.resources(vol).tags(tag(reserved, null))), 400, "InvalidParameterValue");
    }
    awsError(() -> ec2.createTags(r -> r.resources(vol).tags(tag("", "v"))), 400, "InvalidParameterValue");
    awsError(() -> ec2.createTags(r -> r.resources(vol)), 400, "MissingParameter");
    awsError(() -> ec2.createTags(r -> r.tags(tag("a", "b"))), 400, "MissingParameter");
    // a key with "aws" inside is an ordinary key
    ec2.createTags(r -> r.resources(vol).tags(tag("team:aws:owner", "x")));
  }

  @Test
  void aResourceHoldsFiftyUserTagsAndAwsTagsDoNotCount() {
    // vol-...01 has 2 tags: 48 more fill it
    String vol = "vol-0a11c0e0000000001";
    ec2.createTags(r -> r.resources(vol).tags(numbered("fill", 48)));
    assertThat(describeTags(vol)).hasSize(50);

    var full = awsError(() -> ec2.createTags(r -> r.resources(vol).tags(tag("one-more", "x"))), 400,
        "TagLimitExceeded");
    assertThat(full.awsErrorDetails().errorMessage()).isEqualTo("The maximum number of Tags for a resource has been reached.");
    // overwriting keys of a full resource adds nothing and passes
    ec2.createTags(r -> r.resources(vol).tags(tag("fill-1", "changed"), tag("Name", "renamed")));
    assertThat(describeTags(vol)).hasSize(50).extracting(TagDescription::key, TagDescription::value)
        .contains(tuple("fill-1", "changed"), tuple("Name", "renamed"));

    // i-...02 has 2 user tags and 2 of AWS's: 48 user tags fill it, the 4 and 48 are all kept
    String instance = "i-0a11c0e0000000002";
    ec2.createTags(r -> r.resources(instance).tags(numbered("fill", 48)));
    assertThat(describeTags(instance)).hasSize(52);
    awsError(() -> ec2.createTags(r -> r.resources(instance).tags(tag("one-more", "x"))), 400, "TagLimitExceeded");

    // the limit is checked for every resource of a call before any is tagged
    awsError(() -> ec2.createTags(r -> r.resources("vol-0a11c0e0000000002", vol).tags(tag("one-more", "x"))), 400,
        "TagLimitExceeded");
    assertThat(describeTags("vol-0a11c0e0000000002")).extracting(TagDescription::key).doesNotContain("one-more");
    // a call's tags alone may exceed the limit too
    awsError(() -> ec2.createTags(r -> r.resources("snap-0a11c0e0000000002").tags(numbered("many", 51))), 400,
        "TagLimitExceeded");
  }

  private static List<Tag> numbered(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> tag(prefix + "-" + i, "v" + i)).toList();
  }

  @Test
  void deleteTagsMatchesValuesAsEc2Does() {
    String vpc = "vpc-0a1b2c3d4e5f60001"; // Name=prod, env=production
    ec2.createTags(r -> r.resources(vpc).tags(tag("blank", ""), tag("owner", "ops")));

    ec2.deleteTags(r -> r.resources(vpc).tags(tag("env", "staging"), tag("owner", "")));
    assertThat(describeTags(vpc)).extracting(TagDescription::key).containsExactly("Name", "env", "blank", "owner");

    ec2.deleteTags(r -> r.resources(vpc).tags(tag("env", "production"), tag("blank", "")));
    assertThat(describeTags(vpc)).extracting(TagDescription::key).containsExactly("Name", "owner");

    ec2.deleteTags(r -> r.resources(vpc).tags(tag("owner", null), tag("never-there", null)));
    assertThat(describeTags(vpc)).extracting(TagDescription::key).containsExactly("Name");
  }

  @Test
  void deleteTagsWithoutTagsRemovesEveryUserTagButKeepsAwsTags() {
    ec2.deleteTags(r -> r.resources("i-0a11c0e0000000002"));
    assertThat(describeTags("i-0a11c0e0000000002")).extracting(TagDescription::key)
        .containsExactly("aws:ec2launchtemplate:id", "aws:ec2launchtemplate:version");
  }

  @Test
  void describeTagsFiltersAndPages() {
    List<TagDescription> all = ec2.describeTags().tags();
    assertThat(all).extracting(TagDescription::resourceTypeAsString)
        .contains("instance", "volume", "reserved-instances", "network-interface", "elastic-ip", "vpc-flow-log");
    assertThat(all).extracting(TagDescription::resourceId, TagDescription::key, TagDescription::value)
        .contains(tuple("i-0a11c0e0000000001", "Name", "web-1"), tuple("eni-0a1b2c3d4e5f60001", "Name", "prod-web-eth0"),
            tuple("0a11c0e0-0000-4000-8000-00000000r001", "Name", "web-1-reservation"));

    assertThat(ec2.describeTags(r -> r.filters(Filter.builder().name("resource-type").values("volume").build(),
            Filter.builder().name("key").values("env").build())).tags())
        .extracting(TagDescription::resourceId).containsExactly("vol-0a11c0e0000000001", "vol-0a11c0e0000000002");
    assertThat(ec2.describeTags(r -> r.filters(Filter.builder().name("value").values("prod-*", "web-?").build()))
        .tags()).extracting(TagDescription::value).isNotEmpty()
        .allSatisfy(v -> assertThat(v).matches("prod-.*|web-."));
    assertThat(ec2.describeTags(r -> r.filters(Filter.builder().name("resource-type").values("vpc-flow-log")
        .build())).tags()).extracting(TagDescription::resourceId).containsExactly("fl-0a1b2c3d4e5f60001");

    List<TagDescription> paged = new ArrayList<>();
    ec2.describeTagsPaginator(r -> r.maxResults(5)).forEach(p -> {
      assertThat(p.tags()).hasSizeLessThanOrEqualTo(5);
      paged.addAll(p.tags());
    });
    assertThat(paged).isEqualTo(all);

    awsError(() -> ec2.describeTags(r -> r.maxResults(4)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeTags(r -> r.maxResults(1001)), 400, "InvalidParameterValue");
    awsError(() -> ec2.describeTags(r -> r.filters(Filter.builder().name("colour").values("x").build())), 400,
        "InvalidParameterValue");
  }

  @Test
  void tagWritesAreCountedAndFaultsApplyToThem() {
    demo.sim().aws().counters().reset();
    FaultRule throttle = FaultRule.forService("ec2").operation("CreateTags").throttleRate(1.0);
    demo.sim().aws().faults().add(throttle);

    awsError(() -> ec2.createTags(r -> r.resources("vol-0a11c0e0000000001").tags(tag("a", "b"))), 503,
        "RequestLimitExceeded");
    assertThat(describeTags("vol-0a11c0e0000000001")).extracting(TagDescription::key).doesNotContain("a");
    ec2.deleteTags(r -> r.resources("vol-0a11c0e0000000001").tags(tag("env", null)));

    assertThat(demo.sim().aws().counters().get("ec2", "CreateTags").calls()).isEqualTo(1);
    assertThat(demo.sim().aws().counters().get("ec2", "CreateTags").throttled()).isEqualTo(1);
    assertThat(demo.sim().aws().counters().get("ec2", "DeleteTags").calls()).isEqualTo(1);
    assertThat(demo.sim().aws().counters().get("ec2", "DeleteTags").failed()).isZero();
    demo.sim().aws().faults().remove(throttle);
  }

  /**
   * Clients write tags of two instances of one reservation and of one volume at once while others
   * list: every write is in the final listing (no write undid another's) and every listing succeeds.
   */
  @Test
  void concurrentTagWritesWhileListingLoseNoUpdate() throws Exception {
    int writers = 4;
    int keysEach = 10;
    List<String> targets = List.of("i-0a11c0e0000000002", "i-0a11c0e0000000003", "vol-0a11c0e0000000003");
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean done = new AtomicBoolean();
    List<Future<Integer>> readers = new ArrayList<>();
    List<Future<?>> writing = new ArrayList<>();
    try {
      for (int r = 0; r < 2; r++) {
        readers.add(pool.submit(() -> {
          start.await();
          int listings = 0;
          while (!done.get()) {
            assertThat(ec2.describeInstances().reservations()).hasSize(2);
            assertThat(ec2.describeVolumes().volumes()).hasSize(4);
            ec2.describeTags();
            listings++;
          }
          return listings;
        }));
      }
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writing.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < keysEach; k++) {
            String key = "w" + writer + "-" + k;
            ec2.createTags(r -> r.resources(targets).tags(tag(key, "x"), tag("scratch-" + writer, "y")));
            ec2.deleteTags(r -> r.resources(targets).tags(tag("scratch-" + writer, null)));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : writing) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      done.set(true);
      for (Future<Integer> f : readers) {
        assertThat(f.get(120, TimeUnit.SECONDS)).isPositive();
      }
      pool.shutdownNow();
    }
    Set<String> expected = new java.util.HashSet<>();
    for (int w = 0; w < writers; w++) {
      for (int k = 0; k < keysEach; k++) {
        expected.add("w" + w + "-" + k);
      }
    }
    for (String id : targets) {
      assertThat(describeTags(id)).extracting(TagDescription::key).filteredOn(k -> k.startsWith("w"))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(describeTags(id)).extracting(TagDescription::key).noneMatch(k -> k.startsWith("scratch-"));
    }
  }
}
