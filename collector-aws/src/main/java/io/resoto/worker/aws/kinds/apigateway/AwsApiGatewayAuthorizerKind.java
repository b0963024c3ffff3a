package io.resoto.worker.aws.kinds.apigateway;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.strings;
import static io.resoto.worker.aws.kinds.apigateway.RestApis.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code aws_apigateway_authorizer}: the authorizers of every REST API (GetRestApis, shared with
 * the family, then GetAuthorizers per API, followed page by page: the SDK has no paginator for
 * it). id is the authorizer id, name its name, the ARN
 * {@code arn:<partition>:apigateway:<region>::/restapis/<api>/authorizers/<id>}. The API points to
 * its authorizers. A Lambda authorizer points to its function (by the name in its URI) and the
 * function to it over a delete edge; a Cognito authorizer points to its user pools.
 *
 * <p>The role in {@code authorizer_credentials} points to the authorizer (default and delete
 * edges, as the original), found by its ARN.
 */
public final class AwsApiGatewayAuthorizerKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = RestApis.AUTHORIZER;

  private static final String LAMBDA = "aws_lambda_function";
  private static final String USER_POOL = "aws_cognito_user_pool";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "access_control")
      .successors(EdgeType.DEFAULT, LAMBDA, USER_POOL)
      .property("authorizer_type", "string", "The authorizer's type: TOKEN, REQUEST (Lambda) or COGNITO_USER_POOLS.")
      .property("authorizer_provider_arns", "string[]", "The Cognito user pools a COGNITO_USER_POOLS authorizer accepts.")
      .property("authorizer_auth_type", "string", "A free-form label of the authorization type.")
      .property("authorizer_uri", "string", "The invocation URI of a Lambda authorizer's function.")
      .property("authorizer_credentials", "string", "The role API Gateway assumes to invoke the authorizer.")
      .property("authorizer_identity_source", "string",
          "Where the identity is read from, e.g. method.request.header.Authorization.")
      .property("authorizer_identity_validation_expression", "string",
          "The regular expression a TOKEN authorizer's incoming token must match.")
      .property("authorizer_result_ttl_in_seconds", "int64", "How long the authorizer's answer is cached, in seconds.")
      .property("api_link", "string", "The id of the REST API the authorizer belongs to.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsApiGatewayAuthorizerKind() {
    this(RestApis.MAX_PAGE);
  }

  /** The kind listing in pages of this size (1..500; tests page small estates with it). */
  AwsApiGatewayAuthorizerKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "apigateway", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("apigateway:GetRestApis", "apigateway:GetAuthorizers");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    ApiGatewayClient apigateway = ctx.client(ApiGatewayClient.builder());
    for (RestApi api : RestApis.list(ctx, pageSize)) {
      ctx.submit(() -> {
        String position = null;
        do {
          String from = position;
          GetAuthorizersResponse page = apigateway.getAuthorizers(b -> b.restApiId(api.id()).limit(pageSize)
              .position(from));
          for (Authorizer a : page.items()) {
            Node node = ctx.add(node(ctx, api.id(), a));
            ctx.edgeFrom(RestApis.REST_API, api.id(), node, EdgeType.DEFAULT);
            String function = functionName(a.authorizerUri());
            ctx.edge(node, LAMBDA, function, EdgeType.DEFAULT);
            ctx.edgeFrom(LAMBDA, function, node, EdgeType.DELETE);
            ctx.edgeFromArn(io.resoto.worker.aws.kinds.iam.AwsIamRoleKind.KIND, a.authorizerCredentials(), node,
                EdgeType.DEFAULT);
            ctx.edgeFromArn(io.resoto.worker.aws.kinds.iam.AwsIamRoleKind.KIND, a.authorizerCredentials(), node,
                EdgeType.DELETE);
            for (String pool : a.providerARNs()) {
              ctx.edge(node, USER_POOL, pool.substring(pool.lastIndexOf('/') + 1), EdgeType.DEFAULT);
            }
          }
          position = page.position() == null || page.position().isEmpty() ? null : page.position();
        } while (position != null && !ctx.isCancelled());
      });
    }
  }

  /** Maps an authorizer: id = the authorizer id, name = its name. */
  static Node node(KindContext ctx, String apiId, Authorizer a) {
    Node.Builder b = ctx.node(KIND, a.id()).name(a.name());
    put(b, "authorizer_type", a.typeAsString());
    put(b, "authorizer_provider_arns", strings(a.providerARNs()));
    put(b, "authorizer_auth_type", a.authType());
    put(b, "authorizer_uri", a.authorizerUri());
    put(b, "authorizer_credentials", a.authorizerCredentials());
    put(b, "authorizer_identity_source", a.identitySource());
    put(b, "authorizer_identity_validation_expression", a.identityValidationExpression());
    put(b, "authorizer_result_ttl_in_seconds", a.authorizerResultTtlInSeconds());
    put(b, "api_link", apiId);
    return KindContext.arn(b, RestApis.arn(ctx, "/restapis/" + apiId + "/authorizers/" + a.id())).build();
  }

  /**
   * The function a Lambda authorizer invokes, by name (the function kind's id):
   * {@code arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/arn:aws:lambda:<region>:<account>:function:<name>/invocations}
   * gives {@code <name>}.
   */
  static String functionName(String uri) {
    if (uri == null || !uri.contains(":function:")) {
      return null;
    }
    String name = uri.substring(uri.lastIndexOf(":function:") + ":function:".length());
    if (name.endsWith("/invocations")) {
      name = name.substring(0, name.length() - "/invocations".length());
    }
    int qualifier = name.indexOf(':');
    return qualifier < 0 ? name : name.substring(0, qualifier);
  }
}
