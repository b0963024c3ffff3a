package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.TagSupport;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The tag calls of IAM entities: Tag.../Untag... of the entity's type, by name (users, roles,
 * instance profiles, server certificates) or by ARN (managed policies). IAM is global: the calls
 * go to the partition's global region.
 */
final class IamTags {

  static final Optional<TagSupport> USER = Optional.of(TagSupport.of(
      List.of("iam:TagUser"),
      (ctx, key, value) -> ctx.client(IamClient.builder()).tagUser(r -> r.userName(ctx.name()).tags(tag(key, value))),
      List.of("iam:UntagUser"),
      (ctx, key) -> ctx.client(IamClient.builder()).untagUser(r -> r.userName(ctx.name()).tagKeys(key))));

  static final Optional<TagSupport> ROLE = Optional.of(TagSupport.of(
      List.of("iam:TagRole"),
      (ctx, key, value) -> ctx.client(IamClient.builder()).tagRole(r -> r.roleName(ctx.name()).tags(tag(key, value))),
      List.of("iam:UntagRole"),
      (ctx, key) -> ctx.client(IamClient.builder()).untagRole(r -> r.roleName(ctx.name()).tagKeys(key))));

  static final Optional<TagSupport> POLICY = Optional.of(TagSupport.of(
      List.of("iam:TagPolicy"),
      (ctx, key, value) -> ctx.client(IamClient.builder())
          .tagPolicy(r -> r.policyArn(ctx.arn()).tags(tag(key, value))),
      List.of("iam:UntagPolicy"),
      (ctx, key) -> ctx.client(IamClient.builder()).untagPolicy(r -> r.policyArn(ctx.arn()).tagKeys(key))));

  static final Optional<TagSupport> INSTANCE_PROFILE = Optional.of(TagSupport.of(
      List.of("iam:TagInstanceProfile"),
      (ctx, key, value) -> ctx.client(IamClient.builder())
          .tagInstanceProfile(r -> r.instanceProfileName(ctx.name()).tags(tag(key, value))),
      List.of("iam:UntagInstanceProfile"),
      (ctx, key) -> ctx.client(IamClient.builder())
          .untagInstanceProfile(r -> r.instanceProfileName(ctx.name()).tagKeys(key))));

  static final Optional<TagSupport> SERVER_CERTIFICATE = Optional.of(TagSupport.of(
      List.of("iam:TagServerCertificate"),
      (ctx, key, value) -> ctx.client(IamClient.builder())
          .tagServerCertificate(r -> r.serverCertificateName(ctx.name()).tags(tag(key, value))),
      List.of("iam:UntagServerCertificate"),
      (ctx, key) -> ctx.client(IamClient.builder())
          .untagServerCertificate(r -> r.serverCertificateName(ctx.name()).tagKeys(key))));

  private IamTags() {}

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
