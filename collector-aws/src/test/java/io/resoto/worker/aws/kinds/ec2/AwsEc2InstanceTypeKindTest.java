package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.GpuDeviceInfo;
import software.amazon.awssdk.services.ec2.model.GpuInfo;

class AwsEc2InstanceTypeKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2InstanceTypeKind(), "instance_type", "instance_cores", "instance_memory",
        "ondemand_cost");
  }

  @Test
  void onlyTypesInUsePerRegionWithTheirInstancesAndReservations() {
    assertThat(nodes(demo, AwsEc2InstanceTypeKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId())
        .containsExactlyInAnyOrder("us-east-1/m5.large", "us-east-1/t3.micro", "us-east-1/g4dn.xlarge",
            "eu-central-1/t3.micro");
    Node m5 = node(demo, AwsEc2InstanceTypeKind.KIND, "m5.large");
    assertThat(m5.name()).isEqualTo("m5.large");
    assertArn(m5, "arn:aws:ec2:us-east-1:111111111111:instance/m5.large");
    assertThat(m5.properties()).containsEntry("instance_cores", 2.0).containsEntry("instance_memory", 8.0);
    assertThat(successors(demo, m5, EdgeType.DEFAULT)).containsExactlyInAnyOrder(
        "aws_ec2_instance:i-0a11c0e0000000001", "aws_ec2_reserved_instances:0a11c0e0-0000-4000-8000-00000000r001");
  }

  @Test
  void theOriginalsTableFieldsFromThePriceListTheGpuInfoAndTheName() {
    Node m5 = node(demo, AwsEc2InstanceTypeKind.KIND, "m5.large");
    assertThat(m5.properties()).containsEntry("pretty_name", "M5 Large").containsEntry("ecu", 10.0)
        .containsEntry("physical_processor", "Intel Xeon Platinum 8175").containsEntry("gpu_model", null);
    Node g4dn = node(demo, AwsEc2InstanceTypeKind.KIND, "g4dn.xlarge");
    // the price list rates g4dn in vCPUs only (ecu NA)
    assertThat(g4dn.properties()).containsEntry("pretty_name", "G4DN Extra Large").containsEntry("ecu", null)
        .containsEntry("physical_processor", "Intel Xeon Family").containsEntry("gpu_model", "NVIDIA T4");
    // t3 is burstable: ecu Variable, in both regions
    assertThat(nodes(demo, AwsEc2InstanceTypeKind.KIND)).filteredOn(n -> n.resourceId().equals("t3.micro"))
        .hasSize(2).allSatisfy(n -> assertThat(n.properties()).containsEntry("pretty_name", "T3 Micro")
            .containsEntry("ecu", null).containsEntry("physical_processor", "Intel Skylake E5 2686 v5"));
  }

  @Test
  void withPricingDeniedTheNameAndGpuAreStillReported() throws Exception {
    sim.aws().faults().add(FaultRule.forService("pricing").accessDenied(true));
    try {
      AccountCollector.Result r = collect(sim, new AwsEc2InstanceTypeKind());

      List<Node> types = nodes(r.graph().graph(), AwsEc2InstanceTypeKind.KIND);
      assertThat(types).hasSize(4).allSatisfy(n -> assertThat(n.properties()).containsEntry("ondemand_cost", null)
          .containsEntry("ecu", null).containsEntry("physical_processor", null)
          .hasEntrySatisfying("pretty_name", v -> assertThat(v).isNotNull()));
      assertThat(node(r.graph().graph(), AwsEc2InstanceTypeKind.KIND, "g4dn.xlarge").properties())
          .containsEntry("gpu_model", "NVIDIA T4");
    } finally {
      sim.aws().faults().clear();
    }
  }

  @Test
  void prettyNamesSpellTheSizeInWords() {
    assertThat(List.of("t3.nano", "t3.micro", "t3.small", "t3.medium", "m5.large", "c5.xlarge", "m5.2xlarge",
        "c5.4xlarge", "r5.8xlarge", "m5.12xlarge", "m5.24xlarge", "m5.metal", "c7i.metal-24xl", "u-6tb1.112xlarge"))
        .map(AwsEc2InstanceTypeKind::prettyName)
        .containsExactly("T3 Nano", "T3 Micro", "T3 Small", "T3 Medium", "M5 Large", "C5 Extra Large",
            "M5 Double Extra Large", "C5 Quadruple Extra Large", "R5 Eight Extra Large", "M5 12xlarge",
            "M5 24xlarge", "M5 Metal", "C7I metal-24xl", "U-6TB1 112xlarge");
    assertThat(AwsEc2InstanceTypeKind.prettyName("m5")).isNull();
    assertThat(AwsEc2InstanceTypeKind.prettyName("m5.")).isNull();
    assertThat(AwsEc2InstanceTypeKind.prettyName(null)).isNull();
  }

  @Test
  void theGpuModelIsManufacturerAndNameOfEachDistinctModel() {
    GpuDeviceInfo t4 = GpuDeviceInfo.builder().manufacturer("NVIDIA").name("T4").count(1).build();
    GpuDeviceInfo radeon = GpuDeviceInfo.builder().manufacturer("AMD").name("Radeon Pro V520").count(1).build();
    GpuDeviceInfo unnamed = GpuDeviceInfo.builder().manufacturer("NVIDIA").count(1).build();
    assertThat(AwsEc2InstanceTypeKind.gpuModel(GpuInfo.builder().gpus(t4).build())).isEqualTo("NVIDIA T4");
    assertThat(AwsEc2InstanceTypeKind.gpuModel(GpuInfo.builder().gpus(t4, t4, radeon).build()))
        .isEqualTo("NVIDIA T4, AMD Radeon Pro V520");
    assertThat(AwsEc2InstanceTypeKind.gpuModel(GpuInfo.builder().gpus(unnamed).build())).isEqualTo("NVIDIA");
    assertThat(AwsEc2InstanceTypeKind.gpuModel(GpuInfo.builder().build())).isNull();
    assertThat(AwsEc2InstanceTypeKind.gpuModel(null)).isNull();
  }

  @Test
  void theLinuxSharedTenancyPriceOfTheRegion() {
    // the demo's price list also has a Windows and a Dedicated m5.large in us-east-1
    assertThat(nodes(demo, AwsEc2InstanceTypeKind.KIND)).extracting(n -> n.region() + "/" + n.resourceId() + "="
        + n.properties().get("ondemand_cost")).containsExactlyInAnyOrder("us-east-1/m5.large=0.096",
        "us-east-1/t3.micro=0.0104", "us-east-1/g4dn.xlarge=0.526", "eu-central-1/t3.micro=0.012");
  }

  @Test
  void eachTypeAndRegionIsPricedOncePerRunWhateverTheAccounts() throws Exception {
    sim.aws().counters().reset();
    AwsConfig c = TestSupport.config(sim, Map.of());
    try (AwsClientFactory f = new AwsClientFactory(c)) {
      AccountCollector run = new AccountCollector(c, f, TestSupport.resolver(),
          List.of(new AwsEc2InstanceTypeKind()), context);
      // the same account twice stands for two accounts in the same regions
      run.collect(TestSupport.managementAccount());
      AccountCollector.Result second = run.collect(TestSupport.managementAccount());

      assertThat(nodes(second.graph().graph(), AwsEc2InstanceTypeKind.KIND))
          .allSatisfy(n -> assertThat(n.properties().get("ondemand_cost")).isNotNull());
    }
    assertThat(sim.aws().counters().get("pricing", "GetProducts").calls()).isEqualTo(4);
  }
}
