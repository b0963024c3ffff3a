package io.resoto.worker.aws.kinds.elasticbeanstalk;

import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkValues;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ResourceNotFoundException;
import software.amazon.awssdk.services.elasticbeanstalk.model.Tag;

/**
 * What the Elastic Beanstalk kinds share: tags from ListTagsForResource by ARN (a resource AWS no
 * longer knows has none, as the original treats {@code ResourceNotFoundException}) and the one tag
 * call UpdateTagsForResource (TagsToAdd / TagsToRemove).
 */
final class BeanstalkSupport {

  static final Optional<TagSupport> TAGS = Optional.of(TagSupport.of(
      List.of("elasticbeanstalk:UpdateTagsForResource"),
      (ctx, key, value) -> ctx.client(ElasticBeanstalkClient.builder()).updateTagsForResource(r -> r
          .resourceArn(ctx.arn()).tagsToAdd(Tag.builder().key(key).value(value).build())),
      List.of("elasticbeanstalk:UpdateTagsForResource"),
      (ctx, key) -> ctx.client(ElasticBeanstalkClient.builder())
          .updateTagsForResource(r -> r.resourceArn(ctx.arn()).tagsToRemove(key))));

  private BeanstalkSupport() {}

  /** The tags of the resource with this ARN; none when there is no ARN or AWS no longer knows it. */
  static Map<String, String> tags(ElasticBeanstalkClient client, String arn) {
    if (arn == null) {
      return Map.of();
    }
    try {
      return SdkValues.tags(client.listTagsForResource(b -> b.resourceArn(arn)).resourceTags(), Tag::key, Tag::value);
    } catch (ResourceNotFoundException e) {
      return Map.of();
    }
  }
}
