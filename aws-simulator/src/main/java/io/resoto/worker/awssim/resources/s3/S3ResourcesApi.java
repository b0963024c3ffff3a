package io.resoto.worker.awssim.resources.s3;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.DeleteBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.GetBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.PutBucketAclRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.PutBucketLoggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingRequest;
import software.amazon.awssdk.services.s3.model.PutBucketTaggingResponse;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.PutPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Tagging;

/**
 * S3's bucket listing and the per-bucket reads, from the caller's account's {@code global}
 * resources. {@code Buckets} ({@link Bucket}: Name, CreationDate, BucketRegion) is the list; a
 * bucket's configuration is kept in the shape of the request that would set it, since those carry
 * the bucket name: {@code BucketTagging} ({@link PutBucketTaggingRequest}), {@code BucketEncryption},
 * {@code BucketVersioning}, {@code BucketPolicies}, {@code BucketPublicAccessBlocks},
 * {@code BucketAcls}, {@code BucketLogging} and {@code BucketLifecycles} (the matching
 * {@code Put...Request}). A bucket without an entry answers as AWS does (NoSuchTagSet, ...), or
 * with AWS's defaults (unversioned, no logging, the owner's full control).
 *
 * <p>ListBuckets pages with ContinuationToken/MaxBuckets (1..10000) only when MaxBuckets is given,
 * and answers each bucket's BucketRegion only when the request has a parameter, as AWS does; a
 * bucket of another account is NoSuchBucket.
 *
 * <p>PutBucketTagging replaces the bucket's {@code BucketTagging} entry (the next GetBucketTagging
 * answers it) and DeleteBucketTagging removes it, as S3 answers: at most 50 tags (BadRequest), keys
 * of 1..128 and values of up to 256 characters of the tag character set, keys unique and not
 * starting with {@code aws:} (InvalidTag). An empty tag set leaves the bucket without one.
 */
public final class S3ResourcesApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final int MAX_KEY = 128;
  private static final int MAX_VALUE = 256;
  private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  private static final ItemKey<PutBucketTaggingRequest> TAGGING_BUCKET =
      ItemKey.of("Bucket", PutBucketTaggingRequest::bucket);

  /** Declares the group. */
  public S3ResourcesApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListBucketsRequest.class, (ctx, req) -> {
      List<Bucket> all = store.global(ctx, "s3", "Buckets", Bucket.class);
      if (req.prefix() != null) {
        all = all.stream().filter(b -> b.name().startsWith(req.prefix())).toList();
      }
      if (req.bucketRegion() != null) {
        all = all.stream().filter(b -> req.bucketRegion().equals(region(b))).toList();
      }
      ListBucketsResponse.Builder out = ListBucketsResponse.builder().owner(owner(ctx)).prefix(req.prefix());
      if (req.maxBuckets() == null && req.continuationToken() == null) {
        boolean withRegion = req.prefix() != null || req.bucketRegion() != null;
        return out.buckets(all.stream().map(b -> b.toBuilder().bucketRegion(withRegion ? region(b) : null).build())
            .toList()).build();
      }
      all = all.stream().map(b -> b.toBuilder().bucketRegion(region(b)).build()).toList();
      Page<Bucket> page = Page.of(all, "s3:ListBuckets:" + ctx.caller().accountId(), req.continuationToken(),
          req.maxBuckets(), 10000, 10000);
      return out.buckets(page.items()).continuationToken(page.nextToken()).build();
    });
    registry.on(GetBucketLocationRequest.class, (ctx, req) -> {
      // AWS answers an empty LocationConstraint for us-east-1, the bucket's "classic" region
      String region = region(bucket(store, ctx, req.bucket()));
      return GetBucketLocationResponse.builder().locationConstraint("us-east-1".equals(region) ? null : region)
          .build();
    });
    registry.on(GetBucketTaggingRequest.class, (ctx, req) -> GetBucketTaggingResponse.builder()
        .tagSet(config(store, ctx, req.bucket(), "BucketTagging", PutBucketTaggingRequest.class,
            PutBucketTaggingRequest::bucket)
            .orElseThrow(() -> missing("NoSuchTagSet", "The TagSet does not exist", req.bucket()))
            .tagging().tagSet())
        .build());
    registry.on(PutBucketTaggingRequest.class, (ctx, req) -> {
      bucket(store, ctx, req.bucket());
      List<Tag> tags = req.tagging() == null ? List.of() : req.tagging().tagSet();
      checkTags(tags);
      PutBucketTaggingRequest entry = PutBucketTaggingRequest.builder().bucket(req.bucket())
          .tagging(Tagging.builder().tagSet(tags).build()).build();
      store.updateGlobal(ctx, "s3", "BucketTagging", PutBucketTaggingRequest.class, TAGGING_BUCKET, req.bucket(),
          current -> tags.isEmpty() ? null : entry);
      return PutBucketTaggingResponse.builder().build();
    });
    registry.on(DeleteBucketTaggingRequest.class, (ctx, req) -> {
      bucket(store, ctx, req.bucket());
      store.updateGlobal(ctx, "s3", "BucketTagging", PutBucketTaggingRequest.class, TAGGING_BUCKET, req.bucket(),
          current -> null);
      return DeleteBucketTaggingResponse.builder().build();
    });
    registry.on(GetBucketEncryptionRequest.class, (ctx, req) -> GetBucketEncryptionResponse.builder()
        .serverSideEncryptionConfiguration(config(store, ctx, req.bucket(), "BucketEncryption",
            PutBucketEncryptionRequest.class, PutBucketEncryptionRequest::bucket)
            .orElseThrow(() -> missing("ServerSideEncryptionConfigurationNotFoundError",
                "The server side encryption configuration was not found", req.bucket()))
            .serverSideEncryptionConfiguration())
        .build());
    registry.on(GetBucketVersioningRequest.class, (ctx, req) -> {
      GetBucketVersioningResponse.Builder out = GetBucketVersioningResponse.builder();
      config(store, ctx, req.bucket(), "BucketVersioning", PutBucketVersioningRequest.class,
          PutBucketVersioningRequest::bucket).ifPresent(v -> out.status(v.versioningConfiguration().status())
              .mfaDelete(v.versioningConfiguration().mfaDeleteAsString()));
      return out.build();
    });
    registry.on(GetBucketPolicyRequest.class, (ctx, req) -> GetBucketPolicyResponse.builder()
        .policy(config(store, ctx, req.bucket(), "BucketPolicies", PutBucketPolicyRequest.class,
            PutBucketPolicyRequest::bucket)
            .orElseThrow(() -> missing("NoSuchBucketPolicy", "The bucket policy does not exist", req.bucket()))
            .policy())
        .build());
    registry.on(GetPublicAccessBlockRequest.class, (ctx, req) -> GetPublicAccessBlockResponse.builder()
        .publicAccessBlockConfiguration(config(store, ctx, req.bucket(), "BucketPublicAccessBlocks",
            PutPublicAccessBlockRequest.class, PutPublicAccessBlockRequest::bucket)
            .orElseThrow(() -> missing("NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found", req.bucket()))
            .publicAccessBlockConfiguration())
        .build());
    registry.on(GetBucketAclRequest.class, (ctx, req) -> {
      Optional<PutBucketAclRequest> acl = config(store, ctx, req.bucket(), "BucketAcls", PutBucketAclRequest.class,
          PutBucketAclRequest::bucket);
      if (acl.isEmpty()) {
        // a new bucket's ACL: the owner alone, with full control
        return GetBucketAclResponse.builder().owner(owner(ctx)).grants(g -> g.permission("FULL_CONTROL")
            .grantee(x -> x.type("CanonicalUser").id(owner(ctx).id()).displayName(owner(ctx).displayName())))
            .build();
      }
      return GetBucketAclResponse.builder().owner(acl.get().accessControlPolicy().owner())
          .grants(acl.get().accessControlPolicy().grants()).build();
    });
    registry.on(GetBucketLoggingRequest.class, (ctx, req) -> GetBucketLoggingResponse.builder()
        .loggingEnabled(config(store, ctx, req.bucket(), "BucketLogging", PutBucketLoggingRequest.class,
            PutBucketLoggingRequest::bucket).map(l -> l.bucketLoggingStatus().loggingEnabled()).orElse(null))
        .build());
    registry.on(GetBucketLifecycleConfigurationRequest.class, (ctx, req) -> GetBucketLifecycleConfigurationResponse
        .builder()
        .rules(config(store, ctx, req.bucket(), "BucketLifecycles", PutBucketLifecycleConfigurationRequest.class,
            PutBucketLifecycleConfigurationRequest::bucket)
            .orElseThrow(() -> missing("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist",
                req.bucket()))
            .lifecycleConfiguration().rules())
        .build());
  }

  /** S3's checks of a tag set, in the order S3 makes them. */
  private static void checkTags(List<Tag> tags) {
    if (tags.size() > MAX_TAGS) {
      throw AwsError.of(400, "BadRequest", "Bucket tag count cannot be greater than " + MAX_TAGS);
    }
    Set<String> keys = new HashSet<>();
    for (Tag tag : tags) {
      String key = tag.key() == null ? "" : tag.key();
      String value = tag.value() == null ? "" : tag.value();
      if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_KEY || !TAG_CHARACTERS.matcher(key).matches()) {
        throw AwsError.of(400, "InvalidTag", "The TagKey you have provided is invalid");
      }
      if (value.codePointCount(0, value.length()) > MAX_VALUE || !TAG_CHARACTERS.matcher(value).matches()) {
        throw AwsError.of(400, "InvalidTag", "The TagValue you have provided is invalid");
      }
      if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw AwsError.of(400, "InvalidTag", "System tags cannot be added/updated by requester");
      }
      if (!keys.add(key)) {
        throw AwsError.of(400, "InvalidTag", "Cannot provide multiple Tags with the same key");
      }
    }
  }

  private static String region(Bucket b) {
    return b.bucketRegion() == null ? "us-east-1" : b.bucketRegion();
  }

  /** The account's canonical owner: a stable made-up canonical id per account. */
  private static Owner owner(CallContext ctx) {
    String account = ctx.caller().accountId();
    return Owner.builder().id(("c0ffee" + account).repeat(4).substring(0, 64)).displayName("owner-" + account).build();
  }

  private static Bucket bucket(ResourceStore store, CallContext ctx, String name) {
    return store.global(ctx, "s3", "Buckets", Bucket.class).stream().filter(b -> b.name().equals(name)).findFirst()
        .orElseThrow(() -> missing("NoSuchBucket", "The specified bucket does not exist", name));
  }

  private static <T extends SdkPojo> Optional<T> config(ResourceStore store, CallContext ctx, String bucket,
      String collection, Class<T> type, Function<T, String> bucketOf) {
    bucket(store, ctx, bucket);
    return store.global(ctx, "s3", collection, type).stream().filter(c -> bucket.equals(bucketOf.apply(c)))
        .findFirst();
  }

  private static AwsError missing(String code, String message, String bucket) {
    return AwsError.of(404, code, message + " (bucket " + bucket + ")");
  }
}
