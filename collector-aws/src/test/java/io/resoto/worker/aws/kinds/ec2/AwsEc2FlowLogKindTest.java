package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2FlowLogKindTest extends Ec2NetworkTestBase {

  @Test
  void flowLogsHangUnderTheirVpc() {
    assertCleanRun();
    Node fl = node("aws_ec2_flow_log", "fl-0a1b2c3d4e5f60001");
    assertThat(fl.name()).isEqualTo("prod-vpc-flows");
    assertThat(fl.tags()).isEqualTo(Map.of("Name", "prod-vpc-flows"));
    assertThat(fl.ctime()).isEqualTo(java.time.Instant.parse("2024-02-03T12:00:00Z"));
    assertThat(fl.properties().get("arn")).isEqualTo(arn("us-east-1", "flow-log", "fl-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2FlowLogKind(), fl);
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_flow_log", "fl-0a1b2c3d4e5f60001",
        EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_flow_log", "fl-0a1b2c3d4e5f60001",
        EdgeType.DELETE)).isTrue();
  }

  @Test
  void theS3DestinationNamesTheBucket() {
    assertThat(AwsEc2FlowLogKind.bucket(software.amazon.awssdk.services.ec2.model.FlowLog.builder()
        .logDestinationType("s3").logDestination("arn:aws:s3:::demo-flow-logs-111111111111/prod/").build()))
        .isEqualTo("demo-flow-logs-111111111111");
    assertThat(AwsEc2FlowLogKind.bucket(software.amazon.awssdk.services.ec2.model.FlowLog.builder()
        .logDestinationType("cloud-watch-logs").logDestination("arn:aws:logs:us-east-1:1:log-group:x").build()))
        .isNull();
  }
}
