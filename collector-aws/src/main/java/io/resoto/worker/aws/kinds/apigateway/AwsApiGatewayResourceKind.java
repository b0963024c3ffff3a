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
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code aws_apigateway_resource}: the resources (paths) of every REST API (GetRestApis, shared
 * with the family, then GetResources per API with {@code embed=methods}, so each resource comes
 * with its methods and their integrations in the same call). id and name are the resource id, the
 * ARN {@code arn:<partition>:apigateway:<region>::/restapis/<api>/resources/<id>}. The API points to
 * its resources; a resource points to the authorizers its methods use.
 */
public final class AwsApiGatewayResourceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = RestApis.RESOURCE;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "networking")
      .successors(EdgeType.DEFAULT, RestApis.AUTHORIZER)
      .property("resource_parent_id", "string", "The id of the parent resource (none for the root, /).")
      .property("resource_path_part", "string", "The last part of the resource's path.")
      .property("resource_path", "string", "The resource's full path, e.g. /orders/{id}.")
      .property("resource_methods", OBJECT,
          "Per HTTP method: authorization type, authorizer id, API key requirement, request parameters and models, "
              + "method responses and the integration (type, URI, ...).")
      .property("api_link", "string", "The id of the REST API the resource belongs to.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsApiGatewayResourceKind() {
    this(RestApis.MAX_PAGE);
  }

  /** The kind listing in pages of this size (1..500; tests page small estates with it). */
  AwsApiGatewayResourceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "apigateway", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("apigateway:GetRestApis", "apigateway:GetResources");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    ApiGatewayClient apigateway = ctx.client(ApiGatewayClient.builder());
    for (RestApi api : RestApis.list(ctx, pageSize)) {
      ctx.submit(() -> {
        for (Resource r : apigateway.getResourcesPaginator(b -> b.restApiId(api.id()).embed("methods")
            .limit(pageSize)).items()) {
          Node node = ctx.add(node(ctx, api.id(), r));
          ctx.edgeFrom(RestApis.REST_API, api.id(), node, EdgeType.DEFAULT);
          for (Method m : r.resourceMethods().values()) {
            ctx.edge(node, RestApis.AUTHORIZER, m.authorizerId(), EdgeType.DEFAULT);
          }
        }
      });
    }
  }

  /** Maps a resource: id and name = the resource id. */
  static Node node(KindContext ctx, String apiId, Resource r) {
    Node.Builder b = ctx.node(KIND, r.id()).name(r.id());
    put(b, "resource_parent_id", r.parentId());
    put(b, "resource_path_part", r.pathPart());
    put(b, "resource_path", r.path());
    put(b, "resource_methods", plain(r.resourceMethods()));
    put(b, "api_link", apiId);
    return KindContext.arn(b, RestApis.arn(ctx, "/restapis/" + apiId + "/resources/" + r.id())).build();
  }
}
