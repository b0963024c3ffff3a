package io.resoto.worker.aws.kinds.sns;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * {@code aws_sns_subscription}: SNS subscriptions (ListSubscriptions, then
 * GetSubscriptionAttributes per subscription). id, name and ARN = the subscription ARN, as in the
 * original. Its topic points to it.
 *
 * <p>A subscription waiting for confirmation is listed with the ARN {@code PendingConfirmation}
 * (or {@code Deleted}), which GetSubscriptionAttributes refuses; it is skipped without a call (the
 * original calls and swallows the error). A subscription deleted between the two calls
 * ({@code NotFound}) is skipped too.
 *
 * <p>The subscription's IAM role ({@code SubscriptionRoleArn}) points to it (default and delete
 * edges, as the original), found by its ARN.
 */
public final class AwsSnsSubscriptionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_sns_subscription";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("link", "misc")
      .property("subscription_confirmation_was_authenticated", "boolean",
          "Whether the subscription was confirmed by an authenticated call.")
      .property("subscription_delivery_policy", "string", "The subscription's own delivery retry policy, as JSON.")
      .property("subscription_effective_delivery_policy", "string",
          "The delivery policy in effect, the topic's and the defaults included, as JSON.")
      .property("subscription_filter_policy", "string", "Which messages the subscriber receives, as JSON.")
      .property("subscription_owner", "string", "The account that owns the subscription.")
      .property("subscription_pending_confirmation", "boolean", "Whether the subscription still waits for confirmation.")
      .property("subscription_raw_message_delivery", "boolean",
          "Whether messages are delivered as published, without the SNS envelope.")
      .property("subscription_redrive_policy", "string", "Where undeliverable messages go (an SQS dead-letter queue), as JSON.")
      .property("subscription_topic_arn", "string", "The ARN of the topic subscribed to.")
      .property("subscription_role_arn", "string", "The IAM role SNS assumes to deliver to a Firehose stream.")
      .build();

  /** Declares the kind. */
  public AwsSnsSubscriptionKind() {
    super(KIND, Scope.REGIONAL, "sns", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("sns:ListSubscriptions", "sns:GetSubscriptionAttributes");
  }

  @Override
  public void collect(KindContext ctx) {
    SnsClient sns = ctx.client(SnsClient.builder());
    for (Subscription s : sns.listSubscriptionsPaginator(b -> b.build()).subscriptions()) {
      if (ctx.isCancelled()) {
        return;
      }
      if (s.subscriptionArn() == null || !s.subscriptionArn().startsWith("arn:")) {
        continue;
      }
      ctx.submit(() -> {
        Map<String, String> attributes;
        try {
          attributes = sns.getSubscriptionAttributes(b -> b.subscriptionArn(s.subscriptionArn())).attributes();
        } catch (NotFoundException gone) {
          return;
        }
        Node node = ctx.add(node(ctx, s.subscriptionArn(), attributes));
        String topic = attributes.getOrDefault("TopicArn", s.topicArn());
        ctx.edgeFrom(AwsSnsTopicKind.KIND, topic, node, EdgeType.DEFAULT);
        String role = attributes.get("SubscriptionRoleArn");
        ctx.edgeFromArn(io.resoto.worker.aws.kinds.iam.AwsIamRoleKind.KIND, role, node, EdgeType.DEFAULT);
        ctx.edgeFromArn(io.resoto.worker.aws.kinds.iam.AwsIamRoleKind.KIND, role, node, EdgeType.DELETE);
      });
    }
  }

  /** Maps a subscription from its attributes. */
  static Node node(KindContext ctx, String arn, Map<String, String> a) {
    Node.Builder b = ctx.node(KIND, arn).name(arn);
    ApiValues.put(b, "subscription_confirmation_was_authenticated", ApiValues.bool(a.get("ConfirmationWasAuthenticated")));
    ApiValues.put(b, "subscription_delivery_policy", a.get("DeliveryPolicy"));
    ApiValues.put(b, "subscription_effective_delivery_policy", a.get("EffectiveDeliveryPolicy"));
    ApiValues.put(b, "subscription_filter_policy", a.get("FilterPolicy"));
    ApiValues.put(b, "subscription_owner", a.get("Owner"));
    ApiValues.put(b, "subscription_pending_confirmation", ApiValues.bool(a.get("PendingConfirmation")));
    ApiValues.put(b, "subscription_raw_message_delivery", ApiValues.bool(a.get("RawMessageDelivery")));
    ApiValues.put(b, "subscription_redrive_policy", a.get("RedrivePolicy"));
    ApiValues.put(b, "subscription_topic_arn", a.get("TopicArn"));
    ApiValues.put(b, "subscription_role_arn", a.get("SubscriptionRoleArn"));
    return KindContext.arn(b, arn).build();
  }
}
