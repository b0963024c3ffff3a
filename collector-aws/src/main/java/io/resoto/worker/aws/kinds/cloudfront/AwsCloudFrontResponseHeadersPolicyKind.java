package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECT;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ResponseHeadersPolicy;
import software.amazon.awssdk.services.cloudfront.model.ResponseHeadersPolicyList;
import software.amazon.awssdk.services.cloudfront.model.ResponseHeadersPolicySummary;

/**
 * {@code aws_cloudfront_response_headers_policy}: CloudFront response headers policies, managed
 * and custom (ListResponseHeadersPolicies, every page). id is the policy id, and so is the name,
 * as in the original (the policy's own name is in its configuration); mtime its last change.
 * Response headers policies take no tags.
 */
public final class AwsCloudFrontResponseHeadersPolicyKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_response_headers_policy";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("policy", "networking")
      .property("response_headers_policy_type", "string", "Whether AWS (managed) or the account (custom) made the policy.")
      .property("response_headers_policy_config", OBJECT,
          "The policy: name, comment, CORS, security headers (XSS, frame options, referrer policy, content security"
              + " policy, HSTS), Server-Timing and custom headers.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontResponseHeadersPolicyKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontResponseHeadersPolicyKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListResponseHeadersPolicies");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    CloudFrontValues.forEachPage(
        marker -> cf.listResponseHeadersPolicies(r -> r.marker(marker).maxItems(String.valueOf(pageSize)))
            .responseHeadersPolicyList(),
        ResponseHeadersPolicyList::nextMarker,
        page -> page.items().forEach(p -> ctx.add(node(ctx, p))));
  }

  /** Maps a response headers policy. */
  static Node node(KindContext ctx, ResponseHeadersPolicySummary s) {
    ResponseHeadersPolicy p = s.responseHeadersPolicy();
    Node.Builder b = ctx.node(KIND, p.id()).name(p.id()).mtime(p.lastModifiedTime());
    put(b, "response_headers_policy_type", s.typeAsString());
    put(b, "response_headers_policy_config", plain(p.responseHeadersPolicyConfig()));
    return KindContext.arn(b, CloudFrontValues.arn(ctx, "response-headers-policy/" + p.id())).build();
  }
}
