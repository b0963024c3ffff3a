package io.resoto.worker.aws.kinds.organizations;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.kinds.base.AwsAccountKind;
import io.resoto.worker.graph.DeferredEdge;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;

/** Whether an account manages an organisation: only there can the organisation tree be listed. */
final class OrganizationMembership {

  private OrganizationMembership() {}

  static boolean isManagementAccount(OrganizationsClient client, String accountId) {
    try {
      DescribeOrganizationResponse org = client.describeOrganization(b -> {});
      return org.organization() != null && accountId.equals(org.organization().masterAccountId());
    } catch (AwsOrganizationsNotInUseException e) {
      // an account outside any organisation: expected, nothing to list
      return false;
    }
  }

  /**
   * One deferred edge from the parent (a root or an OU) to each account directly in it, as the
   * original makes them: the account nodes are the roots of other account graphs, so the core
   * links them after the merge.
   */
  static void linkAccounts(KindContext ctx, OrganizationsClient client, Node parent) {
    client.listAccountsForParentPaginator(b -> b.parentId(parent.resourceId())).stream()
        .flatMap(page -> page.accounts().stream())
        .forEach(account -> ctx.deferredEdge(parent,
            DeferredEdge.Selector.kindAndId(AwsAccountKind.KIND, account.id()), EdgeType.DEFAULT));
  }
}
