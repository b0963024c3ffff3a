package io.resoto.worker.aws.kinds.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import org.junit.jupiter.api.Test;

class AwsSnsPlatformApplicationKindTest extends KindTestHarness {

  static final String IOS = "arn:aws:sns:us-east-1:111111111111:app/APNS/demo-shop-ios";

  @Test
  void applicationsAreMappedAndPointToTheirEventTopics() throws Exception {
    AwsSnsPlatformApplicationKind kind = new AwsSnsPlatformApplicationKind();
    Graph g = collect(kind, new AwsSnsTopicKind(), new AwsSnsEndpointKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsSnsPlatformApplicationKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder(IOS, "arn:aws:sns:us-east-1:111111111111:app/GCM/demo-shop-android");
    Node ios = node(g, AwsSnsPlatformApplicationKind.KIND, IOS);
    assertThat(ios.name()).isEqualTo(IOS);
    assertThat(ios.properties()).containsEntry("arn", IOS)
        .containsEntry("application_apple_platform_team_id", "A1B2C3D4E5")
        .containsEntry("application_apple_platform_bundle_id", "example.demo.shop")
        .containsEntry("application_apple_certificate_expiry_date", "2026-03-01T00:00:00Z")
        .containsEntry("application_event_endpoint_created", "arn:aws:sns:us-east-1:111111111111:mobile-push-events")
        .containsEntry("application_event_endpoint_failure", "arn:aws:sns:us-east-1:111111111111:alerts.fifo");
    // one edge per topic, three events go to the same one; then the two endpoints
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_sns_platform_application:" + IOS))
        .containsExactlyInAnyOrder(
            "aws_sns_platform_application:" + IOS + " -> aws_sns_topic:Push app events",
            "aws_sns_platform_application:" + IOS + " -> aws_sns_topic:alerts.fifo",
            "aws_sns_platform_application:" + IOS + " -> aws_sns_endpoint:"
                + "arn:aws:sns:us-east-1:111111111111:endpoint/APNS/demo-shop-ios/0a11c0e0-0000-4000-8000-0000000005e1",
            "aws_sns_platform_application:" + IOS + " -> aws_sns_endpoint:"
                + "arn:aws:sns:us-east-1:111111111111:endpoint/APNS/demo-shop-ios/0a11c0e0-0000-4000-8000-0000000005e2");
  }

  @Test
  void moreApplicationsThanOnePageAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(SnsEstates.many(1, 16))) {
      Graph g = collect(big, new AwsSnsPlatformApplicationKind());
      assertThat(nodes(g, AwsSnsPlatformApplicationKind.KIND)).hasSize(16);
    }
  }
}
