package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * {@code aws_iam_access_key}: the access keys of every IAM user (ListAccessKeys per user, the
 * users from GetAccountAuthorizationDetails). Only the key id and its metadata are listed: AWS
 * never returns a secret after creation. The user points to its keys; the key must go before the
 * user can be deleted (delete edge key to user), as in the original's graph.
 */
public final class AwsIamAccessKeyKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_access_key";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("access_key", KindModel.AWS_RESOURCE)
      .display("key", "access_control")
      .property("user_name", "string", "The name of the IAM user the key belongs to.")
      .property("access_key_status", "string", "The status of the key: Active (usable) or Inactive.")
      .successors(EdgeType.DELETE, AwsIamUserKind.KIND)
      .build();

  /** Declares the kind. */
  public AwsIamAccessKeyKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:GetAccountAuthorizationDetails", "iam:ListAccessKeys");
  }

  @Override
  public void collect(KindContext ctx) {
    IamClient iam = ctx.client(IamClient.builder());
    for (GetAccountAuthorizationDetailsResponse page : IamSupport.authorizationDetails(ctx, EntityType.USER)) {
      for (UserDetail user : page.userDetailList()) {
        // one listing per user, each its own task: a user with a failing listing costs only its keys
        ctx.submit(() -> {
          for (AccessKeyMetadata k : iam.listAccessKeysPaginator(b -> b.userName(user.userName())).accessKeyMetadata()) {
            Node node = ctx.add(node(ctx, k));
            ctx.edgeFrom(AwsIamUserKind.KIND, user.userId(), node, EdgeType.DEFAULT);
            ctx.edge(node, AwsIamUserKind.KIND, user.userId(), EdgeType.DELETE);
          }
        });
      }
    }
  }

  static Node node(KindContext ctx, AccessKeyMetadata k) {
    // name = the user's name, as the original maps it; the metadata has no tags and no ARN
    Node.Builder b = ctx.node(KIND, k.accessKeyId()).name(k.userName()).ctime(k.createDate())
        .categories("access_control");
    IamSupport.put(b, "user_name", k.userName());
    IamSupport.put(b, "access_key_status", k.statusAsString());
    return b.build();
  }
}
