package io.resoto.worker.awssim.resources.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.GetPolicyRequest;
import software.amazon.awssdk.services.lambda.model.GetPolicyResponse;
import software.amazon.awssdk.services.lambda.model.ListFunctionsRequest;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.ListTagsRequest;
import software.amazon.awssdk.services.lambda.model.ListTagsResponse;
import software.amazon.awssdk.services.lambda.model.TagResourceRequest;
import software.amazon.awssdk.services.lambda.model.TagResourceResponse;
import software.amazon.awssdk.services.lambda.model.UntagResourceRequest;
import software.amazon.awssdk.services.lambda.model.UntagResourceResponse;

/**
 * Lambda functions (REST-JSON): ListFunctions, GetFunctionUrlConfig, GetPolicy, ListTags,
 * TagResource and UntagResource, from the estate's {@code lambda} collections: {@code Functions}
 * ({@link FunctionConfiguration}, ListFunctions' item), {@code FunctionUrlConfigs}
 * ({@link GetFunctionUrlConfigResponse}, by {@code FunctionArn}), {@code Permissions}
 * ({@link AddPermissionRequest}: the statements of the functions' resource policies, which
 * GetPolicy composes into the policy document as AWS does) and {@code FunctionTags}
 * ({@link TagResourceRequest}: Resource = function ARN, Tags).
 *
 * <p>As in AWS: a function is named by its name or ARN; an unknown function, a function without
 * URL or without any permission is {@code ResourceNotFoundException} (404); ListFunctions pages
 * by {@code MaxItems} (1..50, default 50) and {@code Marker}; a foreign marker is
 * {@code InvalidParameterValueException}; a function holds at most 50 tags, and {@code aws:} keys
 * are refused.
 */
public final class LambdaFunctionsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ItemKey<FunctionConfiguration> BY_NAME =
      ItemKey.of("FunctionName", FunctionConfiguration::functionName);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("Resource", TagResourceRequest::resource);
  private static final ItemKey<GetFunctionUrlConfigResponse> URL =
      ItemKey.of("FunctionArn", GetFunctionUrlConfigResponse::functionArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public LambdaFunctionsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListFunctionsRequest.class, (ctx, req) -> {
      List<FunctionConfiguration> all = store.regional(ctx, "lambda", "Functions", FunctionConfiguration.class);
      Page<FunctionConfiguration> page;
      try {
        page = Page.of(all, "lambda:ListFunctions:" + ctx.caller().accountId() + ":" + ctx.region(),
            req.marker(), req.maxItems(), 50, 50);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidParameterValueException", e.getMessage());
      }
      return ListFunctionsResponse.builder().functions(page.items()).nextMarker(page.nextToken()).build();
    });
    registry.on(GetFunctionUrlConfigRequest.class, (ctx, req) -> {
      FunctionConfiguration f = function(store, ctx, req.functionName());
      GetFunctionUrlConfigResponse url =
          store.findRegional(ctx, "lambda", "FunctionUrlConfigs", GetFunctionUrlConfigResponse.class, URL, f.functionArn());
      if (url == null) {
        throw notFound("Function does not exist");
      }
      return url;
    });
    registry.on(GetPolicyRequest.class, (ctx, req) -> {
      FunctionConfiguration f = function(store, ctx, req.functionName());
      List<AddPermissionRequest> statements = store.regional(ctx, "lambda", "Permissions", AddPermissionRequest.class)
          .stream().filter(p -> f.functionName().equals(name(p.functionName()))).toList();
      if (statements.isEmpty()) {
        throw notFound("The resource you requested does not exist.");
      }
      return GetPolicyResponse.builder().policy(policy(f, statements)).revisionId(f.revisionId()).build();
    });
    registry.on(ListTagsRequest.class, (ctx, req) -> {
      FunctionConfiguration f = function(store, ctx, req.resource());
      TagResourceRequest tags = store.findRegional(ctx, "lambda", "FunctionTags", TagResourceRequest.class, TAGS,
          f.functionArn());
      return ListTagsResponse.builder().tags(tags == null ? Map.of() : tags.tags()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      FunctionConfiguration f = function(store, ctx, req.resource());
      for (String key : req.tags().keySet()) {
        if (!TagRules.isUserKey(key)) {
          throw AwsError.of(400, "InvalidParameterValueException", "Tag key " + key + " is not valid.");
        }
      }
      store.updateRegional(ctx, "lambda", "FunctionTags", TagResourceRequest.class, TAGS, f.functionArn(), t -> {
        Map<String, String> tags = new HashMap<>(t == null ? Map.of() : t.tags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "InvalidParameterValueException", "Number of tags exceeds resource tag limit.");
        }
        return TagResourceRequest.builder().resource(f.functionArn()).tags(tags).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      FunctionConfiguration f = function(store, ctx, req.resource());
      store.updateRegional(ctx, "lambda", "FunctionTags", TagResourceRequest.class, TAGS, f.functionArn(), t -> {
        if (t == null) {
          return null;
        }
        Map<String, String> tags = new HashMap<>(t.tags());
        req.tagKeys().forEach(tags::remove);
        return t.toBuilder().tags(tags).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  /** The function a name or ARN (with or without qualifier) names. */
  private static FunctionConfiguration function(ResourceStore store, CallContext ctx, String nameOrArn) {
    FunctionConfiguration f = nameOrArn == null ? null
        : store.findRegional(ctx, "lambda", "Functions", FunctionConfiguration.class, BY_NAME, name(nameOrArn));
    if (f == null) {
      throw notFound("Function not found: " + nameOrArn);
    }
    return f;
  }

  /** {@code arn:aws:lambda:region:account:function:name[:qualifier]} or a plain name -> the name. */
  private static String name(String nameOrArn) {
    if (nameOrArn == null || !nameOrArn.startsWith("arn:")) {
      return nameOrArn;
    }
    String[] parts = nameOrArn.split(":");
    return parts.length > 6 ? parts[6] : nameOrArn;
  }

  private static AwsError notFound(String message) {
    return AwsError.of(404, "ResourceNotFoundException", message);
  }

  /** The resource policy as Lambda composes it from the function's permission statements. */
  private static String policy(FunctionConfiguration f, List<AddPermissionRequest> statements) {
    ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17").put("Id", "default");
    ArrayNode list = doc.putArray("Statement");
    for (AddPermissionRequest p : statements) {
      ObjectNode s = list.addObject().put("Sid", p.statementId()).put("Effect", "Allow");
      String principal = p.principal() == null ? "*" : p.principal();
      if (principal.endsWith(".amazonaws.com")) {
        s.putObject("Principal").put("Service", principal);
      } else if (principal.matches("\\d{12}")) {
        s.putObject("Principal").put("AWS", "arn:" + f.functionArn().split(":")[1] + ":iam::" + principal + ":root");
      } else {
        s.putObject("Principal").put("AWS", principal);
      }
      s.put("Action", p.action()).put("Resource", f.functionArn());
      ObjectNode condition = JSON.createObjectNode();
      if (p.sourceArn() != null) {
        condition.putObject("ArnLike").put("AWS:SourceArn", p.sourceArn());
      }
      if (p.sourceAccount() != null) {
        condition.putObject("StringEquals").put("AWS:SourceAccount", p.sourceAccount());
      }
      if (p.principalOrgID() != null) {
        condition.with("StringEquals").put("aws:PrincipalOrgID", p.principalOrgID());
      }
      if (p.functionUrlAuthTypeAsString() != null) {
        condition.with("StringEquals").put("lambda:FunctionUrlAuthType", p.functionUrlAuthTypeAsString());
      }
      if (!condition.isEmpty()) {
        s.set("Condition", condition);
      }
    }
    return doc.toString();
  }
}
