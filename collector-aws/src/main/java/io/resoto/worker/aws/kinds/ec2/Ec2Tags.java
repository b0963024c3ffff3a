package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.TagContext;
import io.resoto.worker.aws.engine.TagSupport;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The tag calls of EC2 resources: CreateTags and DeleteTags with the resource's id. */
final class Ec2Tags {

  /** For kinds whose node id is the id EC2's tag calls take (instances, volumes, VPCs, ...). */
  static final Optional<TagSupport> BY_ID = Optional.of(of(ctx -> ctx.target().id()));

  /** For elastic IPs: the node id is the public address, the tag calls take the allocation id. */
  static final Optional<TagSupport> BY_ALLOCATION_ID = Optional.of(of(ctx -> ctx.required("allocation_id")));

  private Ec2Tags() {}

  private static TagSupport of(Function<TagContext, String> resourceId) {
    return TagSupport.of(
        List.of("ec2:CreateTags"),
        (ctx, key, value) -> ctx.client(Ec2Client.builder()).createTags(r -> r
            .resources(resourceId.apply(ctx))
            .tags(Tag.builder().key(key).value(value).build())),
        List.of("ec2:DeleteTags"),
        // without a value DeleteTags removes the key whatever its value
        (ctx, key) -> ctx.client(Ec2Client.builder()).deleteTags(r -> r
            .resources(resourceId.apply(ctx))
            .tags(Tag.builder().key(key).build())));
  }
}
