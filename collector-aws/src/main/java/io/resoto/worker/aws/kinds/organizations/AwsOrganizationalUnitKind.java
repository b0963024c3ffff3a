package io.resoto.worker.aws.kinds.organizations;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * {@code aws_organizational_unit}: every OU of the organisation, nested ones included (Organizations
 * ListOrganizationalUnitsForParent from each root down), listed in the management account only.
 * Each OU gets an edge from its parent (a root or an OU); the nodes also hang under the global
 * region, as every node of the original does.
 */
public final class AwsOrganizationalUnitKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_organizational_unit";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("organizational_unit", KindModel.AWS_RESOURCE)
      .display("organizational_unit", "management")
      // nested OUs; the deferred edges to the accounts in an OU are not declared, as in the
      // original: account -> region -> OU -> account would make the declared kinds cyclic
      .successors(EdgeType.DEFAULT, KIND)
      .build();

  /** Declares the kind. */
  public AwsOrganizationalUnitKind() {
    super(KIND, Scope.GLOBAL, "organizations", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of(
        "organizations:DescribeOrganization",
        "organizations:ListAccountsForParent",
        "organizations:ListOrganizationalUnitsForParent",
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
      listChildren(ctx, client, AwsOrganizationalRootKind.KIND, root.id());
    }
  }

  /** One level of the tree; every child level is its own task, so wide trees list in parallel. */
  private static void listChildren(KindContext ctx, OrganizationsClient client, String parentKind, String parentId) {
    // this SDK's Organizations paginators have no item view: every page is read in turn
    Iterable<OrganizationalUnit> units = client.listOrganizationalUnitsForParentPaginator(b -> b.parentId(parentId))
        .stream().flatMap(page -> page.organizationalUnits().stream())::iterator;
    for (OrganizationalUnit ou : units) {
      Node node = ctx.add(node(ctx, ou));
      ctx.edgeFrom(parentKind, parentId, node, EdgeType.DEFAULT);
      ctx.submit(() -> OrganizationMembership.linkAccounts(ctx, client, node));
      ctx.submit(() -> listChildren(ctx, client, KIND, ou.id()));
    }
  }

  /** Maps an OU: id, name and ARN from the API. */
  static Node node(KindContext ctx, OrganizationalUnit ou) {
    Node.Builder b = ctx.node(KIND, ou.id())
        .name(ou.name() == null ? ou.id() : ou.name())
        .categories("management");
    return KindContext.arn(b, ou.arn()).build();
  }
}
