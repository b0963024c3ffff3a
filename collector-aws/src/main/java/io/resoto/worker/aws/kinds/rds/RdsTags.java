package io.resoto.worker.aws.kinds.rds;

import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkMaps;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Tag;

/** Tags of RDS resources: listed in each item's TagList, written by ARN. */
final class RdsTags {

  /** Tags through rds:AddTagsToResource and rds:RemoveTagsFromResource with the resource's ARN. */
  static final Optional<TagSupport> BY_ARN = Optional.of(TagSupport.of(
      List.of("rds:AddTagsToResource"),
      (ctx, key, value) -> ctx.client(RdsClient.builder())
          .addTagsToResource(r -> r.resourceName(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
      List.of("rds:RemoveTagsFromResource"),
      (ctx, key) -> ctx.client(RdsClient.builder())
          .removeTagsFromResource(r -> r.resourceName(ctx.arn()).tagKeys(key))));

  private RdsTags() {}

  /** A TagList as a map. */
  static Map<String, String> map(List<Tag> tags) {
    return SdkMaps.tags(tags, Tag::key, Tag::value);
  }
}
