package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
