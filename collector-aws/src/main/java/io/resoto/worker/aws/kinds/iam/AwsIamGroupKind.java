package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;

/**
 * {@code aws_iam_group}: the IAM groups of the account, from GetAccountAuthorizationDetails. The
 * edges to members are made by {@link AwsIamUserKind} (user details name their groups), those to
 * attached policies by {@link AwsIamPolicyKind}.
 */
public final class AwsIamGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("group", KindModel.AWS_RESOURCE)
      .display("group", "access_control")
      .property("path", "string", "The path to the group, e.g. / or /division/.")
      .property("group_policies", "string[]", "The names of the inline policies embedded in the group.")
      .property("attached_policy_arns", "string[]", "The ARNs of the managed policies attached to the group.")
      .successors(EdgeType.DEFAULT, AwsIamPolicyKind.KIND, AwsIamUserKind.KIND)
      .successors(EdgeType.DELETE, AwsIamPolicyKind.KIND)
      .build();

  /** Declares the kind. */
  public AwsIamGroupKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:GetAccountAuthorizationDetails");
  }

  @Override
  public void collect(KindContext ctx) {
    for (GetAccountAuthorizationDetailsResponse page : IamSupport.authorizationDetails(ctx, EntityType.GROUP)) {
      for (GroupDetail g : page.groupDetailList()) {
        ctx.add(node(ctx, g));
      }
    }
  }

  static Node node(KindContext ctx, GroupDetail g) {
    // GroupDetail carries no tags; the original maps Tags with an empty default, so none are set
    Node.Builder b = ctx.node(KIND, g.groupId()).name(g.groupName()).ctime(g.createDate())
        .categories("access_control");
    IamSupport.put(b, "path", g.path());
    IamSupport.put(b, "group_policies", g.groupPolicyList().stream().map(PolicyDetail::policyName).toList());
    IamSupport.put(b, "attached_policy_arns", g.attachedManagedPolicies().stream().map(p -> p.policyArn()).toList());
    return KindContext.arn(b, g.arn()).build();
  }
}
