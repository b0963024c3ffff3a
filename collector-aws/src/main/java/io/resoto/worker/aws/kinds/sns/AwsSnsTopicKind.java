package io.resoto.worker.aws.kinds.sns;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Tag;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * {@code aws_sns_topic}: SNS topics (ListTopics, then GetTopicAttributes and ListTagsForResource
 * per topic). id and ARN = the topic ARN; name = the display name, as in the original, or the
 * topic's name when it has no display name (the original then reports an empty name). A topic
 * encrypted with a customer key points to it (an alias such as {@code alias/aws/sns} names no key
 * node); the topic points to its subscriptions (made by {@code aws_sns_subscription}).
 *
 * <p>The key also points to the topic over a delete edge, as in the original. Not done yet: its
 * AWS/SNS usage metrics.
 */
public final class AwsSnsTopicKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_sns_topic";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("queue", "misc")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND, "aws_sns_subscription")
      .predecessors(EdgeType.DELETE, AwsKmsKeyKind.KIND)
      .property("topic_subscriptions_confirmed", "int64", "The number of confirmed subscriptions.")
      .property("topic_subscriptions_deleted", "int64", "The number of subscriptions deleted recently.")
      .property("topic_subscriptions_pending", "int64", "The number of subscriptions waiting for confirmation.")
      .property("topic_policy", "dictionary[string, any]", "The topic's access policy (who may publish, subscribe, ...).")
      .property("topic_delivery_policy", "string", "The topic's own HTTP/S delivery retry policy, as JSON.")
      .property("topic_effective_delivery_policy", "string",
          "The delivery policy in effect, the defaults included, as JSON.")
      .property("topic_owner", "string", "The account that owns the topic.")
      .property("topic_kms_master_key_id", "string", "The KMS key (id, ARN or alias) that encrypts the topic, if any.")
      .property("topic_fifo_topic", "boolean", "Whether the topic is a FIFO topic.")
      .property("topic_content_based_deduplication", "boolean",
          "Whether a FIFO topic deduplicates messages by a hash of their body.")
      .build();

  /** Declares the kind. */
  public AwsSnsTopicKind() {
    super(KIND, Scope.REGIONAL, "sns", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("sns:ListTopics", "sns:GetTopicAttributes", "sns:ListTagsForResource");
  }

  /** Tags through sns:TagResource and sns:UntagResource with the topic ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("sns:TagResource"),
        (ctx, key, value) -> ctx.client(SnsClient.builder())
            .tagResource(r -> r.resourceArn(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
        List.of("sns:UntagResource"),
        (ctx, key) -> ctx.client(SnsClient.builder()).untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    SnsClient sns = ctx.client(SnsClient.builder());
    for (Topic t : sns.listTopicsPaginator(b -> b.build()).topics()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Map<String, String> attributes = sns.getTopicAttributes(b -> b.topicArn(t.topicArn())).attributes();
        Map<String, String> tags = new LinkedHashMap<>();
        sns.listTagsForResource(b -> b.resourceArn(t.topicArn())).tags().forEach(x -> tags.put(x.key(), x.value()));
        Node node = ctx.add(node(ctx, t.topicArn(), attributes, tags));
        ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(attributes.get("KmsMasterKeyId")), EdgeType.DEFAULT);
        ctx.edgeFrom(AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(attributes.get("KmsMasterKeyId")), node, EdgeType.DELETE);
      });
    }
  }

  /** Maps a topic from its attributes. */
  static Node node(KindContext ctx, String arn, Map<String, String> a, Map<String, String> tags) {
    String display = a.get("DisplayName");
    String name = display == null || display.isEmpty() ? arn.substring(arn.lastIndexOf(':') + 1) : display;
    Node.Builder b = ctx.node(KIND, arn).name(name).tags(tags);
    ApiValues.put(b, "topic_subscriptions_confirmed", ApiValues.number(a.get("SubscriptionsConfirmed")));
    ApiValues.put(b, "topic_subscriptions_deleted", ApiValues.number(a.get("SubscriptionsDeleted")));
    ApiValues.put(b, "topic_subscriptions_pending", ApiValues.number(a.get("SubscriptionsPending")));
    ApiValues.put(b, "topic_policy", ApiValues.json(a.get("Policy")));
    ApiValues.put(b, "topic_delivery_policy", a.get("DeliveryPolicy"));
    ApiValues.put(b, "topic_effective_delivery_policy", a.get("EffectiveDeliveryPolicy"));
    ApiValues.put(b, "topic_owner", a.get("Owner"));
    ApiValues.put(b, "topic_kms_master_key_id", a.get("KmsMasterKeyId"));
    ApiValues.put(b, "topic_fifo_topic", ApiValues.bool(a.get("FifoTopic")));
    ApiValues.put(b, "topic_content_based_deduplication", ApiValues.bool(a.get("ContentBasedDeduplication")));
    return KindContext.arn(b, arn).build();
  }
}
