package io.resoto.worker.aws.kinds.s3;

import io.resoto.worker.aws.engine.TagContext;
import io.resoto.worker.aws.engine.TagSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The tag calls of S3 buckets. S3 has no call for one tag: the tag set is read
 * (GetBucketTagging), changed and written back whole (PutBucketTagging), as the original does; a
 * set left empty is removed (DeleteBucketTagging), since S3 does not take an empty one. Two tag
 * tasks on one bucket at the same moment may therefore lose one change. Calls go to the bucket's
 * own region ({@code bucket_location}), with path-style addressing as in the collect.
 */
final class S3BucketTags {

  static final Optional<TagSupport> SUPPORT = Optional.of(TagSupport.of(
      List.of("s3:GetBucketTagging", "s3:PutBucketTagging"), S3BucketTags::update,
      List.of("s3:GetBucketTagging", "s3:PutBucketTagging", "s3:DeleteBucketTagging"), S3BucketTags::delete));

  private S3BucketTags() {}

  private static void update(TagContext ctx, String key, String value) {
    S3Client s3 = client(ctx);
    String bucket = ctx.target().id();
    Map<String, String> tags = read(s3, bucket);
    tags.put(key, value);
    write(s3, bucket, tags);
  }

  private static void delete(TagContext ctx, String key) {
    S3Client s3 = client(ctx);
    String bucket = ctx.target().id();
    Map<String, String> tags = read(s3, bucket);
    if (!tags.containsKey(key)) {
      return;
    }
    tags.remove(key);
    if (tags.isEmpty()) {
      s3.deleteBucketTagging(r -> r.bucket(bucket));
    } else {
      write(s3, bucket, tags);
    }
  }

  private static S3Client client(TagContext ctx) {
    String location = ctx.target().property("bucket_location");
    return ctx.client(S3Client.builder().forcePathStyle(true), location == null ? ctx.region() : location);
  }

  private static Map<String, String> read(S3Client s3, String bucket) {
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().forEach(t -> tags.put(t.key(), t.value()));
    } catch (S3Exception e) {
      if (e.awsErrorDetails() == null || !"NoSuchTagSet".equals(e.awsErrorDetails().errorCode())) {
        throw e;
      }
    }
    return tags;
  }

  private static void write(S3Client s3, String bucket, Map<String, String> tags) {
    List<Tag> set = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
    s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(set)));
  }
}
