package io.resoto.worker.aws.kinds.cognito;

import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * {@code aws_cognito_group}: the groups of Cognito user pools (ListUserPools, then ListGroups per
 * pool; the original collects them inside the pool's collection). id is
 * {@code <pool id>:<group name>}, name the group name, ctime and mtime its creation and last
 * change; the ARN follows the original's template
 * {@code arn:{partition}:cognito-idp:{region}:{account}:group/{id}} (AWS gives groups none). The
 * pool points to each of its groups.
 *
 * <p>The group's IAM role (RoleArn) points to it with a default and a delete edge, as in the
 * original; the role is found by its ARN (its id is the RoleId, which the ARN does not carry).
 */
public final class AwsCognitoGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cognito_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("group", "access_control")
      .property("user_pool_id", "string", "The id of the user pool the group belongs to.")
      .property("description", "string", "The group's description.")
      .property("role_arn", "string", "The ARN of the IAM role the group's members assume, if any.")
      .property("precedence", "int64",
          "The group's rank among the user's groups: the lowest number's role wins in tokens.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCognitoGroupKind() {
    this(60);
  }

  /** The kind listing pools and groups in pages of this size (1..60; tests page small estates with it). */
  AwsCognitoGroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "cognito-idp", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cognito-idp:ListUserPools", "cognito-idp:ListGroups");
  }

  @Override
  public void collect(KindContext ctx) {
    CognitoIdentityProviderClient idp = ctx.client(CognitoIdentityProviderClient.builder());
    for (UserPoolDescriptionType p : CognitoPools.list(idp, pageSize)) {
      ctx.submit(() -> {
        for (GroupType g : idp.listGroupsPaginator(b -> b.userPoolId(p.id()).limit(pageSize)).groups()) {
          if (ctx.isCancelled()) {
            return;
          }
          Node node = ctx.add(node(ctx, p.id(), g));
          ctx.edgeFrom(AwsCognitoUserPoolKind.KIND, p.id(), node, EdgeType.DEFAULT);
          ctx.edgeFromArn(io.resoto.worker.aws.kinds.iam.AwsIamRoleKind.KIND, g.roleArn(), node, EdgeType.DEFAULT);
          ctx.edgeFromArn(io.resoto.worker.aws.kinds.iam.AwsIamRoleKind.KIND, g.roleArn(), node, EdgeType.DELETE);
        }
      });
    }
  }

  /** Maps a group: id = pool id + ":" + GroupName, name = GroupName. */
  static Node node(KindContext ctx, String poolId, GroupType g) {
    String id = poolId + ":" + g.groupName();
    Node.Builder b = ctx.node(KIND, id).name(g.groupName()).ctime(g.creationDate()).mtime(g.lastModifiedDate());
    put(b, "user_pool_id", poolId);
    put(b, "description", g.description());
    put(b, "role_arn", g.roleArn());
    put(b, "precedence", g.precedence());
    String arn = "arn:" + ctx.partition() + ":cognito-idp:" + ctx.regionName() + ":" + ctx.account().id() + ":group/"
        + id;
    return KindContext.arn(b, arn).build();
  }
}
