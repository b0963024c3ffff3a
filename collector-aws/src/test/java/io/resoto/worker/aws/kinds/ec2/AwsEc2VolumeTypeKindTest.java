package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsEc2VolumeTypeKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2VolumeTypeKind(), "volume_type", "ondemand_cost");
  }

  @Test
  void oneNodePerTypeInUsePerRegionPointingAtItsVolumes() {
    assertThat(nodes(demo, AwsEc2VolumeTypeKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId())
        .containsExactlyInAnyOrder("us-east-1/gp3", "us-east-1/io2", "us-east-1/gp2", "us-east-1/st1",
            "eu-central-1/gp3");
    Node io2 = node(demo, AwsEc2VolumeTypeKind.KIND, "io2");
    assertThat(io2.name()).isEqualTo("io2");
    assertArn(io2, "arn:aws:ec2:us-east-1:111111111111:volume/io2");
    assertThat(successors(demo, io2, EdgeType.DEFAULT)).containsExactly("aws_ec2_volume:vol-0a11c0e0000000002");
  }

  @Test
  void theStoragePriceOfTheRegionNotTheIopsPrice() {
    assertThat(nodes(demo, AwsEc2VolumeTypeKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId() + "="
        + n.properties().get("ondemand_cost")).containsExactlyInAnyOrder("us-east-1/gp3=0.08",
        "us-east-1/io2=0.125", "us-east-1/gp2=0.1", "us-east-1/st1=0.045", "eu-central-1/gp3=0.0952");
  }

  @Test
  void withPricingDeniedTheTypesHaveNoPriceAndEachRegionWarnsOnce() throws Exception {
    sim.aws().faults().add(FaultRule.forService("pricing").accessDenied(true));
    try {
      AccountCollector.Result r = collect(sim, new AwsEc2VolumeTypeKind());

      assertThat(nodes(r.graph().graph(), AwsEc2VolumeTypeKind.KIND)).hasSize(5)
          .allSatisfy(n -> assertThat(n.properties().get("ondemand_cost")).isNull());
      assertThat(r.problems()).filteredOn(p -> p.kind() != null)
          .extracting(p -> p.level() + " " + p.region() + " " + p.kind())
          .containsExactlyInAnyOrder("WARN us-east-1 aws_ec2_volume_type", "WARN eu-central-1 aws_ec2_volume_type");
      assertThat(sim.aws().counters().get("pricing", "GetProducts").calls()).isGreaterThanOrEqualTo(2);
    } finally {
      sim.aws().faults().clear();
    }
  }
}
