package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECT;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECTS;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.lastPart;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.text;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.acm.AwsAcmCertificateKind;
import io.resoto.worker.aws.kinds.iam.AwsIamServerCertificateKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.FunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.Origin;

/**
 * {@code aws_cloudfront_distribution}: CloudFront distributions (ListDistributions, every page, then
 * GetDistribution and ListTagsForResource per distribution). id is the distribution id, name its
 * domain name (d123.cloudfront.net), mtime its last change, the ARN the API's.
 *
 * <p>Edges, from the default and the other cache behaviors, the origins and the viewer
 * certificate: to the CloudFront functions, real-time log configurations, field-level encryption
 * configurations, response headers policies and cache policies they use; to the origins' origin
 * access controls and S3 buckets; to the ACM or IAM server certificate; to the WAF web ACL; to the
 * Lambda@Edge functions of the cache behaviors (and, for the default cache behavior's, a delete
 * edge from the function, which cannot go while the distribution uses it). The original takes an
 * origin's Id for its bucket's name; the Id is a free label, so the bucket name is read from an
 * S3 origin's domain name ({@code <bucket>.s3.<region>.amazonaws.com}) here. The Lambda and WAF
 * kinds belong to other groups and are linked by kind name.
 *
 * <p>The original calls ListTagsForResource without declaring it, and declares TagResource and
 * UntagResource as collect calls, which they are not; here the read calls are declared and the
 * tag calls are the tag support's.
 */
public final class AwsCloudFrontDistributionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_distribution";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("cdn", "networking")
      .successors(EdgeType.DEFAULT, AwsAcmCertificateKind.KIND, AwsCloudFrontCachePolicyKind.KIND,
          AwsCloudFrontFieldLevelEncryptionConfigKind.KIND, AwsCloudFrontFunctionKind.KIND,
          AwsCloudFrontOriginAccessControlKind.KIND, AwsCloudFrontRealtimeLogConfigKind.KIND,
          AwsCloudFrontResponseHeadersPolicyKind.KIND, AwsIamServerCertificateKind.KIND,
          CloudFrontValues.LAMBDA_FUNCTION, AwsS3BucketKind.KIND, CloudFrontValues.WAF_WEB_ACL)
      .property("distribution_status", "string",
          "The distribution's status: Deployed once its configuration reached every edge location, else InProgress.")
      .property("distribution_in_progress_invalidation_batches", "int64",
          "The number of invalidation batches in progress.")
      .property("distribution_active_trusted_signers", OBJECT,
          "The AWS accounts (and their active key pairs) that may sign URLs and cookies of the distribution;"
              + " trusted key groups are the recommended way.")
      .property("distribution_active_trusted_key_groups", OBJECT,
          "The key groups (and their public keys) CloudFront uses to verify signed URLs and cookies.")
      .property("distribution_config", OBJECT,
          "The distribution's configuration: aliases, origins and origin groups, default and other cache behaviors,"
              + " custom error responses, logging, price class, viewer certificate, restrictions, web ACL, HTTP"
              + " version and more.")
      .property("distribution_alias_icp_recordals", OBJECTS,
          "For distributions in China: the ICP recordal status of each alternate domain name (CNAME).")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontDistributionKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontDistributionKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListDistributions", "cloudfront:GetDistribution", "cloudfront:ListTagsForResource");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(CloudFrontValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    for (DistributionSummary summary : new ListDistributionsIterable(cf,
        ListDistributionsRequest.builder().maxItems(String.valueOf(pageSize)).build()).items()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Distribution d = cf.getDistribution(r -> r.id(summary.id())).distribution();
        Map<String, String> tags = CloudFrontValues.tags(cf, d.arn());
        Node node = ctx.add(node(ctx, d, tags));
        edges(ctx, node, d.distributionConfig());
      });
    }
  }

  /** Maps a distribution. */
  static Node node(KindContext ctx, Distribution d, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, d.id()).name(d.domainName()).mtime(d.lastModifiedTime()).tags(tags);
    put(b, "distribution_status", d.status());
    put(b, "distribution_in_progress_invalidation_batches",
        d.inProgressInvalidationBatches() == null ? null : d.inProgressInvalidationBatches().longValue());
    put(b, "distribution_active_trusted_signers", plain(d.activeTrustedSigners()));
    put(b, "distribution_active_trusted_key_groups", plain(d.activeTrustedKeyGroups()));
    put(b, "distribution_config", plain(d.distributionConfig()));
    put(b, "distribution_alias_icp_recordals", plain(d.aliasICPRecordals()));
    String arn = d.arn() != null ? d.arn() : CloudFrontValues.arn(ctx, "distribution/" + d.id());
    return KindContext.arn(b, arn).build();
  }

  private static void edges(KindContext ctx, Node node, DistributionConfig c) {
    if (c == null) {
      return;
    }
    DefaultCacheBehavior dcb = c.defaultCacheBehavior();
    if (dcb != null) {
      for (String function : lambdaFunctions(dcb.lambdaFunctionAssociations())) {
        ctx.edge(node, CloudFrontValues.LAMBDA_FUNCTION, function, EdgeType.DEFAULT);
        ctx.edgeFrom(CloudFrontValues.LAMBDA_FUNCTION, function, node, EdgeType.DELETE);
      }
      functions(ctx, node, dcb.functionAssociations());
      behaviorEdges(ctx, node, dcb.realtimeLogConfigArn(), dcb.fieldLevelEncryptionId(),
          dcb.responseHeadersPolicyId(), dcb.cachePolicyId());
    }
    if (c.cacheBehaviors() != null) {
      for (CacheBehavior cb : c.cacheBehaviors().items()) {
        for (String function : lambdaFunctions(cb.lambdaFunctionAssociations())) {
          ctx.edge(node, CloudFrontValues.LAMBDA_FUNCTION, function, EdgeType.DEFAULT);
        }
        functions(ctx, node, cb.functionAssociations());
        behaviorEdges(ctx, node, cb.realtimeLogConfigArn(), cb.fieldLevelEncryptionId(),
            cb.responseHeadersPolicyId(), cb.cachePolicyId());
      }
    }
    if (c.origins() != null) {
      for (Origin o : c.origins().items()) {
        ctx.edge(node, AwsCloudFrontOriginAccessControlKind.KIND, text(o.originAccessControlId()), EdgeType.DEFAULT);
        ctx.edge(node, AwsS3BucketKind.KIND, bucketName(o), EdgeType.DEFAULT);
      }
    }
    if (c.viewerCertificate() != null) {
      ctx.edge(node, AwsIamServerCertificateKind.KIND, text(c.viewerCertificate().iamCertificateId()),
          EdgeType.DEFAULT);
      ctx.edge(node, AwsAcmCertificateKind.KIND, lastPart(text(c.viewerCertificate().acmCertificateArn())),
          EdgeType.DEFAULT);
    }
    ctx.edge(node, CloudFrontValues.WAF_WEB_ACL, lastPart(text(c.webACLId())), EdgeType.DEFAULT);
  }

  private static void behaviorEdges(KindContext ctx, Node node, String realtimeLogConfigArn, String fleId,
      String responseHeadersPolicyId, String cachePolicyId) {
    ctx.edge(node, AwsCloudFrontRealtimeLogConfigKind.KIND, lastPart(text(realtimeLogConfigArn)), EdgeType.DEFAULT);
    ctx.edge(node, AwsCloudFrontFieldLevelEncryptionConfigKind.KIND, text(fleId), EdgeType.DEFAULT);
    ctx.edge(node, AwsCloudFrontResponseHeadersPolicyKind.KIND, text(responseHeadersPolicyId), EdgeType.DEFAULT);
    ctx.edge(node, AwsCloudFrontCachePolicyKind.KIND, text(cachePolicyId), EdgeType.DEFAULT);
  }

  private static void functions(KindContext ctx, Node node, FunctionAssociations associations) {
    if (associations != null) {
      associations.items().forEach(a -> ctx.edge(node, AwsCloudFrontFunctionKind.KIND, lastPart(a.functionARN()),
          EdgeType.DEFAULT));
    }
  }

  /** The function names of Lambda@Edge ARNs ({@code arn:aws:lambda:us-east-1:1:function:name:3} -> name). */
  static List<String> lambdaFunctions(LambdaFunctionAssociations associations) {
    if (associations == null) {
      return List.of();
    }
    return associations.items().stream().map(a -> a.lambdaFunctionARN() == null ? new String[0]
        : a.lambdaFunctionARN().split(":")).filter(p -> p.length > 6).map(p -> p[6]).toList();
  }

  /** The bucket of an S3 origin, from its domain name ({@code <bucket>.s3[.-]...amazonaws.com}); null for other origins. */
  static String bucketName(Origin o) {
    String domain = o.domainName();
    if (domain == null) {
      return null;
    }
    int s3 = domain.indexOf(".s3.");
    if (s3 < 0) {
      s3 = domain.indexOf(".s3-");
    }
    return s3 > 0 ? domain.substring(0, s3) : null;
  }
}
