package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.COLLECTOR_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static io.resoto.worker.awssim.identity.Fixtures.awsError;
import static io.resoto.worker.awssim.identity.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.EstateGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

class OrganizationsApiTest {
  private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final EstateCredentials credentials = new EstateCredentials(ESTATE, clock);
  private final OrganizationsApi orgs = new OrganizationsApi(ESTATE);

  private CallContext management() {
    return call(credentials, COLLECTOR_KEY, "us-east-1");
  }

  private CallContext member() {
    String key = new StsApi(ESTATE, credentials).assumeRole(management(), AssumeRoleRequest.builder()
        .roleArn("arn:aws:iam::222222222222:role/ResotoAccess").externalId("ext-secret-1")
        .roleSessionName("member").build()).credentials().accessKeyId();
    return call(credentials, key, "us-east-1");
  }

  @Test
  void describesTheOrganization() {
    Organization org = orgs.describeOrganization(management(), DescribeOrganizationRequest.builder().build())
        .organization();
    assertThat(org.id()).isEqualTo("o-test000001");
    assertThat(org.arn()).isEqualTo("arn:aws:organizations::111111111111:organization/o-test000001");
    assertThat(org.masterAccountId()).isEqualTo("111111111111");
    assertThat(org.masterAccountArn())
        .isEqualTo("arn:aws:organizations::111111111111:account/o-test000001/111111111111");
    assertThat(org.masterAccountEmail()).isEqualTo("mgmt@example.com");
    assertThat(org.featureSetAsString()).isEqualTo("ALL");
  }

  @Test
  void describesAnAccountForTheManagementAccountOnly() {
    var request = software.amazon.awssdk.services.organizations.model.DescribeAccountRequest.builder()
        .accountId("222222222222").build();
    var account = orgs.describeAccount(management(), request).account();
    assertThat(account.id()).isEqualTo("222222222222");
    assertThat(account.arn()).isEqualTo("arn:aws:organizations::111111111111:account/o-test000001/222222222222");
    awsError(() -> orgs.describeAccount(member(), request), 400, "AccessDeniedException");
    awsError(() -> orgs.describeAccount(management(),
        software.amazon.awssdk.services.organizations.model.DescribeAccountRequest.builder()
            .accountId("999999999999").build()), 400, "AccountNotFoundException");
  }

  @Test
  void membersMayDescribeTheOrganizationAsInAws() {
    assertThat(orgs.describeOrganization(member(), DescribeOrganizationRequest.builder().build())
        .organization().id()).isEqualTo("o-test000001");
  }

  @Test
  void listingsAreForTheManagementAccountOnly() {
    CallContext member = member();
    String message = "You don't have permissions to access this resource.";
    assertThat(awsError(() -> orgs.listAccounts(member, ListAccountsRequest.builder().build()),
        400, "AccessDeniedException")).hasMessage(message);
    awsError(() -> orgs.listRoots(member, ListRootsRequest.builder().build()), 400, "AccessDeniedException");
    awsError(() -> orgs.listOrganizationalUnitsForParent(member,
        ListOrganizationalUnitsForParentRequest.builder().parentId("r-test").build()), 400, "AccessDeniedException");
    awsError(() -> orgs.listAccountsForParent(member,
        ListAccountsForParentRequest.builder().parentId("r-test").build()), 400, "AccessDeniedException");
  }

  @Test
  void withoutAnOrganizationEverythingIsNotInUse() {
    Estate alone = Estate.parse("""
        accounts: [{id: "111111111111", name: solo, regions: [us-east-1]}]
        principals: [{account: "111111111111", user: u, access_key_id: AKIATEST000000000009, secret_access_key: s}]
        """, "alone");
    EstateCredentials store = new EstateCredentials(alone, clock);
    OrganizationsApi api = new OrganizationsApi(alone);
    CallContext solo = call(store, "AKIATEST000000000009", "us-east-1");
    assertThat(awsError(() -> api.describeOrganization(solo, DescribeOrganizationRequest.builder().build()),
        400, "AWSOrganizationsNotInUseException")).hasMessage("Your account is not a member of an organization.");
    awsError(() -> api.listAccounts(solo, ListAccountsRequest.builder().build()), 400,
        "AWSOrganizationsNotInUseException");
  }

  @Test
  void listsAccountsWithOrganizationArnsAndJoinDates() {
    List<Account> accounts = orgs.listAccounts(management(), ListAccountsRequest.builder().build()).accounts();
    assertThat(accounts).extracting(Account::id)
        .containsExactly("111111111111", "222222222222", "333333333333", "444444444444", "555555555555");
    Account payments = accounts.get(1);
    assertThat(payments.arn()).isEqualTo("arn:aws:organizations::111111111111:account/o-test000001/222222222222");
    assertThat(payments.name()).isEqualTo("payments");
    assertThat(payments.email()).isEqualTo("payments@example.com");
    assertThat(payments.statusAsString()).isEqualTo("ACTIVE");
    assertThat(payments.joinedMethod()).isEqualTo(AccountJoinedMethod.CREATED);
    assertThat(payments.joinedTimestamp()).isEqualTo(Instant.parse("2020-01-02T00:00:00Z"));
    assertThat(accounts.get(0).joinedTimestamp()).isEqualTo(Estate.JOINED_BASE);
  }

  @Test
  void paginatesListAccountsAcrossPages() {
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      ListAccountsResponse page = orgs.listAccounts(management(),
          ListAccountsRequest.builder().maxResults(2).nextToken(token).build());
      pageSizes.add(page.accounts().size());
      page.accounts().forEach(a -> seen.add(a.id()));
      token = page.nextToken();
    } while (token != null);
    assertThat(pageSizes).containsExactly(2, 2, 1);
    assertThat(seen).containsExactly("111111111111", "222222222222", "333333333333", "444444444444",
        "555555555555");
  }

  @Test
  void paginatesLargeOrganizationsByTwentyByDefault() {
    Estate big = new EstateGenerator().accounts(45).seed(3).generate();
    EstateCredentials store = new EstateCredentials(big, clock);
    OrganizationsApi api = new OrganizationsApi(big);
    CallContext mgmt = call(store, big.principals().get(0).accessKeyId(), "us-east-1");
    ListAccountsResponse first = api.listAccounts(mgmt, ListAccountsRequest.builder().build());
    assertThat(first.accounts()).hasSize(20);
    ListAccountsResponse second = api.listAccounts(mgmt, ListAccountsRequest.builder().nextToken(first.nextToken()).build());
    ListAccountsResponse third = api.listAccounts(mgmt, ListAccountsRequest.builder().nextToken(second.nextToken()).build());
    assertThat(third.accounts()).hasSize(5);
    assertThat(third.nextToken()).isNull();
    awsError(() -> api.listAccounts(mgmt, ListAccountsRequest.builder().maxResults(21).build()),
        400, "InvalidParameterValue");
  }

  @Test
  void aTokenOfAnotherListingIsRefused() {
    String token = orgs.listAccounts(management(), ListAccountsRequest.builder().maxResults(1).build()).nextToken();
    awsError(() -> orgs.listAccountsForParent(management(),
        ListAccountsForParentRequest.builder().parentId("r-test").nextToken(token).build()), 400, "InvalidNextToken");
  }

  @Test
  void listsRoots() {
    List<Root> roots = orgs.listRoots(management(), ListRootsRequest.builder().build()).roots();
    assertThat(roots).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("r-test");
      assertThat(r.name()).isEqualTo("Root");
      assertThat(r.arn()).isEqualTo("arn:aws:organizations::111111111111:root/o-test000001/r-test");
    });
  }

  @Test
  void walksTheOuTree() {
    List<OrganizationalUnit> top = orgs.listOrganizationalUnitsForParent(management(),
        ListOrganizationalUnitsForParentRequest.builder().parentId("r-test").build()).organizationalUnits();
    assertThat(top).extracting(OrganizationalUnit::id).containsExactly("ou-test-aaaaaaaa");
    assertThat(top.get(0).arn()).isEqualTo("arn:aws:organizations::111111111111:ou/o-test000001/ou-test-aaaaaaaa");
    List<OrganizationalUnit> nested = orgs.listOrganizationalUnitsForParent(management(),
        ListOrganizationalUnitsForParentRequest.builder().parentId("ou-test-aaaaaaaa").build()).organizationalUnits();
    assertThat(nested).extracting(OrganizationalUnit::name).containsExactly("Payments");

    assertThat(orgs.listAccountsForParent(management(), ListAccountsForParentRequest.builder().parentId("r-test")
        .build()).accounts()).extracting(Account::id).containsExactly("111111111111", "444444444444", "555555555555");
    assertThat(orgs.listAccountsForParent(management(), ListAccountsForParentRequest.builder()
        .parentId("ou-test-bbbbbbbb").build()).accounts()).extracting(Account::id).containsExactly("222222222222");
  }

  @Test
  void unknownParentIsNotFound() {
    assertThat(awsError(() -> orgs.listOrganizationalUnitsForParent(management(),
        ListOrganizationalUnitsForParentRequest.builder().parentId("ou-test-cccccccc").build()),
        400, "ParentNotFoundException")).hasMessageContaining("ParentId");
    awsError(() -> orgs.listAccountsForParent(management(),
        ListAccountsForParentRequest.builder().parentId("r-nope").build()), 400, "ParentNotFoundException");
  }
}
