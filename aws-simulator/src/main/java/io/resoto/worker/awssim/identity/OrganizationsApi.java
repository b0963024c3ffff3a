package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.Organization;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * AWS Organizations: DescribeOrganization, ListAccounts, ListRoots, ListOrganizationalUnitsForParent
 * and ListAccountsForParent.
 *
 * <p>As in AWS, DescribeOrganization answers every account of the organisation, while the listings
 * answer only the management account.
 */
public final class OrganizationsApi {
  /** AWS's largest page for these listings, also the default here. */
  public static final int MAX_RESULTS = 20;

  private final Estate estate;

  public OrganizationsApi(Estate estate) {
    this.estate = Objects.requireNonNull(estate);
  }

  public void register(HandlerRegistry registry) {
    registry.on(DescribeOrganizationRequest.class, this::describeOrganization);
    registry.on(ListAccountsRequest.class, this::listAccounts);
    registry.on(ListRootsRequest.class, this::listRoots);
    registry.on(ListOrganizationalUnitsForParentRequest.class, this::listOrganizationalUnitsForParent);
    registry.on(ListAccountsForParentRequest.class, this::listAccountsForParent);
    registry.on(software.amazon.awssdk.services.organizations.model.DescribeAccountRequest.class,
        this::describeAccount);
  }

  public DescribeOrganizationResponse describeOrganization(CallContext context, DescribeOrganizationRequest request) {
    Organization org = requireMember(context);
    String mgmt = org.managementAccount();
    return DescribeOrganizationResponse.builder()
        .organization(o -> o.id(org.id()).arn(org.arn()).featureSet(OrganizationFeatureSet.ALL)
            .masterAccountId(mgmt)
            .masterAccountArn(org.accountArn(mgmt))
            .masterAccountEmail(estate.account(mgmt).orElseThrow().email()))
        .build();
  }

  public ListAccountsResponse listAccounts(CallContext context, ListAccountsRequest request) {
    Organization org = requireManagement(context);
    List<Account> all = estate.accounts().stream().map(a -> account(org, a)).toList();
    Page<Account> page = Page.of(all, "organizations:ListAccounts", request.nextToken(), request.maxResults(),
        MAX_RESULTS, MAX_RESULTS);
    return ListAccountsResponse.builder().accounts(page.items()).nextToken(page.nextToken()).build();
  }

  public ListRootsResponse listRoots(CallContext context, ListRootsRequest request) {
    Organization org = requireManagement(context);
    List<Root> all = org.roots().stream()
        .map(r -> Root.builder().id(r.id()).arn(org.rootArn(r)).name(r.name()).policyTypes(List.of()).build())
        .toList();
    Page<Root> page = Page.of(all, "organizations:ListRoots", request.nextToken(), request.maxResults(),
        MAX_RESULTS, MAX_RESULTS);
    return ListRootsResponse.builder().roots(page.items()).nextToken(page.nextToken()).build();
  }

  public ListOrganizationalUnitsForParentResponse listOrganizationalUnitsForParent(CallContext context,
      ListOrganizationalUnitsForParentRequest request) {
    Organization org = requireManagement(context);
    requireParent(request.parentId());
    List<OrganizationalUnit> all = estate.unitsUnder(request.parentId()).stream()
        .map(u -> OrganizationalUnit.builder().id(u.id()).arn(org.unitArn(u)).name(u.name()).build())
        .toList();
    Page<OrganizationalUnit> page = Page.of(all, "organizations:ListOrganizationalUnitsForParent:"
        + request.parentId(), request.nextToken(), request.maxResults(), MAX_RESULTS, MAX_RESULTS);
    return ListOrganizationalUnitsForParentResponse.builder()
        .organizationalUnits(page.items()).nextToken(page.nextToken()).build();
  }

  public ListAccountsForParentResponse listAccountsForParent(CallContext context,
      ListAccountsForParentRequest request) {
    Organization org = requireManagement(context);
    requireParent(request.parentId());
    List<Account> all = estate.accountsUnder(request.parentId()).stream().map(a -> account(org, a)).toList();
    Page<Account> page = Page.of(all, "organizations:ListAccountsForParent:" + request.parentId(),
        request.nextToken(), request.maxResults(), MAX_RESULTS, MAX_RESULTS);
    return ListAccountsForParentResponse.builder().accounts(page.items()).nextToken(page.nextToken()).build();
  }

  /** Management account only; an id outside the organisation: 400 AccountNotFoundException. */
  public software.amazon.awssdk.services.organizations.model.DescribeAccountResponse describeAccount(
      CallContext context, software.amazon.awssdk.services.organizations.model.DescribeAccountRequest request) {
    Organization org = requireManagement(context);
    io.resoto.worker.awssim.estate.Account a = estate.account(request.accountId()).orElseThrow(() ->
        AwsError.of(400, "AccountNotFoundException",
            "You specified an account that doesn't exist: " + request.accountId()));
    return software.amazon.awssdk.services.organizations.model.DescribeAccountResponse.builder()
        .account(account(org, a)).build();
  }

  private Account account(Organization org, io.resoto.worker.awssim.estate.Account a) {
    return Account.builder()
        .id(a.id())
        .arn(org.accountArn(a.id()))
        .email(a.email())
        .name(a.name())
        .status(a.status())
        .state(a.status())
        .joinedMethod(a.id().equals(org.managementAccount()) ? AccountJoinedMethod.INVITED
            : AccountJoinedMethod.CREATED)
        .joinedTimestamp(a.joined())
        .build();
  }

  private Organization requireMember(CallContext context) {
    Organization org = estate.organization().orElse(null);
    if (org == null || context.caller() == null || estate.account(context.caller().accountId()).isEmpty()) {
      throw AwsError.of(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
    }
    return org;
  }

  private Organization requireManagement(CallContext context) {
    Organization org = requireMember(context);
    if (!org.managementAccount().equals(context.caller().accountId())) {
      throw AwsError.of(400, "AccessDeniedException", "You don't have permissions to access this resource.");
    }
    return org;
  }

  private void requireParent(String parentId) {
    if (!estate.isOrganizationParent(parentId)) {
      throw AwsError.of(400, "ParentNotFoundException",
          "We can't find a root or OU with the ParentId that you specified.");
    }
  }
}
