package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code aws_root_user}: the account's root user, from the {@code <root_account>} row of the IAM
 * credential report (generated and polled as the original does). The account points to it.
 */
public final class AwsRootUserKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_root_user";

  /** The resource id of the root user: there is one per account. */
  static final String ID = "root";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("user", KindModel.AWS_RESOURCE)
      .display("user", "access_control")
      .property("password_enabled", "boolean", "Whether the root user has a console password.")
      .property("password_last_used", "datetime", "When the root user's password was last used to sign in.")
      .property("mfa_active", "boolean", "Whether an MFA device is enabled for the root user.")
      .property("access_key_1_active", "boolean", "Whether the root user's first access key is active.")
      .property("access_key_2_active", "boolean", "Whether the root user's second access key is active.")
      .property("user_creation_time", "datetime", "When the account, and so its root user, was created.")
      .build();

  /** Declares the kind. */
  public AwsRootUserKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:GenerateCredentialReport", "iam:GetCredentialReport");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    Map<String, String> row = CredentialReport.read(ctx.client(IamClient.builder())).row(CredentialReport.ROOT);
    if (row.isEmpty()) {
      return;
    }
    Node node = ctx.add(node(ctx, row));
    // declared by the original (account -> root user); the engine drops it while it resolves
    // edges among collected nodes only, which the account node is not
    ctx.edgeFrom("aws_account", ctx.account().id(), node, EdgeType.DEFAULT);
  }

  static Node node(KindContext ctx, Map<String, String> row) {
    Node.Builder b = ctx.node(KIND, ID).name(ID).ctime(CredentialReport.time(row, "user_creation_time"))
        .categories("access_control");
    // AWS reports not_supported for the root's password_enabled: a last use means it has one
    Boolean password = CredentialReport.bool(row, "password_enabled");
    if (password == null && CredentialReport.time(row, "password_last_used") != null) {
      password = Boolean.TRUE;
    }
    IamSupport.put(b, "password_enabled", password);
    IamSupport.put(b, "password_last_used", CredentialReport.time(row, "password_last_used"));
    IamSupport.put(b, "mfa_active", CredentialReport.bool(row, "mfa_active"));
    IamSupport.put(b, "access_key_1_active", CredentialReport.bool(row, "access_key_1_active"));
    IamSupport.put(b, "access_key_2_active", CredentialReport.bool(row, "access_key_2_active"));
    IamSupport.put(b, "user_creation_time", CredentialReport.time(row, "user_creation_time"));
    return KindContext.arn(b, row.get("arn")).build();
  }
}
