package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;

/**
 * {@code aws_iam_server_certificate}: the server certificates stored in IAM (ListServerCertificates).
 * The listing carries metadata only, never the certificate body or key.
 */
public final class AwsIamServerCertificateKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_server_certificate";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("certificate", KindModel.AWS_RESOURCE)
      .display("certificate", "access_control")
      .property("path", "string", "The path to the server certificate, e.g. /cloudfront/.")
      .property("expiration", "datetime", "When the server certificate expires.")
      .build();

  /** Declares the kind. */
  public AwsIamServerCertificateKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  /** Tags through iam:TagServerCertificate and iam:UntagServerCertificate with the certificate name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return IamTags.SERVER_CERTIFICATE;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:ListServerCertificates");
  }

  @Override
  public void collect(KindContext ctx) {
    IamClient iam = ctx.client(IamClient.builder());
    for (ServerCertificateMetadata c : iam.listServerCertificatesPaginator(b -> {}).serverCertificateMetadataList()) {
      ctx.add(node(ctx, c));
    }
  }

  static Node node(KindContext ctx, ServerCertificateMetadata c) {
    // the listing has no tags; the original maps Tags with an empty default, so none are set
    Node.Builder b = ctx.node(KIND, c.serverCertificateId()).name(c.serverCertificateName()).ctime(c.uploadDate())
        .categories("access_control");
    IamSupport.put(b, "path", c.path());
    IamSupport.put(b, "expiration", c.expiration());
    return KindContext.arn(b, c.arn()).build();
  }
}
