package io.resoto.worker.aws.kinds.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2KeypairKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SnapshotKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

class AwsRegionKindTest {

  private static Node thing(String kind, String id) {
    return Node.builder(kind, id).build();
  }

  @Test
  void theGlobalRegionAndTheRealRegionWithTheSameIdAreTwoNodes() {
    Node global = AwsRegionKind.node("111111111111", "us-east-1", "global");
    Node real = AwsRegionKind.node("111111111111", "us-east-1", "us-east-1");

    assertThat(global.resourceId()).isEqualTo(real.resourceId()).isEqualTo("us-east-1");
    assertThat(global.id()).isNotEqualTo(real.id());
    assertThat(global.name()).isEqualTo("global");
    assertThat(global.idKeyExtra()).containsExactly("global");
    assertThat(real.keyParts()).containsExactly("aws_region", "aws", "111111111111", "us-east-1", "undefined",
        "us-east-1", "us-east-1");
    assertThat(real.ctime()).isEqualTo(Instant.parse("2006-03-19T00:00:00Z"));
  }

  @Test
  void regionIdsAreStable() {
    assertThat(AwsRegionKind.node("1", "eu-central-1", "eu-central-1").id())
        .isEqualTo(AwsRegionKind.node("1", "eu-central-1", "eu-central-1").id());
  }

  @Test
  void regionsCarryTheirNameAndPlaceFromTheTable() {
    Node frankfurt = AwsRegionKind.node("1", "eu-central-1", "eu-central-1");
    assertThat(frankfurt.properties()).containsEntry("long_name", "Europe (Frankfurt)")
        .containsEntry("latitude", 50.11).containsEntry("longitude", 8.68);
    assertThat(AwsRegionKind.node("1", "us-east-1", "global").properties())
        .containsEntry("long_name", "US East (N. Virginia)");
    // a region newer than the table is still a region, without a name or place
    assertThat(AwsRegionKind.node("1", "xx-new-1", "xx-new-1").properties())
        .doesNotContainKeys("long_name", "latitude", "longitude");
    assertThat(RegionTable.region("eu-central-1")).get().extracting(RegionTable.Region::pricingLocation)
        .isEqualTo("EU (Frankfurt)");
  }

  @Test
  void theTableHasEveryRegionOfTheSdksThreePartitionsWithTheirNames() {
    Set<String> partitions = Set.of("aws", "aws-cn", "aws-us-gov");
    for (Region r : Region.regions()) {
      RegionMetadata m = r.metadata();
      if (m == null || !partitions.contains(m.partition().id()) || r.id().endsWith("-global")) {
        continue;
      }
      assertThat(RegionTable.region(r.id())).as("region %s", r.id()).get()
          .extracting(t -> Normalizer.normalize(t.longName(), Normalizer.Form.NFD).replaceAll("\\p{M}", ""))
          .isEqualTo(m.description());
    }
    assertThat(RegionTable.all().values()).allSatisfy(t -> {
      assertThat(t.latitude()).isBetween(-90.0, 90.0);
      assertThat(t.longitude()).isBetween(-180.0, 180.0);
      assertThat(t.pricingLocation()).isNotBlank();
    });
  }

  @Test
  void aRegionIsInUseWithMoreThanThreeResourcesThatCount() {
    Node defaultVpc = Node.builder("aws_vpc", "vpc-d").property("vpc_is_default", true).build();
    List<Node> setUp = List.of(defaultVpc, thing("aws_ec2_subnet", "s"), thing("aws_ec2_security_group", "g"),
        thing("aws_ec2_route_table", "t"), thing("aws_ec2_network_acl", "a"), thing("aws_ec2_internet_gateway", "i"),
        thing("aws_ec2_instance_type", "m5.large"), thing("aws_ec2_volume_type", "gp3"));
    List<Node> three = List.of(thing("aws_ec2_instance", "i-1"), thing("aws_ec2_volume", "v-1"),
        Node.builder("aws_vpc", "vpc-1").property("vpc_is_default", false).build());

    assertThat(AwsRegionKind.inUse(setUp)).isFalse();
    assertThat(AwsRegionKind.inUse(concat(setUp, three))).isFalse();
    assertThat(AwsRegionKind.inUse(concat(three, List.of(thing("aws_ec2_snapshot", "snap-1"))))).isTrue();
  }

  @Test
  void theEngineSetsRegionInUseFromTheCollectedGraph() throws Exception {
    Graph g;
    try (Simulation sim = Simulation.start(Estate.demo())) {
      AwsConfig c = TestSupport.config(sim, Map.of());
      try (AwsClientFactory f = new AwsClientFactory(c)) {
        g = new AccountCollector(c, f, TestSupport.resolver(), List.of(new AwsEc2InstanceKind(),
            new AwsEc2VolumeKind(), new AwsEc2SnapshotKind(), new AwsEc2KeypairKind(), new AwsVpcKind(),
            new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind()), new TestSupport.RecordingContext())
            .collect(TestSupport.managementAccount()).graph().graph();
      }
    }
    assertThat(g.nodes()).filteredOn(n -> n.kind().equals(AwsRegionKind.KIND))
        .extracting(n -> n.name() + "=" + n.properties().get("region_in_use"))
        .containsExactlyInAnyOrder("global=false", "us-east-1=true", "eu-central-1=true", "us-west-2=false");
    assertThat(g.validate()).isEmpty();
  }

  private static List<Node> concat(List<Node> a, List<Node> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
