package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ListOriginAccessControlsRequest;
import software.amazon.awssdk.services.cloudfront.paginators.ListOriginAccessControlsIterable;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;

/**
 * {@code aws_cloudfront_origin_access_control}: CloudFront origin access controls
 * (ListOriginAccessControls, every page). id is the control's id, name its name. The original's
 * ARN template names an origin access identity ({@code origin-access-identity/cloudfront/<id>}),
 * another resource; the ARN here is the control's own ({@code origin-access-control/<id>}). Origin
 * access controls take no tags.
 */
public final class AwsCloudFrontOriginAccessControlKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_origin_access_control";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("access_control", "access_control")
      .property("origin_access_control_description", "string", "A description of the control.")
      .property("origin_access_control_signing_protocol", "string", "How CloudFront signs its origin requests: sigv4.")
      .property("origin_access_control_signing_behavior", "string",
          "Which origin requests CloudFront signs: always, never or no-override (keeps the viewer's Authorization header).")
      .property("origin_access_control_origin_access_control_origin_type", "string",
          "The kind of origin the control is for: s3, mediastore, lambda or mediapackagev2.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontOriginAccessControlKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontOriginAccessControlKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListOriginAccessControls");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    for (OriginAccessControlSummary c : new ListOriginAccessControlsIterable(cf,
        ListOriginAccessControlsRequest.builder().maxItems(String.valueOf(pageSize)).build()).items()) {
      ctx.add(node(ctx, c));
    }
  }

  /** Maps an origin access control. */
  static Node node(KindContext ctx, OriginAccessControlSummary c) {
    Node.Builder b = ctx.node(KIND, c.id()).name(c.name());
    put(b, "origin_access_control_description", CloudFrontValues.text(c.description()));
    put(b, "origin_access_control_signing_protocol", c.signingProtocolAsString());
    put(b, "origin_access_control_signing_behavior", c.signingBehaviorAsString());
    put(b, "origin_access_control_origin_access_control_origin_type", c.originAccessControlOriginTypeAsString());
    return KindContext.arn(b, CloudFrontValues.arn(ctx, "origin-access-control/" + c.id())).build();
  }
}
