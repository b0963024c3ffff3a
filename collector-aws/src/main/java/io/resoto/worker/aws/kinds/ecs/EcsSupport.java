package io.resoto.worker.aws.kinds.ecs;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * What the ECS kinds share: the cluster listing every cluster-scoped kind starts from, batching of
 * the Describe calls, tags and the tag calls (ecs:TagResource / ecs:UntagResource by ARN, for
 * every ECS kind).
 */
final class EcsSupport {

  /** The one tag support of every ECS kind. */
  static final Optional<TagSupport> TAGS = Optional.of(TagSupport.of(
      List.of("ecs:TagResource"),
      (ctx, key, value) -> ctx.client(EcsClient.builder())
          .tagResource(r -> r.resourceArn(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
      List.of("ecs:UntagResource"),
      (ctx, key) -> ctx.client(EcsClient.builder()).untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key))));

  static final String KMS_KEY = "aws_kms_key";
  static final String S3_BUCKET = "aws_s3_bucket";
  static final String EC2_INSTANCE = "aws_ec2_instance";
  static final String EC2_SUBNET = "aws_ec2_subnet";
  static final String EC2_SECURITY_GROUP = "aws_ec2_security_group";
  static final String ALB_TARGET_GROUP = "aws_alb_target_group";
  static final String ELB = "aws_elb";
  static final String AUTOSCALING_GROUP = "aws_autoscaling_group";
  static final String IAM_ROLE = "aws_iam_role";

  private EcsSupport() {}

  /** Every cluster ARN of the region, all pages read. */
  static List<String> clusterArns(KindContext ctx, EcsClient ecs, int pageSize) {
    List<String> out = new ArrayList<>();
    for (String arn : ecs.listClustersPaginator(b -> b.maxResults(pageSize)).clusterArns()) {
      if (ctx.isCancelled()) {
        break;
      }
      out.add(arn);
    }
    return out;
  }

  /** The list cut into batches of at most {@code size} (what the Describe calls accept). */
  static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  /** ECS's {@code [{key, value}]} tags as a map. */
  static Map<String, String> tags(List<Tag> tags) {
    return SdkValues.tags(tags, Tag::key, Tag::value);
  }

  /** The name in an ECS ARN's resource path: cluster/NAME, or the cluster of container-instance/CLUSTER/ID. */
  static String clusterName(String arn) {
    if (arn == null) {
      return null;
    }
    String[] path = arn.substring(arn.indexOf('/') + 1).split("/");
    return path[0];
  }
}
