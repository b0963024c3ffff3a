package io.resoto.worker.aws.kinds.s3;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.metrics.MetricQuery;
import io.resoto.worker.aws.metrics.MetricWindow;
import io.resoto.worker.aws.metrics.Usage;
import io.resoto.worker.aws.metrics.UsageMetrics;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * {@code aws_s3_bucket}: the account's buckets (ListBuckets, once per account: buckets are global),
 * each with its location, tags, encryption, policy, versioning, public access block, ACL, logging
 * and lifecycle read by its own task. The node hangs under the global region; its real region is
 * {@code bucket_location}. The "not configured" answers (NoSuchTagSet, ...) mean "none", not errors.
 * ListBuckets is asked with MaxBuckets: AWS then answers each bucket's region (BucketRegion, only
 * given when the request has a parameter), so no GetBucketLocation per bucket is needed (the
 * original calls it per bucket).
 *
 * <p>Usage from S3's daily storage metrics (AWS/S3), asked in the bucket's region over the last
 * two days with a period of one day, the newest datapoint as avg: {@code number_of_objects_count}
 * (NumberOfObjects, StorageType AllStorageTypes) and {@code bucket_size_bytes}, the sum of
 * BucketSizeBytes over the storage types below, as the original sums its bucket size over storage
 * types. (The storage types, the window and the period are not in the reference document: the
 * metrics are daily, so a shorter window would see none.)
 */
public final class AwsS3BucketKind extends DeclaredKind implements UsageMetrics {

  /** The StorageType values of BucketSizeBytes that hold object data. */
  static final List<String> STORAGE_TYPES = List.of("StandardStorage", "IntelligentTieringFAStorage",
      "IntelligentTieringIAStorage", "IntelligentTieringAAStorage", "IntelligentTieringAIAStorage",
      "IntelligentTieringDAAStorage", "StandardIAStorage", "OneZoneIAStorage", "ReducedRedundancyStorage",
      "GlacierInstantRetrievalStorage", "GlacierStorage", "DeepArchiveStorage");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration TWO_DAYS = Duration.ofDays(2);

  /** ListBuckets' largest page: with this parameter AWS answers BucketRegion. */
  private static final int MAX_BUCKETS = 10000;

  /** The kind name. */
  public static final String KIND = "aws_s3_bucket";

  /** S3's error codes for a configuration the bucket does not have. */
  private static final Set<String> NOT_CONFIGURED = Set.of("NoSuchTagSet", "NoSuchBucketPolicy",
      "ServerSideEncryptionConfigurationNotFoundError", "NoSuchPublicAccessBlockConfiguration",
      "NoSuchLifecycleConfiguration");

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("bucket", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_cloudformation_stack")
      .display("bucket", "storage")
      .property("bucket_location", "string", "The region the bucket is in (us-east-1 when S3 reports none).")
      .property("bucket_encryption_rules", "string[]",
          "The default encryption of new objects, one entry per rule: the algorithm and the KMS key, if any.")
      .property("bucket_policy", "string", "The bucket policy (JSON), if the bucket has one.")
      .property("bucket_versioning", "boolean", "Whether versioning is enabled.")
      .property("bucket_mfa_delete", "boolean", "Whether deleting versions needs MFA.")
      .property("bucket_public_access_block_configuration", "dictionary[string, boolean]",
          "The bucket's public access block settings (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, "
              + "RestrictPublicBuckets).")
      .property("bucket_acl", "string[]", "The ACL grants, each as grantee=permission.")
      .property("bucket_logging", "string", "Where access logs go (target bucket/prefix), if logging is enabled.")
      .property("bucket_lifecycle_policy", "string[]", "The lifecycle rules, each as id:status.")
      .build();

  /** Declares the kind. */
  public AwsS3BucketKind() {
    super(KIND, Scope.GLOBAL, "s3", MODEL);
  }

  /** Tags by rewriting the bucket's tag set (s3:GetBucketTagging, s3:PutBucketTagging, s3:DeleteBucketTagging). */
  @Override
  public Optional<TagSupport> tagSupport() {
    return S3BucketTags.SUPPORT;
  }

  @Override
  public List<String> apiCalls() {
    return List.of(
        "cloudwatch:GetMetricData",
        "s3:GetBucketAcl",
        "s3:GetBucketEncryption",
        "s3:GetBucketLifecycleConfiguration",
        "s3:GetBucketLogging",
        "s3:GetBucketPolicy",
        "s3:GetBucketTagging",
        "s3:GetBucketVersioning",
        "s3:GetPublicAccessBlock",
        "s3:ListBuckets");
  }

  @Override
  public void collect(KindContext ctx) {
    // the factory sets no S3 options: path-style keeps bucket names out of the host name, which
    // custom endpoints (the simulator, S3-compatible gateways) need and AWS accepts
    S3Client s3 = ctx.client(S3Client.builder().forcePathStyle(true));
    for (Bucket bucket : s3.listBucketsPaginator(b -> b.maxBuckets(MAX_BUCKETS)).buckets()) {
      // the per-bucket reads are one task per bucket: the node is added once all are known
      ctx.submit(() -> ctx.add(node(ctx, s3, bucket)));
    }
  }

  @Override
  public List<MetricQuery> metricQueries(Node node, MetricWindow window) {
    Object location = node.properties().get("bucket_location");
    String region = location == null ? "us-east-1" : location.toString();
    String bucket = node.resourceId();
    List<MetricQuery> queries = new ArrayList<>();
    queries.add(s3(bucket, "NumberOfObjects", "AllStorageTypes", "Count", region)
        .usage(Usage.latest("number_of_objects", Usage.COUNT)));
    for (String type : STORAGE_TYPES) {
      queries.add(s3(bucket, "BucketSizeBytes", type, "Bytes", region)
          .usage(Usage.latest("bucket_size", Usage.BYTES).summed()));
    }
    return queries;
  }

  private static MetricQuery s3(String bucket, String metric, String storageType, String unit, String region) {
    return MetricQuery.of("AWS/S3", metric, "BucketName", bucket, DAY, "Average", unit)
        .dimension("StorageType", storageType).inRegion(region).over(TWO_DAYS);
  }

  static Node node(KindContext ctx, S3Client s3, Bucket bucket) {
    String name = bucket.name();
    Node.Builder b = ctx.node(KIND, name).name(name).ctime(bucket.creationDate()).categories("storage");
    String location = bucket.bucketRegion();
    b.property("bucket_location", location == null || location.isEmpty() ? "us-east-1" : location);
    optional(() -> s3.getBucketTagging(r -> r.bucket(name)).tagSet())
        .forEach(t -> b.tag(t.key(), t.value()));
    List<ServerSideEncryptionRule> rules = optional(() -> s3.getBucketEncryption(r -> r.bucket(name))
        .serverSideEncryptionConfiguration().rules());
    if (!rules.isEmpty()) {
      b.property("encryption_enabled", true);
      b.property("bucket_encryption_rules", rules.stream().map(r -> r.applyServerSideEncryptionByDefault() == null
          ? "none" : r.applyServerSideEncryptionByDefault().sseAlgorithmAsString()
              + (r.applyServerSideEncryptionByDefault().kmsMasterKeyID() == null ? ""
                  : ":" + r.applyServerSideEncryptionByDefault().kmsMasterKeyID())).toList());
    } else {
      b.property("encryption_enabled", false);
    }
    String policy = optionalValue(() -> s3.getBucketPolicy(r -> r.bucket(name)).policy());
    if (policy != null) {
      b.property("bucket_policy", policy);
    }
    GetBucketVersioningResponse versioning = s3.getBucketVersioning(r -> r.bucket(name));
    boolean versioned = "Enabled".equals(versioning.statusAsString());
    b.property("bucket_versioning", versioned).property("versioning_enabled", versioned);
    b.property("bucket_mfa_delete", "Enabled".equals(versioning.mfaDeleteAsString()));
    PublicAccessBlockConfiguration block = optionalValue(() -> s3.getPublicAccessBlock(r -> r.bucket(name))
        .publicAccessBlockConfiguration());
    if (block != null) {
      Map<String, Boolean> m = new LinkedHashMap<>();
      m.put("block_public_acls", block.blockPublicAcls());
      m.put("ignore_public_acls", block.ignorePublicAcls());
      m.put("block_public_policy", block.blockPublicPolicy());
      m.put("restrict_public_buckets", block.restrictPublicBuckets());
      m.values().removeIf(v -> v == null);
      b.property("bucket_public_access_block_configuration", m);
    }
    List<Grant> grants = s3.getBucketAcl(r -> r.bucket(name)).grants();
    b.property("bucket_acl", grants.stream().map(g -> grantee(g) + "=" + g.permissionAsString()).toList());
    LoggingEnabled logging = s3.getBucketLogging(r -> r.bucket(name)).loggingEnabled();
    if (logging != null) {
      b.property("bucket_logging", logging.targetBucket() + "/" + (logging.targetPrefix() == null ? ""
          : logging.targetPrefix()));
    }
    List<String> lifecycle = optional(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(name)).rules()).stream()
        .map(r -> r.id() + ":" + r.statusAsString()).toList();
    if (!lifecycle.isEmpty()) {
      b.property("bucket_lifecycle_policy", lifecycle);
    }
    // buckets have no ARN in the listing; S3's bucket ARNs carry neither region nor account
    return KindContext.arn(b, "arn:" + ctx.partition() + ":s3:::" + name).build();
  }

  private static String grantee(Grant g) {
    if (g.grantee() == null) {
      return "unknown";
    }
    if (g.grantee().uri() != null) {
      return g.grantee().uri();
    }
    if (g.grantee().emailAddress() != null) {
      return g.grantee().emailAddress();
    }
    return g.grantee().displayName() != null ? g.grantee().displayName() : g.grantee().id();
  }

  private static <T> List<T> optional(Supplier<List<T>> read) {
    List<T> v = optionalValue(read);
    return v == null ? List.of() : v;
  }

  private static <T> T optionalValue(Supplier<T> read) {
    try {
      return read.get();
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      if (NOT_CONFIGURED.contains(code)) {
        return null;
      }
      throw e;
    }
  }
}
