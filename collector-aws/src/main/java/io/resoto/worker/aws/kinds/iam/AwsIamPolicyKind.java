package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * {@code aws_iam_policy}: the managed policies of the account (customer managed, and AWS managed
 * ones in use), from GetAccountAuthorizationDetails. Principals name their policies by ARN while
 * edges go by resource id (the policy id), so this kind, which knows both, makes the edges from
 * users, groups and roles to their attached policies (default and delete, as declared there).
 */
public final class AwsIamPolicyKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_policy";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("policy", KindModel.AWS_RESOURCE)
      .display("policy", "access_control")
      .property("path", "string", "The path to the policy, e.g. / or /service-role/.")
      .property("default_version_id", "string", "The id of the policy version in effect, e.g. v2.")
      .property("attachment_count", "int64", "How many users, groups and roles the policy is attached to.")
      .property("permissions_boundary_usage_count", "int64",
          "How many users and roles use the policy as their permissions boundary.")
      .property("is_attachable", "boolean", "Whether the policy can be attached to users, groups and roles.")
      .property("description", "string", "The description of the policy.")
      .property("policy_document", "string", "The document of the default policy version (JSON).")
      .build();

  /** Declares the kind. */
  public AwsIamPolicyKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  /** Tags through iam:TagPolicy and iam:UntagPolicy with the policy ARN (AWS managed policies refuse). */
  @Override
  public Optional<TagSupport> tagSupport() {
    return IamTags.POLICY;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:GetAccountAuthorizationDetails");
  }

  @Override
  public void collect(KindContext ctx) {
    List<GetAccountAuthorizationDetailsResponse> pages = IamSupport.authorizationDetails(ctx, EntityType.USER,
        EntityType.GROUP, EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY, EntityType.AWS_MANAGED_POLICY);
    Map<String, Node> byArn = pages.stream().flatMap(p -> p.policies().stream())
        .map(p -> ctx.add(node(ctx, p)))
        .collect(Collectors.toMap(n -> (String) n.properties().get("arn"), Function.identity(), (a, b) -> a));
    for (GetAccountAuthorizationDetailsResponse page : pages) {
      page.userDetailList().forEach(u -> attach(ctx, AwsIamUserKind.KIND, u.userId(), u.attachedManagedPolicies(), byArn));
      page.groupDetailList().forEach(g -> attach(ctx, AwsIamGroupKind.KIND, g.groupId(), g.attachedManagedPolicies(), byArn));
      page.roleDetailList().forEach(r -> attach(ctx, AwsIamRoleKind.KIND, r.roleId(), r.attachedManagedPolicies(), byArn));
    }
  }

  private static void attach(KindContext ctx, String principalKind, String principalId, List<AttachedPolicy> attached,
      Map<String, Node> byArn) {
    for (AttachedPolicy a : attached) {
      Node policy = byArn.get(a.policyArn());
      if (policy != null) {
        ctx.edgeFrom(principalKind, principalId, policy, EdgeType.DEFAULT);
        // the principal must let go of the policy before the policy can be deleted
        ctx.edgeFrom(principalKind, principalId, policy, EdgeType.DELETE);
      }
    }
  }

  static Node node(KindContext ctx, ManagedPolicyDetail p) {
    // ManagedPolicyDetail carries no tags; the original maps Tags with an empty default, so none are set
    Node.Builder b = ctx.node(KIND, p.policyId()).name(p.policyName()).ctime(p.createDate()).mtime(p.updateDate())
        .categories("access_control");
    IamSupport.put(b, "path", p.path());
    IamSupport.put(b, "default_version_id", p.defaultVersionId());
    IamSupport.put(b, "attachment_count", p.attachmentCount() == null ? null : p.attachmentCount().longValue());
    IamSupport.put(b, "permissions_boundary_usage_count",
        p.permissionsBoundaryUsageCount() == null ? null : p.permissionsBoundaryUsageCount().longValue());
    IamSupport.put(b, "is_attachable", p.isAttachable());
    IamSupport.put(b, "description", p.description());
    IamSupport.put(b, "policy_document", p.policyVersionList().stream()
        .filter(v -> Boolean.TRUE.equals(v.isDefaultVersion())).map(PolicyVersion::document).findFirst()
        .map(IamSupport::urlDecoded).orElse(null));
    return KindContext.arn(b, p.arn()).build();
  }
}
