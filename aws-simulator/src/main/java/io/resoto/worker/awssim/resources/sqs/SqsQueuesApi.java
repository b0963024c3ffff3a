package io.resoto.worker.awssim.resources.sqs;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/**
 * SQS queues (AWS JSON 1.0 in SDK 2.35.0, awsQueryCompatible): ListQueues, GetQueueAttributes,
 * ListQueueTags, TagQueue and UntagQueue, from the estate's {@code sqs.Queues} collection. A queue
 * is given in the shape of CreateQueue's input ({@link CreateQueueRequest}: {@code QueueName},
 * {@code Attributes}, {@code tags}), its {@code Attributes} including the ones AWS sets
 * ({@code QueueArn}, {@code CreatedTimestamp}, {@code ApproximateNumberOfMessages}, ...).
 *
 * <p>As in AWS: a queue's URL is {@code https://sqs.<region>.amazonaws.com/<account>/<name>};
 * ListQueues pages only when {@code MaxResults} (1..1000) is given, else answers up to 1000 URLs
 * without a token; {@code QueueNamePrefix} filters by name; an unknown queue is
 * {@code QueueDoesNotExist}; GetQueueAttributes answers the attributes asked for ({@code All}:
 * every one); a queue holds at most 50 tags ({@code InvalidParameterValue}).
 */
public final class SqsQueuesApi implements ResourceApi {

  private static final int MAX_RESULTS = 1000;
  private static final int MAX_TAGS = 50;
  private static final ItemKey<CreateQueueRequest> BY_NAME = ItemKey.of("QueueName", CreateQueueRequest::queueName);

  /** Registered in {@code ResourceApis.ALL}. */
  public SqsQueuesApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListQueuesRequest.class, (ctx, req) -> {
      String prefix = req.queueNamePrefix() == null ? "" : req.queueNamePrefix();
      List<String> urls = queues(store, ctx).stream().filter(q -> q.queueName().startsWith(prefix))
          .map(q -> url(ctx, q.queueName())).toList();
      if (req.maxResults() == null) {
        return ListQueuesResponse.builder().queueUrls(urls.subList(0, Math.min(MAX_RESULTS, urls.size()))).build();
      }
      Page<String> page;
      try {
        page = Page.of(urls, "sqs:ListQueues:" + ctx.caller().accountId() + ":" + ctx.region() + ":" + prefix,
            req.nextToken(), req.maxResults(), MAX_RESULTS, MAX_RESULTS);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidParameterValue", "Value for parameter MaxResults or NextToken is invalid.");
      }
      return ListQueuesResponse.builder().queueUrls(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetQueueAttributesRequest.class, (ctx, req) -> {
      CreateQueueRequest q = queue(store, ctx, req.queueUrl());
      boolean all = req.attributeNames().contains(QueueAttributeName.ALL);
      Map<QueueAttributeName, String> out = new LinkedHashMap<>();
      q.attributes().forEach((name, value) -> {
        if (all || req.attributeNames().contains(name)) {
          out.put(name, value);
        }
      });
      return GetQueueAttributesResponse.builder().attributes(out).build();
    });
    registry.on(ListQueueTagsRequest.class, (ctx, req) ->
        ListQueueTagsResponse.builder().tags(queue(store, ctx, req.queueUrl()).tags()).build());
    registry.on(TagQueueRequest.class, (ctx, req) -> {
      String name = queue(store, ctx, req.queueUrl()).queueName();
      for (String key : req.tags().keySet()) {
        if (!TagRules.isUserKey(key)) {
          throw AwsError.of(400, "InvalidParameterValue", "Tag key " + key + " is not valid.");
        }
      }
      req.tags().values().stream().filter(v -> v.length() > 256).findFirst().ifPresent(v -> {
        throw AwsError.of(400, "InvalidParameterValue", "A tag value is longer than 256 characters.");
      });
      store.updateRegional(ctx, "sqs", "Queues", CreateQueueRequest.class, BY_NAME, name, q -> {
        Map<String, String> tags = new HashMap<>(q.tags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "InvalidParameterValue", "Too many tags added for queue " + name + ".");
        }
        return q.toBuilder().tags(tags).build();
      });
      return TagQueueResponse.builder().build();
    });
    registry.on(UntagQueueRequest.class, (ctx, req) -> {
      String name = queue(store, ctx, req.queueUrl()).queueName();
      store.updateRegional(ctx, "sqs", "Queues", CreateQueueRequest.class, BY_NAME, name, q -> {
        Map<String, String> tags = new HashMap<>(q.tags());
        req.tagKeys().forEach(tags::remove);
        return q.toBuilder().tags(tags).build();
      });
      return UntagQueueResponse.builder().build();
    });
  }

  private static List<CreateQueueRequest> queues(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, "sqs", "Queues", CreateQueueRequest.class);
  }

  /** The queue a URL names: its path is /account/name, the account the caller's. */
  private static CreateQueueRequest queue(ResourceStore store, CallContext ctx, String queueUrl) {
    if (queueUrl == null || queueUrl.isEmpty()) {
      throw AwsError.of(400, "MissingParameter", "The request must contain the parameter QueueUrl.");
    }
    String[] path;
    try {
      path = URI.create(queueUrl).getPath().split("/");
    } catch (IllegalArgumentException e) {
      throw AwsError.of(400, "InvalidAddress", "The address " + queueUrl + " is not valid for this endpoint.");
    }
    CreateQueueRequest q = path.length == 3 && path[1].equals(ctx.caller().accountId())
        ? store.findRegional(ctx, "sqs", "Queues", CreateQueueRequest.class, BY_NAME, path[2]) : null;
    if (q == null) {
      throw AwsError.of(400, "QueueDoesNotExist", "The specified queue does not exist.");
    }
    return q;
  }

  /** The queue's URL as AWS hands it out. */
  static String url(CallContext ctx, String name) {
    return "https://sqs." + ctx.region() + ".amazonaws.com/" + ctx.caller().accountId() + "/" + name;
  }
}
