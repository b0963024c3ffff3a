package io.resoto.worker.aws.kinds.efs;

import io.resoto.worker.aws.engine.TagSupport;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.Tag;

/** How EFS file systems change tags: TagResource / UntagResource with the file system id. */
final class EfsTags {

  static final Optional<TagSupport> BY_ID = Optional.of(TagSupport.of(
      List.of("elasticfilesystem:TagResource"),
      (ctx, key, value) -> ctx.client(EfsClient.builder())
          .tagResource(r -> r.resourceId(ctx.target().id()).tags(Tag.builder().key(key).value(value).build())),
      List.of("elasticfilesystem:UntagResource"),
      (ctx, key) -> ctx.client(EfsClient.builder()).untagResource(r -> r.resourceId(ctx.target().id()).tagKeys(key))));

  private EfsTags() {}
}
