package io.resoto.worker.aws.kinds.apigateway;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;
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
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;

/**
 * {@code aws_apigateway_stage}: the stages of every REST API (GetRestApis, shared with the family,
 * then one GetStages per API; the original asks per deployment, which answers the same stages with
 * more calls). Stage names repeat across APIs, so the id is {@code <api id>_<stage name>} as in
 * the original; name is the stage name, ctime and mtime its creation and last update. The ARN is
 * the one AWS's tag calls take, {@code arn:<partition>:apigateway:<region>::/restapis/<api>/stages/<name>}
 * (the original's template puts the synthetic id and the account in it, which names no resource).
 * A stage hangs under the deployment it serves.
 */
public final class AwsApiGatewayStageKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = RestApis.STAGE;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "networking")
      .property("description", "string", "The stage's description.")
      .property("stage_client_certificate_id", "string", "The client certificate API Gateway presents to the backend.")
      .property("stage_cache_cluster_enabled", "boolean", "Whether the stage has a response cache cluster.")
      .property("stage_cache_cluster_size", "string", "The cache cluster's size in GB, e.g. 0.5.")
      .property("stage_cache_status", "string", "The cache cluster's status, e.g. AVAILABLE.")
      .property("stage_method_settings", OBJECT,
          "Per method path (e.g. */*), the logging, metrics, throttling and caching settings.")
      .property("stage_variables", "dictionary[string, string]", "The stage variables.")
      .property("stage_documentation_version", "string", "The documentation version of the stage.")
      .property("stage_access_log_settings", OBJECT, "Where and in which format access logs are written.")
      .property("stage_canary_settings", OBJECT,
          "The canary release: percent_traffic, deployment_id, stage_variable_overrides, use_stage_cache.")
      .property("stage_tracing_enabled", "boolean", "Whether X-Ray tracing is enabled.")
      .property("stage_web_acl_arn", "string", "The WAF web ACL associated with the stage.")
      .property("api_link", "string", "The id of the REST API the stage belongs to.")
      .build();

  /** Declares the kind. */
  public AwsApiGatewayStageKind() {
    super(KIND, Scope.REGIONAL, "apigateway", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("apigateway:GetRestApis", "apigateway:GetStages");
  }

  /** Tags through apigateway:TagResource and apigateway:UntagResource with the stage's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return RestApis.TAGS;
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    ApiGatewayClient apigateway = ctx.client(ApiGatewayClient.builder());
    for (RestApi api : RestApis.list(ctx, RestApis.MAX_PAGE)) {
      ctx.submit(() -> {
        for (Stage s : apigateway.getStages(b -> b.restApiId(api.id())).item()) {
          Node node = ctx.add(node(ctx, api.id(), s));
          ctx.edgeFrom(RestApis.DEPLOYMENT, s.deploymentId(), node, EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps a stage: id = {@code <api id>_<stage name>}, name = the stage name. */
  static Node node(KindContext ctx, String apiId, Stage s) {
    Node.Builder b = ctx.node(KIND, apiId + "_" + s.stageName()).name(s.stageName()).ctime(s.createdDate())
        .mtime(s.lastUpdatedDate()).tags(s.tags());
    put(b, "description", s.description());
    put(b, "stage_client_certificate_id", s.clientCertificateId());
    put(b, "stage_cache_cluster_enabled", s.cacheClusterEnabled());
    put(b, "stage_cache_cluster_size", s.cacheClusterSize());
    put(b, "stage_cache_status", s.cacheClusterStatusAsString());
    put(b, "stage_method_settings", plain(s.methodSettings()));
    put(b, "stage_variables", s.hasVariables() ? s.variables() : null);
    put(b, "stage_documentation_version", s.documentationVersion());
    put(b, "stage_access_log_settings", plain(s.accessLogSettings()));
    put(b, "stage_canary_settings", plain(s.canarySettings()));
    put(b, "stage_tracing_enabled", s.tracingEnabled());
    put(b, "stage_web_acl_arn", s.webAclArn());
    put(b, "api_link", apiId);
    return KindContext.arn(b, RestApis.arn(ctx, "/restapis/" + apiId + "/stages/" + s.stageName())).build();
  }
}
