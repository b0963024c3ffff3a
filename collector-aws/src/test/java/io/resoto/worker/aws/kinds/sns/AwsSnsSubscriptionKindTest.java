package io.resoto.worker.aws.kinds.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsSnsSubscriptionKindTest extends KindTestHarness {

  private static final String SQS_SUB = "arn:aws:sns:us-east-1:111111111111:orders-events:0a11c0e0-0000-4000-8000-0000000005b1";

  @Test
  void subscriptionsAreMappedAndPendingOnesSkipped() throws Exception {
    AwsSnsSubscriptionKind kind = new AwsSnsSubscriptionKind();
    Graph g = collect(kind, new AwsSnsTopicKind());

    assertEveryPropertyFilled(g, kind);
    // the email subscription waiting for confirmation has no ARN to describe
    assertThat(nodes(g, AwsSnsSubscriptionKind.KIND)).hasSize(3).extracting(Node::resourceId)
        .allMatch(id -> id.startsWith("arn:aws:sns:us-east-1:111111111111:"));
    Node sqs = node(g, AwsSnsSubscriptionKind.KIND, SQS_SUB);
    assertThat(sqs.name()).isEqualTo(SQS_SUB);
    assertThat(sqs.properties()).containsEntry("arn", SQS_SUB)
        .containsEntry("subscription_topic_arn", "arn:aws:sns:us-east-1:111111111111:orders-events")
        .containsEntry("subscription_raw_message_delivery", true)
        .containsEntry("subscription_pending_confirmation", false)
        .containsEntry("subscription_confirmation_was_authenticated", true)
        .containsEntry("subscription_filter_policy", "{\"event\":[\"order_placed\",\"order_cancelled\"]}")
        .doesNotContainKey("subscription_role_arn");
    assertThat(node(g, AwsSnsSubscriptionKind.KIND,
        "arn:aws:sns:us-east-1:111111111111:orders-events:0a11c0e0-0000-4000-8000-0000000005b2").properties())
        .containsEntry("subscription_role_arn", "arn:aws:iam::111111111111:role/worker-node");
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_sns_topic:Order events -> aws_sns_subscription:" + SQS_SUB,
        "aws_sns_topic:alerts.fifo -> aws_sns_subscription:"
            + "arn:aws:sns:us-east-1:111111111111:alerts.fifo:0a11c0e0-0000-4000-8000-0000000005b3");
  }

  @Test
  void theSubscriptionsRolePointsToItFoundByItsArn() throws Exception {
    Graph g = collect(new AwsSnsSubscriptionKind(), new io.resoto.worker.aws.kinds.iam.AwsIamRoleKind());
    List<String> fromRoles = edges(g, EdgeType.DEFAULT).stream()
        .filter(e -> e.startsWith("aws_iam_role:") && e.contains(" -> aws_sns_subscription:")).toList();
    assertThat(fromRoles).isNotEmpty().allMatch(e -> e.startsWith("aws_iam_role:worker-node -> "));
    assertThat(edges(g, EdgeType.DELETE).stream()
        .filter(e -> e.startsWith("aws_iam_role:") && e.contains(" -> aws_sns_subscription:")).toList())
        .isEqualTo(fromRoles);
  }

  @Test
  void moreSubscriptionsThanOnePageAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(SnsEstates.many(101, 1))) {
      Graph g = collect(big, new AwsSnsSubscriptionKind(), new AwsSnsTopicKind());
      assertThat(nodes(g, AwsSnsSubscriptionKind.KIND)).hasSize(101);
      assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_sns_topic:")).hasSize(101);
    }
  }
}
