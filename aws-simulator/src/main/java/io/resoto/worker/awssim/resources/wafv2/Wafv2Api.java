package io.resoto.worker.awssim.resources.wafv2;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.wafv2.model.AssociateWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.GetLoggingConfigurationRequest;
import software.amazon.awssdk.services.wafv2.model.GetLoggingConfigurationResponse;
import software.amazon.awssdk.services.wafv2.model.GetWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.GetWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListResourcesForWebAclRequest;
import software.amazon.awssdk.services.wafv2.model.ListResourcesForWebAclResponse;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsRequest;
import software.amazon.awssdk.services.wafv2.model.ListWebAcLsResponse;
import software.amazon.awssdk.services.wafv2.model.ListLoggingConfigurationsRequest;
import software.amazon.awssdk.services.wafv2.model.ListLoggingConfigurationsResponse;
import software.amazon.awssdk.services.wafv2.model.LoggingConfiguration;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

/**
 * WAFv2 web ACLs (JSON 1.1, target prefix {@code AWSWAF_20190729}): ListWebACLs, GetWebACL,
 * ListResourcesForWebACL, GetLoggingConfiguration and ListLoggingConfigurations, from the estate's {@code wafv2} collections
 * per region: {@code WebACLs} ({@link WebACL}; its ARN says its scope, {@code .../regional/webacl/...}
 * or {@code .../global/webacl/...}, the CloudFront ones living in us-east-1),
 * {@code Associations} ({@link AssociateWebAclRequest}: WebACLArn, ResourceArn) and
 * {@code LoggingConfigurations} ({@link LoggingConfiguration}, by ResourceArn).
 *
 * <p>As in AWS: scope CLOUDFRONT is only served in us-east-1 (elsewhere
 * {@code WAFInvalidParameterException}); ListWebACLs pages by {@code Limit} (1..100, default 100)
 * and {@code NextMarker}, and so does ListLoggingConfigurations (the
 * configurations of the scope's ACLs of the asked LogScope, default CUSTOMER); an unknown ACL (name, id and scope must match) is
 * {@code WAFNonexistentItemException}, and so is an ACL without logging configuration;
 * ListResourcesForWebACL answers the associated resources of the asked type (default
 * APPLICATION_LOAD_BALANCER) of a regional ACL.
 */
public final class Wafv2Api implements ResourceApi {

  private static final String S = "wafv2";
  private static final ItemKey<WebACL> BY_ARN = ItemKey.of("ARN", WebACL::arn);
  private static final ItemKey<LoggingConfiguration> LOGGING = ItemKey.of("ResourceArn", LoggingConfiguration::resourceArn);

  /** Registered in {@code ResourceApis.ALL}. */
  public Wafv2Api() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListWebAcLsRequest.class, (ctx, req) -> {
      String scope = scope(ctx, req.scopeAsString());
      List<WebACLSummary> all = store.regional(ctx, S, "WebACLs", WebACL.class).stream()
          .filter(a -> scope.equals(scopeOf(a.arn())))
          .map(a -> WebACLSummary.builder().name(a.name()).id(a.id()).arn(a.arn()).description(a.description())
              .lockToken(lockToken(a)).build()).toList();
      Page<WebACLSummary> page;
      try {
        page = Page.of(all, "wafv2:ListWebACLs:" + ctx.caller().accountId() + ":" + ctx.region() + ":" + scope,
            req.nextMarker(), req.limit(), 100, 100);
      } catch (AwsError e) {
        throw AwsError.of(400, "WAFInvalidParameterException", "The parameter Limit or NextMarker is not valid.");
      }
      return ListWebAcLsResponse.builder().webACLs(page.items()).nextMarker(page.nextToken()).build();
    });
    registry.on(GetWebAclRequest.class, (ctx, req) -> {
      WebACL acl;
      if (req.arn() != null) {
        acl = acl(store, ctx, req.arn());
      } else {
        String scope = scope(ctx, req.scopeAsString());
        acl = store.regional(ctx, S, "WebACLs", WebACL.class).stream()
            .filter(a -> a.name().equals(req.name()) && a.id().equals(req.id()) && scope.equals(scopeOf(a.arn())))
            .findFirst().orElseThrow(Wafv2Api::nonexistent);
      }
      return GetWebAclResponse.builder().webACL(acl).lockToken(lockToken(acl)).build();
    });
    registry.on(ListResourcesForWebAclRequest.class, (ctx, req) -> {
      WebACL acl = acl(store, ctx, req.webACLArn());
      if (!"REGIONAL".equals(scopeOf(acl.arn()))) {
        throw AwsError.of(400, "WAFInvalidParameterException", "ListResourcesForWebACL takes a regional web ACL.");
      }
      String type = req.resourceTypeAsString() == null ? "APPLICATION_LOAD_BALANCER" : req.resourceTypeAsString();
      List<String> arns = store.regional(ctx, S, "Associations", AssociateWebAclRequest.class).stream()
          .filter(a -> acl.arn().equals(a.webACLArn()) && type.equals(typeOf(a.resourceArn())))
          .map(AssociateWebAclRequest::resourceArn).toList();
      return ListResourcesForWebAclResponse.builder().resourceArns(arns).build();
    });
    registry.on(ListLoggingConfigurationsRequest.class, (ctx, req) -> {
      String scope = scope(ctx, req.scopeAsString());
      String logScope = req.logScopeAsString() == null ? "CUSTOMER" : req.logScopeAsString();
      List<LoggingConfiguration> all = store.regional(ctx, S, "LoggingConfigurations", LoggingConfiguration.class)
          .stream().filter(l -> scope.equals(scopeOf(l.resourceArn())))
          .filter(l -> logScope.equals(l.logScopeAsString() == null ? "CUSTOMER" : l.logScopeAsString())).toList();
      Page<LoggingConfiguration> page;
      try {
        page = Page.of(all, "wafv2:ListLoggingConfigurations:" + ctx.caller().accountId() + ":" + ctx.region() + ":"
            + scope + ":" + logScope, req.nextMarker(), req.limit(), 100, 100);
      } catch (AwsError e) {
        throw AwsError.of(400, "WAFInvalidParameterException", "The parameter Limit or NextMarker is not valid.");
      }
      return ListLoggingConfigurationsResponse.builder().loggingConfigurations(page.items())
          .nextMarker(page.nextToken()).build();
    });
    registry.on(GetLoggingConfigurationRequest.class, (ctx, req) -> {
      acl(store, ctx, req.resourceArn());
      LoggingConfiguration l = store.findRegional(ctx, S, "LoggingConfigurations", LoggingConfiguration.class, LOGGING,
          req.resourceArn());
      if (l == null) {
        throw nonexistent();
      }
      return GetLoggingConfigurationResponse.builder().loggingConfiguration(l).build();
    });
  }

  private static WebACL acl(ResourceStore store, CallContext ctx, String arn) {
    WebACL acl = arn == null ? null : store.findRegional(ctx, S, "WebACLs", WebACL.class, BY_ARN, arn);
    if (acl == null) {
      throw nonexistent();
    }
    return acl;
  }

  private static AwsError nonexistent() {
    return AwsError.of(400, "WAFNonexistentItemException",
        "AWS WAF couldn’t perform the operation because your resource doesn’t exist.");
  }

  private static String scope(CallContext ctx, String scope) {
    if (!"REGIONAL".equals(scope) && !"CLOUDFRONT".equals(scope)) {
      throw AwsError.of(400, "WAFInvalidParameterException", "The parameter Scope is not valid: " + scope);
    }
    if ("CLOUDFRONT".equals(scope) && !"us-east-1".equals(ctx.region())) {
      throw AwsError.of(400, "WAFInvalidParameterException",
          "Scope CLOUDFRONT is only available in the US East (N. Virginia) Region, us-east-1.");
    }
    return scope;
  }

  private static String scopeOf(String arn) {
    return arn != null && arn.contains(":global/webacl/") ? "CLOUDFRONT" : "REGIONAL";
  }

  private static String typeOf(String resourceArn) {
    if (resourceArn.contains(":elasticloadbalancing:")) {
      return "APPLICATION_LOAD_BALANCER";
    } else if (resourceArn.contains(":apigateway:")) {
      return "API_GATEWAY";
    } else if (resourceArn.contains(":cognito-idp:")) {
      return "COGNITO_USER_POOL";
    } else if (resourceArn.contains(":appsync:")) {
      return "APPSYNC";
    }
    return "OTHER";
  }

  private static String lockToken(WebACL acl) {
    return UUID.nameUUIDFromBytes(String.valueOf(acl.hashCode()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
  }
}
