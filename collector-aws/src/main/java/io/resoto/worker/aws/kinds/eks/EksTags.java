package io.resoto.worker.aws.kinds.eks;

import io.resoto.worker.aws.engine.TagSupport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;

/** How the EKS kinds change tags: eks:TagResource and eks:UntagResource with the resource's ARN. */
final class EksTags {

  /** The one tag support of every EKS kind. */
  static final Optional<TagSupport> BY_ARN = Optional.of(TagSupport.of(
      List.of("eks:TagResource"),
      (ctx, key, value) -> ctx.client(EksClient.builder())
          .tagResource(r -> r.resourceArn(ctx.arn()).tags(Map.of(key, value))),
      List.of("eks:UntagResource"),
      (ctx, key) -> ctx.client(EksClient.builder()).untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key))));

  private EksTags() {}
}
