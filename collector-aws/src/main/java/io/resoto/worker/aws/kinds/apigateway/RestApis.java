package io.resoto.worker.aws.kinds.apigateway;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * What the API Gateway kinds share: the region's REST APIs (listed once per account and region for
 * all of the REST API family, since each of its kinds needs them), ARNs, tag calls.
 *
 * <p>API Gateway's resources have ARNs without an account: {@code arn:aws:apigateway:<region>::<path>},
 * e.g. {@code /restapis/<id>/stages/<name>}; these are what its tag calls take. IAM authorises its
 * read calls as {@code apigateway:GET} on those paths; {@code apiCalls()} names the operations.
 */
final class RestApis {

  static final String REST_API = "aws_apigateway_rest_api";
  static final String DEPLOYMENT = "aws_apigateway_deployment";
  static final String STAGE = "aws_apigateway_stage";
  static final String RESOURCE = "aws_apigateway_resource";
  static final String AUTHORIZER = "aws_apigateway_authorizer";
  static final String VPC_ENDPOINT = "aws_vpc_endpoint";

  /** The largest page API Gateway's listings answer. */
  static final int MAX_PAGE = 500;

  /** apigateway:TagResource and apigateway:UntagResource with the resource's ARN. */
  static final Optional<TagSupport> TAGS = Optional.of(TagSupport.of(
      List.of("apigateway:TagResource"),
      (ctx, key, value) -> ctx.client(ApiGatewayClient.builder())
          .tagResource(r -> r.resourceArn(ctx.arn()).tags(Map.of(key, value))),
      List.of("apigateway:UntagResource"),
      (ctx, key) -> ctx.client(ApiGatewayClient.builder()).untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key))));

  private RestApis() {}

  /** Every page of GetRestApis, once per account and region for all kinds of the family. */
  static List<RestApi> list(KindContext ctx, int pageSize) throws Exception {
    return ctx.shared("apigateway:GetRestApis:" + ctx.account().id() + ":" + ctx.region(), () ->
        ctx.client(ApiGatewayClient.builder()).getRestApisPaginator(b -> b.limit(pageSize)).items().stream().toList());
  }

  /** {@code arn:<partition>:apigateway:<region>::<path>}. */
  static String arn(KindContext ctx, String path) {
    return "arn:" + ctx.partition() + ":apigateway:" + ctx.region() + "::" + path;
  }

  /** Sets a property when the API returned a value (empty lists and maps count as none). */
  static void put(Node.Builder b, String name, Object value) {
    if (value != null && !(value instanceof List<?> l && l.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty())) {
      b.property(name, value);
    }
  }
}
