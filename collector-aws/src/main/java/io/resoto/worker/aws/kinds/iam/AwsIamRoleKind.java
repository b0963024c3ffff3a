package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * {@code aws_iam_role}: the IAM roles of the account, from GetAccountAuthorizationDetails. Edges
 * to attached policies are made by {@link AwsIamPolicyKind}, those to instance profiles by
 * {@link AwsIamInstanceProfileKind}.
 */
public final class AwsIamRoleKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_role";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("role", KindModel.AWS_RESOURCE)
      .display("role", "access_control")
      .property("path", "string", "The path to the role, e.g. / or /service-role/.")
      .property("assume_role_policy_document", "string", "The trust policy: who may assume the role (JSON).")
      .property("role_policies", "string[]", "The names of the inline policies embedded in the role.")
      .property("attached_policy_arns", "string[]", "The ARNs of the managed policies attached to the role.")
      .property("role_permissions_boundary", "string",
          "The ARN of the policy that sets the role's permissions boundary, if any.")
      .property("role_last_used_region", "string", "The region the role was last used in.")
      .successors(EdgeType.DEFAULT, AwsIamPolicyKind.KIND, AwsIamInstanceProfileKind.KIND, "aws_cognito_group",
          "aws_apigateway_authorizer", "aws_sns_subscription")
      .successors(EdgeType.DELETE, AwsIamPolicyKind.KIND, AwsIamInstanceProfileKind.KIND, "aws_cognito_group",
          "aws_apigateway_authorizer", "aws_sns_subscription")
      .build();

  /** Declares the kind. */
  public AwsIamRoleKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  /** Tags through iam:TagRole and iam:UntagRole with the role name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return IamTags.ROLE;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:GetAccountAuthorizationDetails");
  }

  @Override
  public void collect(KindContext ctx) {
    for (GetAccountAuthorizationDetailsResponse page : IamSupport.authorizationDetails(ctx, EntityType.ROLE)) {
      for (RoleDetail r : page.roleDetailList()) {
        ctx.add(node(ctx, r));
      }
    }
  }

  static Node node(KindContext ctx, RoleDetail r) {
    Node.Builder b = ctx.node(KIND, r.roleId()).name(r.roleName()).ctime(r.createDate())
        .tags(IamSupport.tags(r.tags())).categories("access_control");
    if (r.roleLastUsed() != null) {
      // the last use of the role is its access time
      b.atime(r.roleLastUsed().lastUsedDate());
      IamSupport.put(b, "role_last_used_region", r.roleLastUsed().region());
    }
    IamSupport.put(b, "path", r.path());
    IamSupport.put(b, "assume_role_policy_document", r.assumeRolePolicyDocument());
    IamSupport.put(b, "role_policies", r.rolePolicyList().stream().map(PolicyDetail::policyName).toList());
    IamSupport.put(b, "attached_policy_arns", r.attachedManagedPolicies().stream().map(p -> p.policyArn()).toList());
    IamSupport.put(b, "role_permissions_boundary",
        r.permissionsBoundary() == null ? null : r.permissionsBoundary().permissionsBoundaryArn());
    return KindContext.arn(b, r.arn()).build();
  }
}
