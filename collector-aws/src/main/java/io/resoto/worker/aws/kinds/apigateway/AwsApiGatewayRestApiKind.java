package io.resoto.worker.aws.kinds.apigateway;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.strings;
import static io.resoto.worker.aws.kinds.apigateway.RestApis.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * {@code aws_apigateway_rest_api}: API Gateway REST APIs (GetRestApis). id is the API id, name its
 * name, ctime its creation date, tags the API's own, the ARN {@code arn:<partition>:apigateway:<region>::/restapis/<id>}.
 * A private API points to the VPC endpoints it is reachable through (default and delete edges).
 * Its deployments, authorizers and resources, kinds of their own, hang under it (they make those
 * edges).
 */
public final class AwsApiGatewayRestApiKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = RestApis.REST_API;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "networking")
      .successors(EdgeType.DEFAULT, RestApis.VPC_ENDPOINT, RestApis.DEPLOYMENT, RestApis.AUTHORIZER, RestApis.RESOURCE)
      .successors(EdgeType.DELETE, RestApis.VPC_ENDPOINT)
      .property("description", "string", "The API's description.")
      .property("api_version", "string", "The version identifier of the API.")
      .property("api_warnings", "string[]", "The warnings API Gateway reported when the API was imported.")
      .property("api_binary_media_types", "string[]", "The media types the API treats as binary payloads.")
      .property("api_minimum_compression_size", "int64",
          "The smallest payload the API compresses, in bytes (unset: compression off).")
      .property("api_key_source", "string", "Where API keys are read from: HEADER or AUTHORIZER.")
      .property("api_endpoint_configuration", OBJECT,
          "The endpoint types (EDGE, REGIONAL, PRIVATE), IP address type and the VPC endpoints of a private API.")
      .property("api_policy", "string", "The API's resource policy, a JSON document.")
      .property("api_disable_execute_api_endpoint", "boolean",
          "Whether the default execute-api endpoint is disabled (clients must use a custom domain).")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsApiGatewayRestApiKind() {
    this(RestApis.MAX_PAGE);
  }

  /** The kind listing in pages of this size (1..500; tests page small estates with it). */
  AwsApiGatewayRestApiKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "apigateway", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("apigateway:GetRestApis");
  }

  /** Tags through apigateway:TagResource and apigateway:UntagResource with the API's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return RestApis.TAGS;
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    for (RestApi api : RestApis.list(ctx, pageSize)) {
      Node node = ctx.add(node(ctx, api));
      if (api.endpointConfiguration() != null) {
        for (String endpoint : api.endpointConfiguration().vpcEndpointIds()) {
          ctx.edge(node, RestApis.VPC_ENDPOINT, endpoint, EdgeType.DEFAULT);
          ctx.edge(node, RestApis.VPC_ENDPOINT, endpoint, EdgeType.DELETE);
        }
      }
    }
  }

  /** Maps an API: id = the API id, name = its name. */
  static Node node(KindContext ctx, RestApi a) {
    Node.Builder b = ctx.node(KIND, a.id()).name(a.name()).ctime(a.createdDate()).tags(a.tags());
    put(b, "description", a.description());
    put(b, "api_version", a.version());
    put(b, "api_warnings", strings(a.warnings()));
    put(b, "api_binary_media_types", strings(a.binaryMediaTypes()));
    put(b, "api_minimum_compression_size", a.minimumCompressionSize());
    put(b, "api_key_source", a.apiKeySourceAsString());
    put(b, "api_endpoint_configuration", plain(a.endpointConfiguration()));
    put(b, "api_policy", a.policy());
    put(b, "api_disable_execute_api_endpoint", a.disableExecuteApiEndpoint());
    return KindContext.arn(b, RestApis.arn(ctx, "/restapis/" + a.id())).build();
  }
}
