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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * {@code aws_iam_instance_profile}: the instance profiles of the account (IAM ListInstanceProfiles).
 * Each role of a profile points to it (role to instance profile, default and delete), as the role
 * declares.
 */
public final class AwsIamInstanceProfileKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_iam_instance_profile";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("instance_profile", KindModel.AWS_RESOURCE)
      .display("profile", "access_control")
      .property("path", "string", "The path to the instance profile, e.g. / or /application/.")
      .property("instance_profile_roles", "string[]", "The names of the roles in the instance profile.")
      .build();

  /** Declares the kind. */
  public AwsIamInstanceProfileKind() {
    super(KIND, Scope.GLOBAL, "iam", MODEL);
  }

  /** Tags through iam:TagInstanceProfile and iam:UntagInstanceProfile with the profile name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return IamTags.INSTANCE_PROFILE;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("iam:ListInstanceProfiles");
  }

  @Override
  public void collect(KindContext ctx) {
    IamClient iam = ctx.client(IamClient.builder());
    for (InstanceProfile p : iam.listInstanceProfilesPaginator(b -> {}).instanceProfiles()) {
      Node node = ctx.add(node(ctx, p));
      for (Role r : p.roles()) {
        ctx.edgeFrom(AwsIamRoleKind.KIND, r.roleId(), node, EdgeType.DEFAULT);
        // the role must be removed from the profile before the profile can be deleted
        ctx.edgeFrom(AwsIamRoleKind.KIND, r.roleId(), node, EdgeType.DELETE);
      }
    }
  }

  static Node node(KindContext ctx, InstanceProfile p) {
    // the original maps no tags for instance profiles
    Node.Builder b = ctx.node(KIND, p.instanceProfileId()).name(p.instanceProfileName()).ctime(p.createDate())
        .categories("access_control");
    IamSupport.put(b, "path", p.path());
    IamSupport.put(b, "instance_profile_roles", p.roles().stream().map(Role::roleName).toList());
    return KindContext.arn(b, p.arn()).build();
  }
}
