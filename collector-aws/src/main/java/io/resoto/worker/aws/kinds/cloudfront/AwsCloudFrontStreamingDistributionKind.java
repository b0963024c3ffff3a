package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECT;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ListStreamingDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.paginators.ListStreamingDistributionsIterable;
import software.amazon.awssdk.services.cloudfront.model.StreamingDistributionSummary;

/**
 * {@code aws_cloudfront_streaming_distribution}: CloudFront's (retired) RTMP streaming
 * distributions (ListStreamingDistributions, every page, then ListTagsForResource per
 * distribution). id and name are the distribution id, mtime its last change, the ARN the API's.
 *
 * <p>The original maps the S3 origin and the aliases but declares no field for them, so they never
 * reached its graph; they are properties here.
 */
public final class AwsCloudFrontStreamingDistributionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_streaming_distribution";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("cdn", "networking")
      .property("streaming_distribution_status", "string", "The distribution's status: Deployed or InProgress.")
      .property("streaming_distribution_domain_name", "string", "The distribution's domain name, e.g. s123.cloudfront.net.")
      .property("streaming_distribution_s3_origin", OBJECT,
          "The S3 bucket the media come from (its domain name) and the origin access identity CloudFront reads it with.")
      .property("streaming_distribution_aliases", "string[]", "The distribution's alternate domain names (CNAMEs).")
      .property("streaming_distribution_trusted_signers", "string[]",
          "The AWS accounts that may sign URLs of the distribution (self: this account).")
      .property("streaming_distribution_comment", "string", "A comment on the distribution.")
      .property("streaming_distribution_price_class", "string", "The price class: which edge locations serve it.")
      .property("streaming_distribution_enabled", "boolean", "Whether the distribution accepts requests.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontStreamingDistributionKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontStreamingDistributionKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListStreamingDistributions", "cloudfront:ListTagsForResource");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(CloudFrontValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    for (StreamingDistributionSummary s : new ListStreamingDistributionsIterable(cf,
        ListStreamingDistributionsRequest.builder().maxItems(String.valueOf(pageSize)).build()).items()) {
      ctx.submit(() -> ctx.add(node(ctx, s, s.arn() == null ? Map.of() : CloudFrontValues.tags(cf, s.arn()))));
    }
  }

  /** Maps a streaming distribution. */
  static Node node(KindContext ctx, StreamingDistributionSummary s, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, s.id()).name(s.id()).mtime(s.lastModifiedTime()).tags(tags);
    put(b, "streaming_distribution_status", s.status());
    put(b, "streaming_distribution_domain_name", s.domainName());
    put(b, "streaming_distribution_s3_origin", plain(s.s3Origin()));
    put(b, "streaming_distribution_aliases", plain(s.aliases()));
    put(b, "streaming_distribution_trusted_signers", s.trustedSigners() == null ? null : plain(s.trustedSigners().items()));
    put(b, "streaming_distribution_comment", CloudFrontValues.text(s.comment()));
    put(b, "streaming_distribution_price_class", s.priceClassAsString());
    put(b, "streaming_distribution_enabled", s.enabled());
    String arn = s.arn() != null ? s.arn() : CloudFrontValues.arn(ctx, "streaming-distribution/" + s.id());
    return KindContext.arn(b, arn).build();
  }
}
