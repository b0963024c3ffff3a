package io.resoto.worker.aws.kinds.organizations;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * {@code aws_organizational_root}: the roots of the organisation (Organizations ListRoots), listed
 * in the organisation's management account only. Nodes hang under the global region.
 */
public final class AwsOrganizationalRootKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_organizational_root";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("organizational_root", KindModel.AWS_RESOURCE)
      .display("organizational_root", "management")
      // the organisation tree: a root contains the OUs directly below it
      .successors(EdgeType.DEFAULT, AwsOrganizationalUnitKind.KIND)
      .build();

  /** Declares the kind. */
  public AwsOrganizationalRootKind() {
    super(KIND, Scope.GLOBAL, "organizations", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of(
        "organizations:DescribeOrganization",
        "organizations:ListAccountsForParent",
        "organizations:ListRoots");
  }

  @Override
  public void collect(KindContext ctx) {
    OrganizationsClient client = ctx.client(OrganizationsClient.builder());
    if (!OrganizationMembership.isManagementAccount(client, ctx.account().id())) {
      return;
    }
    for (Root root : (Iterable<Root>) client.listRootsPaginator(b -> {}).stream()
        .flatMap(page -> page.roots().stream())::iterator) {
      Node node = ctx.add(node(ctx, root));
      OrganizationMembership.linkAccounts(ctx, client, node);
    }
  }

  /** Maps a root: id and ARN from the API, name = its name (Root), the id when it has none. */
  static Node node(KindContext ctx, Root root) {
    Node.Builder b = ctx.node(KIND, root.id())
        .name(root.name() == null ? root.id() : root.name())
        .categories("management");
    return KindContext.arn(b, root.arn()).build();
  }
}
