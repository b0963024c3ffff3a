package io.resoto.worker.aws.kinds.athena;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.TagSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Tag;

/** What the Athena kinds share: their ARNs, their tags (by ARN) and their tag calls. */
final class AthenaTags {

  /** athena:TagResource and athena:UntagResource with the resource's ARN. */
  static final Optional<TagSupport> BY_ARN = Optional.of(TagSupport.of(
      List.of("athena:TagResource"),
      (ctx, key, value) -> ctx.client(AthenaClient.builder())
          .tagResource(r -> r.resourceARN(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
      List.of("athena:UntagResource"),
      (ctx, key) -> ctx.client(AthenaClient.builder()).untagResource(r -> r.resourceARN(ctx.arn()).tagKeys(key))));

  private AthenaTags() {}

  /** The ARN AWS gives an Athena resource, e.g. {@code workgroup/primary} or {@code datacatalog/lake}. */
  static String arn(KindContext ctx, String type, String name) {
    return "arn:" + ctx.partition() + ":athena:" + ctx.region() + ":" + ctx.account().id() + ":" + type + "/" + name;
  }

  /** Every page of the resource's tags. */
  static Map<String, String> tags(AthenaClient athena, String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    athena.listTagsForResourcePaginator(b -> b.resourceARN(arn)).tags()
        .forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    return tags;
  }
}
