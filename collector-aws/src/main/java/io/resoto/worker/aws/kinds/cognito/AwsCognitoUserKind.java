package io.resoto.worker.aws.kinds.cognito;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * {@code aws_cognito_user}: the users of Cognito user pools (ListUserPools, then ListUsers per
 * pool; the original collects them inside the pool's collection, one class per kind here lists the
 * pools again, one cheap call per page). id and name are the user name, ctime and mtime its
 * creation and last change; the ARN follows the original's template
 * {@code arn:{partition}:cognito-idp:{region}:{account}:user/{id}} (AWS gives users none). The pool
 * points to each of its users.
 */
public final class AwsCognitoUserKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cognito_user";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("user", "access_control")
      .property("user_attributes", "dictionary[string, string]", "The user's attributes (sub, email, ...) by name.")
      .property("user_enabled", "boolean", "Whether the user is enabled.")
      .property("user_status", "string", "The user's status: UNCONFIRMED, CONFIRMED, EXTERNAL_PROVIDER, "
          + "RESET_REQUIRED, FORCE_CHANGE_PASSWORD, ...")
      .property("user_mfa_options", "dictionary[string, any][]",
          "The user's SMS MFA settings: delivery medium and the attribute it is sent to.")
      .property("user_pool_id", "string", "The id of the user pool the user belongs to.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCognitoUserKind() {
    this(60);
  }

  /** The kind listing pools and users in pages of this size (1..60; tests page small estates with it). */
  AwsCognitoUserKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "cognito-idp", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cognito-idp:ListUserPools", "cognito-idp:ListUsers");
  }

  @Override
  public void collect(KindContext ctx) {
    CognitoIdentityProviderClient idp = ctx.client(CognitoIdentityProviderClient.builder());
    for (UserPoolDescriptionType p : CognitoPools.list(idp, pageSize)) {
      ctx.submit(() -> {
        for (UserType u : idp.listUsersPaginator(b -> b.userPoolId(p.id()).limit(pageSize)).users()) {
          if (ctx.isCancelled()) {
            return;
          }
          Node node = ctx.add(node(ctx, p.id(), u));
          ctx.edgeFrom(AwsCognitoUserPoolKind.KIND, p.id(), node, EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps a user: id and name = Username, ctime = UserCreateDate, mtime = UserLastModifiedDate. */
  static Node node(KindContext ctx, String poolId, UserType u) {
    Map<String, String> attributes = new LinkedHashMap<>();
    u.attributes().forEach(a -> attributes.put(a.name(), a.value()));
    Node.Builder b = ctx.node(KIND, u.username()).name(u.username()).ctime(u.userCreateDate())
        .mtime(u.userLastModifiedDate());
    put(b, "user_attributes", attributes);
    put(b, "user_enabled", u.enabled());
    put(b, "user_status", u.userStatusAsString());
    put(b, "user_mfa_options", plain(u.mfaOptions()));
    put(b, "user_pool_id", poolId);
    String arn = "arn:" + ctx.partition() + ":cognito-idp:" + ctx.regionName() + ":" + ctx.account().id() + ":user/"
        + u.username();
    return KindContext.arn(b, arn).build();
  }
}
