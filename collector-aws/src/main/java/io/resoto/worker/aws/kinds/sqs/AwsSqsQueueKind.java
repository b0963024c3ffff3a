package io.resoto.worker.aws.kinds.sqs;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code aws_sqs_queue}: SQS queues (ListQueues, then GetQueueAttributes with {@code All} and
 * ListQueueTags per queue). id and name are the queue name, ctime and mtime the created and
 * last-modified timestamps (epoch seconds), the ARN the {@code QueueArn} attribute. A queue
 * encrypted with a KMS key points to that key.
 *
 * <p>Usage metrics (the original's AWS/SQS queries) are not collected yet.
 */
public final class AwsSqsQueueKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_sqs_queue";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("queue", KindModel.AWS_RESOURCE)
      .display("queue", "misc")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("sqs_queue_url", "string", "The URL of the queue, which SQS's calls take.")
      .property("sqs_approximate_number_of_messages", "int64", "The approximate number of messages available for retrieval.")
      .property("sqs_approximate_number_of_messages_not_visible", "int64",
          "The approximate number of messages in flight: received but not yet deleted or expired.")
      .property("sqs_approximate_number_of_messages_delayed", "int64",
          "The approximate number of messages delayed and not yet available.")
      .property("sqs_policy", "string", "The queue's access policy, a JSON document.")
      .property("sqs_redrive_policy", "string", "The dead-letter queue settings (target ARN, max receive count), as JSON.")
      .property("sqs_redrive_allow_policy", "string", "Which source queues may use this queue as dead-letter queue, as JSON.")
      .property("sqs_fifo_queue", "boolean", "Whether the queue is a FIFO queue.")
      .property("sqs_content_based_deduplication", "boolean", "Whether a FIFO queue deduplicates by message body hash.")
      .property("sqs_deduplication_scope", "string", "Where a FIFO queue deduplicates: messageGroup or queue.")
      .property("sqs_fifo_throughput_limit", "string", "The FIFO throughput quota scope: perQueue or perMessageGroupId.")
      .property("sqs_kms_master_key_id", "string", "The KMS key (id, ARN or alias) that encrypts the queue, if any.")
      .property("sqs_kms_data_key_reuse_period_seconds", "int64",
          "How long SQS reuses a data key before calling KMS again, in seconds.")
      .property("sqs_managed_sse_enabled", "boolean", "Whether the queue is encrypted with SQS-owned keys (SSE-SQS).")
      .property("sqs_visibility_timeout", "int64", "How long a received message stays hidden from other consumers, in seconds.")
      .property("sqs_maximum_message_size", "int64", "The largest message the queue accepts, in bytes.")
      .property("sqs_message_retention_period", "int64", "How long the queue keeps a message, in seconds.")
      .property("sqs_receive_message_wait_time_seconds", "int64", "The long-polling wait time of ReceiveMessage, in seconds.")
      .property("sqs_delay_seconds", "int64", "The delay before a new message becomes visible, in seconds.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsSqsQueueKind() {
    this(1000);
  }

  /** The kind listing queues in pages of this size (1..1000; tests page small estates with it). */
  AwsSqsQueueKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "sqs", MODEL);
    this.pageSize = pageSize;
  }

  /** Tags through sqs:TagQueue and sqs:UntagQueue with the queue URL. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("sqs:TagQueue"),
        (ctx, key, value) -> ctx.client(SqsClient.builder())
            .tagQueue(r -> r.queueUrl(ctx.required("sqs_queue_url")).tags(Map.of(key, value))),
        List.of("sqs:UntagQueue"),
        (ctx, key) -> ctx.client(SqsClient.builder())
            .untagQueue(r -> r.queueUrl(ctx.required("sqs_queue_url")).tagKeys(key))));
  }

  @Override
  public List<String> apiCalls() {
    return List.of("sqs:GetQueueAttributes", "sqs:ListQueueTags", "sqs:ListQueues");
  }

  @Override
  public void collect(KindContext ctx) {
    SqsClient sqs = ctx.client(SqsClient.builder());
    // without MaxResults SQS answers at most 1000 URLs and no token: always ask for pages
    for (String url : sqs.listQueuesPaginator(b -> b.maxResults(pageSize)).queueUrls()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Map<QueueAttributeName, String> attributes =
            sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
        Map<String, String> tags = sqs.listQueueTags(b -> b.queueUrl(url)).tags();
        Node node = ctx.add(node(ctx, url, attributes, tags));
        ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(attributes.get(QueueAttributeName.KMS_MASTER_KEY_ID)),
            EdgeType.DEFAULT);
      });
    }
  }

  /** Maps a queue: id and name = the queue name (the URL's last part). */
  static Node node(KindContext ctx, String url, Map<QueueAttributeName, String> a, Map<String, String> tags) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    Node.Builder b = ctx.node(KIND, name).name(name).tags(tags)
        .ctime(epochSeconds(a.get(QueueAttributeName.CREATED_TIMESTAMP)))
        .mtime(epochSeconds(a.get(QueueAttributeName.LAST_MODIFIED_TIMESTAMP)))
        .property("sqs_queue_url", url);
    put(b, "sqs_approximate_number_of_messages", number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)));
    put(b, "sqs_approximate_number_of_messages_not_visible",
        number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)));
    put(b, "sqs_approximate_number_of_messages_delayed",
        number(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)));
    put(b, "sqs_policy", a.get(QueueAttributeName.POLICY));
    put(b, "sqs_redrive_policy", a.get(QueueAttributeName.REDRIVE_POLICY));
    put(b, "sqs_redrive_allow_policy", a.get(QueueAttributeName.REDRIVE_ALLOW_POLICY));
    put(b, "sqs_fifo_queue", bool(a.get(QueueAttributeName.FIFO_QUEUE)));
    put(b, "sqs_content_based_deduplication", bool(a.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION)));
    put(b, "sqs_deduplication_scope", a.get(QueueAttributeName.DEDUPLICATION_SCOPE));
    put(b, "sqs_fifo_throughput_limit", a.get(QueueAttributeName.FIFO_THROUGHPUT_LIMIT));
    put(b, "sqs_kms_master_key_id", a.get(QueueAttributeName.KMS_MASTER_KEY_ID));
    put(b, "sqs_kms_data_key_reuse_period_seconds",
        number(a.get(QueueAttributeName.KMS_DATA_KEY_REUSE_PERIOD_SECONDS)));
    put(b, "sqs_managed_sse_enabled", bool(a.get(QueueAttributeName.SQS_MANAGED_SSE_ENABLED)));
    put(b, "sqs_visibility_timeout", number(a.get(QueueAttributeName.VISIBILITY_TIMEOUT)));
    put(b, "sqs_maximum_message_size", number(a.get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE)));
    put(b, "sqs_message_retention_period", number(a.get(QueueAttributeName.MESSAGE_RETENTION_PERIOD)));
    put(b, "sqs_receive_message_wait_time_seconds", number(a.get(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS)));
    put(b, "sqs_delay_seconds", number(a.get(QueueAttributeName.DELAY_SECONDS)));
    return KindContext.arn(b, a.get(QueueAttributeName.QUEUE_ARN)).build();
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }

  private static Long number(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean bool(String text) {
    return text == null ? null : Boolean.valueOf(text);
  }

  private static Instant epochSeconds(String text) {
    Long seconds = number(text);
    return seconds == null ? null : Instant.ofEpochSecond(seconds);
  }
}
