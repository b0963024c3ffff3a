package io.resoto.worker.aws.kinds.waf;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.Partitions;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.aws.kinds.SdkMaps.Member;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.LoggingConfiguration;
import software.amazon.awssdk.services.wafv2.model.ResourceType;
import software.amazon.awssdk.services.wafv2.model.WebACL;
import software.amazon.awssdk.services.wafv2.model.WebACLSummary;

/**
 * {@code aws_waf_web_acl}: WAFv2 web ACLs (ListWebACLs, then GetWebACL per ACL, and for regional
 * ACLs ListResourcesForWebACL per resource type: application load balancers, API Gateway REST
 * APIs, Cognito user pools). The logging configurations of a scope are listed once
 * (ListLoggingConfigurations) when it has ACLs, not asked for per ACL as the original does. id is the ACL id,
 * name its name, the ARN {@code ARN}. WebACL carries no tags and, as in the original, no tag calls
 * are made.
 *
 * <p>Scope, unlike the original: the original is a global kind that lists both scopes only in
 * the partition's global region, so regional ACLs of every other region are never collected. Here
 * the kind is regional: each collected region lists its {@code REGIONAL} ACLs, and the partition's
 * global region (us-east-1 in aws, where WAF serves the scope) also lists the {@code CLOUDFRONT}
 * ones, once per account. They hang under that region's node; they are missed only when that
 * region itself is not collected.
 *
 * <p>Edges: the ACL points to the load balancers, REST APIs and user pools it protects
 * ({@code aws_apigateway_rest_api} and {@code aws_cognito_user_pool} are other groups' kinds).
 */
public final class AwsWafWebAclKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_waf_web_acl";

  static final List<Member> MEMBERS = List.of(
      new Member("waf_default_action", OBJECT, "DefaultAction", "What happens to a request no rule matches: allow or block, with custom handling."),
      new Member("waf_description", "string", "Description", "The ACL's description."),
      new Member("waf_rules", OBJECTS, "Rules", "The rules: name, priority, statement, action or override action, labels, visibility."),
      new Member("waf_visibility_config", OBJECT, "VisibilityConfig", "Sampled requests and CloudWatch metrics of the ACL: enabled and metric name."),
      new Member("waf_data_protection_config", OBJECT, "DataProtectionConfig", "Which fields are hashed or substituted in logs and sampled requests."),
      new Member("waf_capacity", "int64", "Capacity", "The web ACL capacity units (WCUs) the rules use."),
      new Member("waf_pre_process_firewall_manager_rule_groups", OBJECTS, "PreProcessFirewallManagerRuleGroups",
          "Firewall Manager rule groups evaluated before the ACL's rules."),
      new Member("waf_post_process_firewall_manager_rule_groups", OBJECTS, "PostProcessFirewallManagerRuleGroups",
          "Firewall Manager rule groups evaluated after the ACL's rules."),
      new Member("waf_managed_by_firewall_manager", "boolean", "ManagedByFirewallManager", "Whether Firewall Manager manages the ACL."),
      new Member("waf_label_namespace", "string", "LabelNamespace", "The prefix of the labels the ACL's rules add."),
      new Member("waf_custom_response_bodies", OBJECT, "CustomResponseBodies", "Custom response bodies by key: content type and content."),
      new Member("waf_captcha_config", OBJECT, "CaptchaConfig", "How long a solved CAPTCHA stays valid."),
      new Member("waf_challenge_config", OBJECT, "ChallengeConfig", "How long a passed challenge stays valid."),
      new Member("waf_token_domains", "string[]", "TokenDomains", "The domains that accept the ACL's tokens."),
      new Member("waf_association_config", OBJECT, "AssociationConfig", "The body size inspected per protected resource type."),
      new Member("waf_retrofitted_by_firewall_manager", "boolean", "RetrofittedByFirewallManager", "Whether Firewall Manager retrofitted the ACL (took over an existing one)."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases("firewall", KindModel.AWS_RESOURCE)
      .display("firewall", "networking")
      .successors(EdgeType.DEFAULT, "aws_alb", "aws_apigateway_rest_api", "aws_cognito_user_pool")
      .property("waf_scope", "string", "REGIONAL (load balancers, APIs, user pools of one region) or CLOUDFRONT.")
      .property("waf_associated_resources", "string[]", "The ARNs of the regional resources the ACL protects.")
      .property("waf_logging_configuration", OBJECT,
          "Logging of the ACL: destinations, redacted fields, filter, log type and scope."), MEMBERS)
      .build();

  private static final List<ResourceType> PROTECTED = List.of(
      ResourceType.APPLICATION_LOAD_BALANCER, ResourceType.API_GATEWAY, ResourceType.COGNITO_USER_POOL);

  private final int pageSize;

  /** Declares the kind. */
  public AwsWafWebAclKind() {
    this(100);
  }

  /** The kind listing ACLs in pages of this size (1..100; tests page small estates with it). */
  AwsWafWebAclKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "wafv2", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("wafv2:ListWebACLs", "wafv2:GetWebACL", "wafv2:ListLoggingConfigurations",
        "wafv2:ListResourcesForWebACL");
  }

  @Override
  public void collect(KindContext ctx) {
    Wafv2Client waf = ctx.client(Wafv2Client.builder());
    collect(ctx, waf, software.amazon.awssdk.services.wafv2.model.Scope.REGIONAL);
    if (ctx.region().equals(Partitions.globalRegion(ctx.partition()))) {
      collect(ctx, waf, software.amazon.awssdk.services.wafv2.model.Scope.CLOUDFRONT);
    }
  }

  private void collect(KindContext ctx, Wafv2Client waf, software.amazon.awssdk.services.wafv2.model.Scope scope) {
    // ListWebACLs has no SDK paginator: follow NextMarker until a page comes back short
    String marker = null;
    Map<String, LoggingConfiguration> loggingByAcl = null;
    do {
      String m = marker;
      var page = waf.listWebACLs(b -> b.scope(scope).limit(pageSize).nextMarker(m));
      if (loggingByAcl == null && !page.webACLs().isEmpty()) {
        loggingByAcl = logging(waf, scope);
      }
      for (WebACLSummary s : page.webACLs()) {
        if (ctx.isCancelled()) {
          return;
        }
        WebACL acl = waf.getWebACL(b -> b.name(s.name()).id(s.id()).scope(scope)).webACL();
        LoggingConfiguration logging = loggingByAcl.get(acl.arn());
        List<String> resources = new ArrayList<>();
        if (scope == software.amazon.awssdk.services.wafv2.model.Scope.REGIONAL) {
          for (ResourceType type : PROTECTED) {
            resources.addAll(waf.listResourcesForWebACL(b -> b.webACLArn(acl.arn()).resourceType(type)).resourceArns());
          }
        }
        Node node = ctx.add(node(ctx, acl, scope, logging, resources));
        for (String arn : resources) {
          ctx.edge(node, "aws_alb", loadBalancerName(arn), EdgeType.DEFAULT);
          ctx.edge(node, "aws_apigateway_rest_api", restApiId(arn), EdgeType.DEFAULT);
          ctx.edge(node, "aws_cognito_user_pool", userPoolId(arn), EdgeType.DEFAULT);
        }
      }
      marker = page.webACLs().size() < pageSize ? null : page.nextMarker();
    } while (marker != null && !ctx.isCancelled());
  }

  /** The scope's logging configurations (every page of ListLoggingConfigurations) by ACL ARN. */
  private Map<String, LoggingConfiguration> logging(Wafv2Client waf,
      software.amazon.awssdk.services.wafv2.model.Scope scope) {
    Map<String, LoggingConfiguration> out = new HashMap<>();
    String marker = null;
    do {
      String m = marker;
      var page = waf.listLoggingConfigurations(b -> b.scope(scope).limit(pageSize).nextMarker(m));
      page.loggingConfigurations().forEach(l -> out.putIfAbsent(l.resourceArn(), l));
      marker = page.loggingConfigurations().size() < pageSize ? null : page.nextMarker();
    } while (marker != null);
    return out;
  }

  /** Maps an ACL: id = Id, name = Name. */
  static Node node(KindContext ctx, WebACL acl, software.amazon.awssdk.services.wafv2.model.Scope scope,
      LoggingConfiguration logging, List<String> resources) {
    Node.Builder b = ctx.node(KIND, acl.id()).name(acl.name())
        .property("waf_scope", scope.toString())
        .property("waf_associated_resources", SdkMaps.orNull(resources))
        .property("waf_logging_configuration", SdkMaps.plain(logging));
    SdkMaps.fill(b, MEMBERS, acl);
    return KindContext.arn(b, acl.arn()).build();
  }

  /** {@code ...:elasticloadbalancing:...:loadbalancer/app/<name>/<id>} -> name, else null. */
  static String loadBalancerName(String arn) {
    int at = arn.indexOf(":loadbalancer/app/");
    if (!arn.contains(":elasticloadbalancing:") || at < 0) {
      return null;
    }
    String[] path = arn.substring(at + ":loadbalancer/app/".length()).split("/");
    return path[0];
  }

  /** {@code arn:aws:apigateway:<region>::/restapis/<id>/stages/<stage>} -> id, else null. */
  static String restApiId(String arn) {
    int at = arn.indexOf("/restapis/");
    if (!arn.contains(":apigateway:") || at < 0) {
      return null;
    }
    return arn.substring(at + "/restapis/".length()).split("/")[0];
  }

  /** {@code arn:aws:cognito-idp:<region>:<account>:userpool/<id>} -> id, else null. */
  static String userPoolId(String arn) {
    int at = arn.indexOf(":userpool/");
    return !arn.contains(":cognito-idp:") || at < 0 ? null : arn.substring(at + ":userpool/".length());
  }
}
