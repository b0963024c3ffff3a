package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * {@code aws_iam_user}: the IAM users of the account, from GetAccountAuthorizationDetails, with
 * password and MFA state from the credential report. Groups point to their members (group to user,
 * by the user's group list); policy edges are made by {@link AwsIamPolicyKind}, access key edges
 * by {@link AwsIamAccessKeyKind}.
 */
public final class AwsIamUserKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_user";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("user", KindModel.AWS_RESOURCE)
      .display("user", "access_control")
      .property("path", "string", "The path to the user, e.g. / or /division/.")
      .property("user_policies", "string[]", "The names of the inline policies embedded in the user.")
      .property("group_list", "string[]", "The names of the groups the user is a member of.")
      .property("attached_policy_arns", "string[]", "The ARNs of the managed policies attached to the user.")
      .property("user_permissions_boundary", "string",
          "The ARN of the policy that sets the user's permissions boundary, if any.")
      .property("password_enabled", "boolean", "Whether the user has a console password (credential report).")
      .property("password_last_used", "datetime", "When the user's password was last used to sign in.")
      .property("password_last_changed", "datetime", "When the user's password was last set.")
      .property("mfa_active", "boolean", "Whether an MFA device is enabled for the user (credential report).")
      .successors(EdgeType.DEFAULT, AwsIamPolicyKind.KIND, AwsIamAccessKeyKind.KIND)
      .successors(EdgeType.DELETE, AwsIamPolicyKind.KIND)
      .build();

  /** Declares the kind. */
  public AwsIamUserKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  /** Tags through iam:TagUser and iam:UntagUser with the user name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return IamTags.USER;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:GenerateCredentialReport", "iam:GetAccountAuthorizationDetails", "iam:GetCredentialReport");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    List<GetAccountAuthorizationDetailsResponse> pages =
        IamSupport.authorizationDetails(ctx, EntityType.USER, EntityType.GROUP);
    // user details name their groups; edges go by resource id, which is the group's id
    Map<String, String> groupIds = new HashMap<>();
    pages.forEach(p -> p.groupDetailList().forEach(g -> groupIds.put(g.groupName(), g.groupId())));
    CredentialReport report = CredentialReport.read(ctx.client(IamClient.builder()));
    for (GetAccountAuthorizationDetailsResponse page : pages) {
      for (UserDetail user : page.userDetailList()) {
        Node node = ctx.add(node(ctx, user, report.row(user.userName())));
        user.groupList().forEach(g -> ctx.edgeFrom(AwsIamGroupKind.KIND, groupIds.get(g), node, EdgeType.DEFAULT));
      }
    }
  }

  static Node node(KindContext ctx, UserDetail u, Map<String, String> report) {
    Node.Builder b = ctx.node(KIND, u.userId()).name(u.userName()).ctime(u.createDate())
        .tags(IamSupport.tags(u.tags())).categories("access_control");
    IamSupport.put(b, "path", u.path());
    IamSupport.put(b, "user_policies", u.userPolicyList().stream().map(PolicyDetail::policyName).toList());
    IamSupport.put(b, "group_list", u.groupList());
    IamSupport.put(b, "attached_policy_arns", u.attachedManagedPolicies().stream().map(p -> p.policyArn()).toList());
    IamSupport.put(b, "user_permissions_boundary",
        u.permissionsBoundary() == null ? null : u.permissionsBoundary().permissionsBoundaryArn());
    IamSupport.put(b, "password_enabled", CredentialReport.bool(report, "password_enabled"));
    IamSupport.put(b, "password_last_used", CredentialReport.time(report, "password_last_used"));
    IamSupport.put(b, "password_last_changed", CredentialReport.time(report, "password_last_changed"));
    IamSupport.put(b, "mfa_active", CredentialReport.bool(report, "mfa_active"));
    return KindContext.arn(b, u.arn()).build();
  }

}
