package io.resoto.worker.aws.kinds.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsSnsEndpointKindTest extends KindTestHarness {

  private static final String E1 =
      "arn:aws:sns:us-east-1:111111111111:endpoint/APNS/demo-shop-ios/0a11c0e0-0000-4000-8000-0000000005e1";

  @Test
  void endpointsAreMappedUnderTheirApplication() throws Exception {
    AwsSnsEndpointKind kind = new AwsSnsEndpointKind();
    Graph g = collect(kind, new AwsSnsPlatformApplicationKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsSnsEndpointKind.KIND)).hasSize(2);
    Node e1 = node(g, AwsSnsEndpointKind.KIND, E1);
    assertThat(e1.name()).isEqualTo(E1);
    assertThat(e1.properties()).containsEntry("arn", E1).containsEntry("endpoint_enabled", true)
        .containsEntry("endpoint_token", "740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad");
    assertThat(node(g, AwsSnsEndpointKind.KIND, E1.replace("05e1", "05e2")).properties())
        .containsEntry("endpoint_enabled", false);
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_sns_platform_application:"
        + AwsSnsPlatformApplicationKindTest.IOS + " -> aws_sns_endpoint:" + E1);
  }

  @Test
  void moreEndpointsThanOnePageAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(SnsEstates.many(101, 2))) {
      Graph g = collect(big, new AwsSnsEndpointKind(), new AwsSnsPlatformApplicationKind());
      assertThat(nodes(g, AwsSnsEndpointKind.KIND)).hasSize(101);
      assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_sns_platform_application:")).hasSize(101);
    }
  }
}
