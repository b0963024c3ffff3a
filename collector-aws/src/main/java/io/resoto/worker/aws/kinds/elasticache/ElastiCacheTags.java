package io.resoto.worker.aws.kinds.elasticache;

import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.Tag;

/**
 * What the ElastiCache kinds share: their tags come from ListTagsForResource by ARN, and change
 * through AddTagsToResource / RemoveTagsFromResource by ARN.
 */
final class ElastiCacheTags {

  static final Optional<TagSupport> BY_ARN = Optional.of(TagSupport.of(
      List.of("elasticache:AddTagsToResource"),
      (ctx, key, value) -> ctx.client(ElastiCacheClient.builder())
          .addTagsToResource(r -> r.resourceName(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
      List.of("elasticache:RemoveTagsFromResource"),
      (ctx, key) -> ctx.client(ElastiCacheClient.builder())
          .removeTagsFromResource(r -> r.resourceName(ctx.arn()).tagKeys(key))));

  private ElastiCacheTags() {}

  /** The tags of the resource with this ARN. */
  static Map<String, String> of(ElastiCacheClient client, String arn) {
    return SdkValues.tags(client.listTagsForResource(b -> b.resourceName(arn)).tagList(), Tag::key, Tag::value);
  }
}
