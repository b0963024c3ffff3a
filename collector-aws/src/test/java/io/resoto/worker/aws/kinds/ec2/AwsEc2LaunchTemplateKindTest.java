package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2LaunchTemplateKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2LaunchTemplateKind());
  }

  @Test
  void idNameArnAndTheInstancesLaunchedFromIt() {
    Node t = node(demo, AwsEc2LaunchTemplateKind.KIND, "lt-0a11c0e0000000001");
    assertThat(t.name()).isEqualTo("batch-spot");
    assertThat(t.ctime()).isEqualTo(Instant.parse("2024-05-01T09:00:00Z"));
    assertThat(t.tags()).containsEntry("team", "data");
    assertArn(t, "arn:aws:ec2:us-east-1:111111111111:launch-template/lt-0a11c0e0000000001");
    assertThat(successors(demo, t, EdgeType.DEFAULT)).containsExactly("aws_ec2_instance:i-0a11c0e0000000002");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDefaultVersionNotTheLatestIsReported() {
    Node t = node(demo, AwsEc2LaunchTemplateKind.KIND, "lt-0a11c0e0000000001");
    assertThat(t.properties()).containsEntry("version_number", 2L).containsEntry("default_version", true)
        .containsEntry("version_description", "spot workers for the nightly batch")
        .containsEntry("created_by", "arn:aws:iam::111111111111:user/collector");
    Map<String, Object> data = (Map<String, Object>) t.properties().get("launch_template_data");
    assertThat(data).containsEntry("image_id", "ami-0a11c0e0000000001").containsEntry("instance_type", "t3.micro")
        .containsEntry("key_name", "demo-deploy").containsEntry("ebs_optimized", true);
    assertThat((Map<String, Object>) data.get("instance_market_options")).containsEntry("market_type", "spot");
    assertThat((List<Map<String, Object>>) data.get("network_interfaces")).singleElement()
        .satisfies(ni -> assertThat(ni).containsEntry("subnet_id", "subnet-0a11c0e0000000002"));
    assertThat((Map<String, Object>) data.get("metadata_options")).containsEntry("http_tokens", "required");

    Node web = node(demo, AwsEc2LaunchTemplateKind.KIND, "lt-0a11c0e0000000002");
    assertThat(web.properties()).containsEntry("version_number", 1L)
        .containsEntry("created_by", "arn:aws:iam::111111111111:user/alice");
    assertThat((Map<String, Object>) web.properties().get("launch_template_data"))
        .containsEntry("security_group_ids", List.of("sg-0a11c0e0000000001"));
  }

  @Test
  void withTheVersionsDeniedTheTemplatesAreStillReportedAndTheDenialIsAWarning() throws Exception {
    sim.aws().faults().add(FaultRule.forService("ec2").operation("DescribeLaunchTemplateVersions")
        .accessDenied(true));
    try {
      AccountCollector.Result r = collect(sim, new AwsEc2LaunchTemplateKind());

      assertThat(nodes(r.graph().graph(), AwsEc2LaunchTemplateKind.KIND)).hasSize(2)
          .allSatisfy(n -> assertThat(n.properties()).doesNotContainKey("launch_template_data")
              .containsKey("created_by"));
      assertThat(r.problems()).filteredOn(p -> p.kind() != null).singleElement().satisfies(p -> {
        assertThat(p.level()).isEqualTo(AccountCollector.Level.WARN);
        assertThat(p.region()).isEqualTo("us-east-1");
        assertThat(p.kind()).isEqualTo(AwsEc2LaunchTemplateKind.KIND);
      });
    } finally {
      sim.aws().faults().clear();
    }
  }
}
