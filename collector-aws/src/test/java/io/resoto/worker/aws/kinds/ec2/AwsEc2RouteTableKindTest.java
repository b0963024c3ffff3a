package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsEc2RouteTableKindTest extends Ec2NetworkTestBase {

  @Test
  void routeTablesHangUnderTheirVpc() {
    assertCleanRun();
    Node rt = node("aws_ec2_route_table", "rtb-0a1b2c3d4e5f60001");
    assertThat(rt.name()).isEqualTo("prod-routes");
    assertThat(rt.tags()).isEqualTo(Map.of("Name", "prod-routes"));
    assertThat(rt.properties().get("arn")).isEqualTo(arn("us-east-1", "route-table", "rtb-0a1b2c3d4e5f60001"));
    assertAllPropertiesFilled(new AwsEc2RouteTableKind(), rt);
    assertThat(rt.properties().get("route_table_associations").toString()).contains("subnet-0a1b2c3d4e5f60101",
        "subnet-0a1b2c3d4e5f60102");
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_route_table", "rtb-0a1b2c3d4e5f60001",
        EdgeType.DEFAULT)).isTrue();
    assertThat(edge("aws_vpc", "vpc-0a1b2c3d4e5f60001", "aws_ec2_route_table", "rtb-0a1b2c3d4e5f60001",
        EdgeType.DELETE)).isTrue();
    // the gateway endpoint for S3 is reached through this route table
    assertThat(edge("aws_ec2_route_table", "rtb-0a1b2c3d4e5f60001", "aws_vpc_endpoint", "vpce-0a1b2c3d4e5f60002",
        EdgeType.DEFAULT)).isTrue();
    assertThat(node("aws_ec2_route_table", "rtb-0b1c2d3e4f5a60001").name()).isEqualTo("rtb-0b1c2d3e4f5a60001");
  }
}
