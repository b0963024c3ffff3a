package io.resoto.worker.aws.kinds.apigateway;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;
import static io.resoto.worker.aws.kinds.apigateway.RestApis.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code aws_apigateway_deployment}: the deployments of every REST API (GetRestApis, shared with
 * the family, then GetDeployments per API). id and name are the deployment id, ctime its creation
 * date, the ARN {@code arn:<partition>:apigateway:<region>::/restapis/<api>/deployments/<id>}. The
 * API points to its deployments; a deployment's stages hang under it (the stage kind makes that
 * edge).
 */
public final class AwsApiGatewayDeploymentKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = RestApis.DEPLOYMENT;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "networking")
      .successors(EdgeType.DEFAULT, RestApis.STAGE)
      .property("description", "string", "The deployment's description.")
      .property("deployment_api_summary", OBJECT,
          "Per resource path and HTTP method, whether an authorization type and an API key are required.")
      .property("api_link", "string", "The id of the REST API the deployment belongs to.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsApiGatewayDeploymentKind() {
    this(RestApis.MAX_PAGE);
  }

  /** The kind listing in pages of this size (1..500; tests page small estates with it). */
  AwsApiGatewayDeploymentKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "apigateway", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("apigateway:GetRestApis", "apigateway:GetDeployments");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    ApiGatewayClient apigateway = ctx.client(ApiGatewayClient.builder());
    for (RestApi api : RestApis.list(ctx, pageSize)) {
      ctx.submit(() -> {
        for (Deployment d : apigateway.getDeploymentsPaginator(b -> b.restApiId(api.id()).limit(pageSize)).items()) {
          Node node = ctx.add(node(ctx, api.id(), d));
          ctx.edgeFrom(RestApis.REST_API, api.id(), node, EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps a deployment: id and name = the deployment id. */
  static Node node(KindContext ctx, String apiId, Deployment d) {
    Node.Builder b = ctx.node(KIND, d.id()).name(d.id()).ctime(d.createdDate());
    put(b, "description", d.description());
    put(b, "deployment_api_summary", plain(d.apiSummary()));
    put(b, "api_link", apiId);
    return KindContext.arn(b, RestApis.arn(ctx, "/restapis/" + apiId + "/deployments/" + d.id())).build();
  }
}
