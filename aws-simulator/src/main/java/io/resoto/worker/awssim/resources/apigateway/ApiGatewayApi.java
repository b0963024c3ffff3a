package io.resoto.worker.awssim.resources.apigateway;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.model.SdkObjects;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.DomainName;
import software.amazon.awssdk.services.apigateway.model.GetAuthorizersRequest;
import software.amazon.awssdk.services.apigateway.model.GetAuthorizersResponse;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentsRequest;
import software.amazon.awssdk.services.apigateway.model.GetDeploymentsResponse;
import software.amazon.awssdk.services.apigateway.model.GetDomainNamesRequest;
import software.amazon.awssdk.services.apigateway.model.GetDomainNamesResponse;
import software.amazon.awssdk.services.apigateway.model.GetResourcesRequest;
import software.amazon.awssdk.services.apigateway.model.GetResourcesResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApisRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApisResponse;
import software.amazon.awssdk.services.apigateway.model.GetStagesRequest;
import software.amazon.awssdk.services.apigateway.model.GetStagesResponse;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.RestApi;
import software.amazon.awssdk.services.apigateway.model.Stage;
import software.amazon.awssdk.services.apigateway.model.TagResourceRequest;
import software.amazon.awssdk.services.apigateway.model.TagResourceResponse;
import software.amazon.awssdk.services.apigateway.model.UntagResourceRequest;
import software.amazon.awssdk.services.apigateway.model.UntagResourceResponse;

/**
 * API Gateway REST APIs and custom domain names (REST-JSON): GetRestApis, GetDeployments,
 * GetStages, GetResources, GetAuthorizers, GetDomainNames, TagResource and UntagResource, from the
 * estate's {@code apigateway} collections: {@code RestApis} ({@link RestApi}), {@code DomainNames}
 * ({@link DomainName}), {@code ApiDetails} (per REST API, a mapping of {@code restApiId} and the
 * lists {@code deployments}, {@code stages}, {@code authorizers} and {@code resources} in the shape
 * of {@link Deployment}, {@link Stage}, {@link Authorizer} and {@link Resource}; read as raw data,
 * an entry is built into SDK objects when its API is asked for) and {@code Tags}
 * ({@link TagResourceRequest}: a resource's whole tag set once a tag call changed it).
 *
 * <p>As in AWS: listings page by {@code limit} (1..500, default 25) and {@code position}
 * ({@code BadRequestException} otherwise); an unknown API is {@code NotFoundException}; GetStages
 * answers every stage of the API, or those of {@code deploymentId}; GetResources answers methods
 * with their settings only with {@code embed=methods}, else their names; tag calls take the
 * resource's ARN ({@code arn:aws:apigateway:<region>::/restapis/<id>},
 * {@code .../restapis/<id>/stages/<name>}, {@code ::/domainnames/<name>}), an unknown one is
 * {@code NotFoundException}, keys starting with {@code aws:} are refused, at most 50 tags.
 */
public final class ApiGatewayApi implements ResourceApi {

  private static final String SERVICE = "apigateway";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<RestApi> API = ItemKey.of("id", RestApi::id);
  private static final ItemKey<DomainName> DOMAIN = ItemKey.of("domainName", DomainName::domainName);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("resourceArn", TagResourceRequest::resourceArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public ApiGatewayApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(GetRestApisRequest.class, (ctx, req) -> {
      List<RestApi> all = store.regional(ctx, SERVICE, "RestApis", RestApi.class).stream()
          .map(a -> a.toBuilder().tags(tags(store, ctx, arn(ctx, "/restapis/" + a.id()), a.tags())).build()).toList();
      Page<RestApi> page = page(all, ctx, "GetRestApis", req.position(), req.limit());
      return GetRestApisResponse.builder().items(page.items()).position(page.nextToken()).build();
    });
    registry.on(GetDeploymentsRequest.class, (ctx, req) -> {
      List<Deployment> all = details(store, ctx, req.restApiId(), "deployments", Deployment.class);
      Page<Deployment> page = page(all, ctx, "GetDeployments:" + req.restApiId(), req.position(), req.limit());
      return GetDeploymentsResponse.builder().items(page.items()).position(page.nextToken()).build();
    });
    registry.on(GetStagesRequest.class, (ctx, req) -> {
      List<Stage> stages = details(store, ctx, req.restApiId(), "stages", Stage.class).stream()
          .filter(s -> req.deploymentId() == null || req.deploymentId().equals(s.deploymentId()))
          .map(s -> s.toBuilder().tags(tags(store, ctx, arn(ctx, "/restapis/" + req.restApiId() + "/stages/"
              + s.stageName()), s.tags())).build())
          .toList();
      return GetStagesResponse.builder().item(stages).build();
    });
    registry.on(GetResourcesRequest.class, (ctx, req) -> {
      boolean embed = req.hasEmbed() && req.embed().contains("methods");
      List<Resource> all = details(store, ctx, req.restApiId(), "resources", Resource.class).stream()
          .map(r -> embed || !r.hasResourceMethods() ? r : r.toBuilder().resourceMethods(names(r)).build()).toList();
      Page<Resource> page = page(all, ctx, "GetResources:" + req.restApiId(), req.position(), req.limit());
      return GetResourcesResponse.builder().items(page.items()).position(page.nextToken()).build();
    });
    registry.on(GetAuthorizersRequest.class, (ctx, req) -> {
      List<Authorizer> all = details(store, ctx, req.restApiId(), "authorizers", Authorizer.class);
      Page<Authorizer> page = page(all, ctx, "GetAuthorizers:" + req.restApiId(), req.position(), req.limit());
      return GetAuthorizersResponse.builder().items(page.items()).position(page.nextToken()).build();
    });
    registry.on(GetDomainNamesRequest.class, (ctx, req) -> {
      List<DomainName> all = store.regional(ctx, SERVICE, "DomainNames", DomainName.class).stream()
          .map(d -> d.toBuilder().tags(tags(store, ctx, domainArn(ctx, d), d.tags())).build()).toList();
      Page<DomainName> page = page(all, ctx, "GetDomainNames", req.position(), req.limit());
      return GetDomainNamesResponse.builder().items(page.items()).position(page.nextToken()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      Map<String, String> current = existingTags(store, ctx, req.resourceArn());
      req.tags().forEach((k, v) -> {
        if (!TagRules.isUserKey(k) || v.length() > 256) {
          throw AwsError.of(400, "BadRequestException", "Invalid tag key or value: " + k);
        }
      });
      store.updateRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, req.resourceArn(), entry -> {
        Map<String, String> tags = new LinkedHashMap<>(current);
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "BadRequestException", "A resource holds at most " + MAX_TAGS + " tags.");
        }
        return TagResourceRequest.builder().resourceArn(req.resourceArn()).tags(tags).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      Map<String, String> current = existingTags(store, ctx, req.resourceArn());
      store.updateRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, req.resourceArn(), entry -> {
        Map<String, String> tags = new LinkedHashMap<>(current);
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().resourceArn(req.resourceArn()).tags(tags).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T> Page<T> page(List<T> all, CallContext ctx, String op, String position, Integer limit) {
    if (limit != null && (limit < 1 || limit > 500)) {
      throw AwsError.of(400, "BadRequestException", "Invalid limit: must be between 1 and 500.");
    }
    try {
      return Page.of(all, "apigateway:" + op + ":" + ctx.caller().accountId() + ":" + ctx.region(), position, limit,
          25, 500);
    } catch (AwsError e) {
      throw AwsError.of(400, "BadRequestException", "Invalid position parameter");
    }
  }

  /** One list of an API's details, built from the estate's raw entry; an unknown API is NotFoundException. */
  private static <T extends SdkPojo> List<T> details(ResourceStore store, CallContext ctx, String apiId, String list,
      Class<T> type) {
    if (apiId == null || store.findRegional(ctx, SERVICE, "RestApis", RestApi.class, API, apiId) == null) {
      throw AwsError.of(404, "NotFoundException", "Invalid API identifier specified " + ctx.caller().accountId() + ":"
          + apiId);
    }
    for (Object entry : store.regionalRaw(ctx, SERVICE, "ApiDetails")) {
      if (entry instanceof Map<?, ?> m && apiId.equals(m.get("restApiId"))) {
        List<T> out = new ArrayList<>();
        if (m.get(list) instanceof List<?> items) {
          for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
              out.add(SdkObjects.fromMap(type, item, "apigateway.ApiDetails[" + apiId + "]." + list + "[" + i + "]"));
            }
          }
        }
        return out;
      }
    }
    return List.of();
  }

  /** Without embed=methods AWS names a resource's methods but leaves their settings out. */
  private static Map<String, Method> names(Resource r) {
    Map<String, Method> out = new LinkedHashMap<>();
    r.resourceMethods().keySet().forEach(k -> out.put(k, Method.builder().build()));
    return out;
  }

  /** The resource's tags: the tag calls' last word, else the estate's. */
  private static Map<String, String> tags(ResourceStore store, CallContext ctx, String arn, Map<String, String> own) {
    TagResourceRequest written = store.findRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn);
    return written != null ? written.tags() : own;
  }

  /** The current tags of the resource an ARN names; NotFoundException for none. */
  private static Map<String, String> existingTags(ResourceStore store, CallContext ctx, String arn) {
    String prefix = arn(ctx, "");
    if (arn == null || !arn.startsWith(prefix)) {
      throw AwsError.of(400, "BadRequestException", "Invalid ARN: " + arn);
    }
    String[] path = arn.substring(prefix.length()).split("/");
    if (path.length == 3 && path[1].equals("restapis")) {
      RestApi api = store.findRegional(ctx, SERVICE, "RestApis", RestApi.class, API, path[2]);
      if (api != null) {
        return tags(store, ctx, arn, api.tags());
      }
    } else if (path.length == 5 && path[1].equals("restapis") && path[3].equals("stages")) {
      for (Stage s : details(store, ctx, path[2], "stages", Stage.class)) {
        if (s.stageName().equals(path[4])) {
          return tags(store, ctx, arn, s.tags());
        }
      }
    } else if (path.length == 3 && path[1].equals("domainnames")) {
      DomainName d = store.findRegional(ctx, SERVICE, "DomainNames", DomainName.class, DOMAIN, path[2]);
      if (d != null) {
        return tags(store, ctx, arn, d.tags());
      }
    } else {
      throw AwsError.of(400, "BadRequestException", "Invalid ARN: " + arn);
    }
    throw AwsError.of(404, "NotFoundException", "Invalid resource identifier specified: " + arn);
  }

  private static String arn(CallContext ctx, String path) {
    return "arn:aws:apigateway:" + ctx.region() + "::" + path;
  }

  private static String domainArn(CallContext ctx, DomainName d) {
    return arn(ctx, "/domainnames/" + d.domainName());
  }
}
