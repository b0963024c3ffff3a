package io.resoto.worker.aws.kinds.cognito;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LambdaConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * {@code aws_cognito_user_pool}: Cognito user pools (ListUserPools, then ListTagsForResource per
 * pool). id is the pool id, name its name, ctime and mtime its creation and last change. The pool
 * points to the Lambda functions of its triggers (by function name) and to the KMS key of its
 * custom sender triggers; those point back to the pool by delete edges. Its users and groups are
 * the kinds {@code aws_cognito_user} and {@code aws_cognito_group}, which link themselves to it.
 *
 * <p>The original's ARN template names the pool by its name ({@code userpool/{name}}); AWS names it
 * by its id, and the tag calls need the real ARN, so the ARN here is {@code userpool/{id}}.
 */
public final class AwsCognitoUserPoolKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cognito_user_pool";

  static final String LAMBDA_FUNCTION = "aws_lambda_function";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("group", "access_control")
      .successors(EdgeType.DEFAULT, AwsCognitoUserKind.KIND, AwsCognitoGroupKind.KIND, LAMBDA_FUNCTION,
          AwsKmsKeyKind.KIND)
      .property("pool_status", "string", "The pool's status (Enabled or Disabled; AWS no longer sets it).")
      .property("pool_lambda_config", "dictionary[string, any]",
          "The Lambda triggers of the pool (pre sign-up, post confirmation, custom senders, ...) and their KMS key.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCognitoUserPoolKind() {
    this(CognitoPools.MAX_POOLS_PAGE);
  }

  /** The kind listing pools in pages of this size (1..60; tests page small estates with it). */
  AwsCognitoUserPoolKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "cognito-idp", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cognito-idp:ListUserPools", "cognito-idp:ListTagsForResource");
  }

  /** Tags through cognito-idp:TagResource and cognito-idp:UntagResource with the pool's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("cognito-idp:TagResource"),
        (ctx, key, value) -> ctx.client(CognitoIdentityProviderClient.builder())
            .tagResource(r -> r.resourceArn(ctx.arn()).tags(Map.of(key, value))),
        List.of("cognito-idp:UntagResource"),
        (ctx, key) -> ctx.client(CognitoIdentityProviderClient.builder())
            .untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    CognitoIdentityProviderClient idp = ctx.client(CognitoIdentityProviderClient.builder());
    for (UserPoolDescriptionType p : CognitoPools.list(idp, pageSize)) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        String arn = CognitoPools.arn(ctx, p.id());
        Map<String, String> tags = idp.listTagsForResource(b -> b.resourceArn(arn)).tags();
        Node node = ctx.add(node(ctx, p, arn, tags));
        LambdaConfigType lambdas = p.lambdaConfig();
        if (lambdas != null) {
          for (String function : functionNames(lambdas)) {
            ctx.edge(node, LAMBDA_FUNCTION, function, EdgeType.DEFAULT);
            ctx.edgeFrom(LAMBDA_FUNCTION, function, node, EdgeType.DELETE);
          }
          String key = AwsKmsKeyKind.keyId(lambdas.kmsKeyID());
          ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
        }
      });
    }
  }

  /** The names of the Lambda functions the triggers name (by ARN), each once. */
  static Set<String> functionNames(LambdaConfigType c) {
    Set<String> out = new LinkedHashSet<>();
    for (String arn : new String[] {c.preSignUp(), c.customMessage(), c.postConfirmation(), c.preAuthentication(),
        c.postAuthentication(), c.defineAuthChallenge(), c.createAuthChallenge(), c.verifyAuthChallengeResponse(),
        c.preTokenGeneration(), c.userMigration(),
        c.preTokenGenerationConfig() == null ? null : c.preTokenGenerationConfig().lambdaArn(),
        c.customSMSSender() == null ? null : c.customSMSSender().lambdaArn(),
        c.customEmailSender() == null ? null : c.customEmailSender().lambdaArn()}) {
      String name = functionName(arn);
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }

  /** arn:aws:lambda:region:account:function:NAME[:qualifier] -> NAME. */
  static String functionName(String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":");
    return parts.length >= 7 && "function".equals(parts[5]) ? parts[6] : null;
  }

  /** Maps a pool: id = Id, name = Name, ctime = CreationDate, mtime = LastModifiedDate. */
  static Node node(KindContext ctx, UserPoolDescriptionType p, String arn, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, p.id()).name(p.name()).ctime(p.creationDate()).mtime(p.lastModifiedDate())
        .tags(tags);
    put(b, "pool_status", p.statusAsString());
    put(b, "pool_lambda_config", plain(p.lambdaConfig()));
    return KindContext.arn(b, arn).build();
  }
}
