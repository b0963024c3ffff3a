package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudfront.paginators.ListPublicKeysIterable;
import software.amazon.awssdk.services.cloudfront.model.PublicKeySummary;

/**
 * {@code aws_cloudfront_public_key}: the public keys CloudFront verifies signed URLs and cookies
 * and field-level encryption with (ListPublicKeys, every page). id is the key id, name its name,
 * ctime its upload; the ARN follows the original's template with CloudFront's empty region. Public
 * keys take no tags.
 */
public final class AwsCloudFrontPublicKeyKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_public_key";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("key", "access_control")
      .property("public_key_encoded_key", "string", "The public key, PEM encoded.")
      .property("public_key_comment", "string", "A comment on the key.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontPublicKeyKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontPublicKeyKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListPublicKeys");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    for (PublicKeySummary k : new ListPublicKeysIterable(cf,
        ListPublicKeysRequest.builder().maxItems(String.valueOf(pageSize)).build()).items()) {
      ctx.add(node(ctx, k));
    }
  }

  /** Maps a public key. */
  static Node node(KindContext ctx, PublicKeySummary k) {
    Node.Builder b = ctx.node(KIND, k.id()).name(k.name()).ctime(k.createdTime());
    put(b, "public_key_encoded_key", k.encodedKey());
    put(b, "public_key_comment", CloudFrontValues.text(k.comment()));
    return KindContext.arn(b, CloudFrontValues.arn(ctx, "public-key/" + k.id())).build();
  }
}
