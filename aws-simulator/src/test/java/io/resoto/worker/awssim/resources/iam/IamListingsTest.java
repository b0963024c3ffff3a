package io.resoto.worker.awssim.resources.iam;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.resources.DemoSimulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * The selections IAM's listings serve (GetAccountAuthorizationDetails' Filter, PathPrefix,
 * ListAccessKeys' UserName) and their Marker/MaxItems pages, through the real client against the
 * demo estate (account 111111111111).
 */
class IamListingsTest {
  private static DemoSimulation demo;
  private static IamClient iam;

  @BeforeAll
  static void start() {
    demo = new DemoSimulation();
    iam = demo.iam();
  }

  @AfterAll
  static void stop() {
    iam.close();
    demo.close();
  }

  @Test
  void authorizationDetailsFilterByEntityType() {
    GetAccountAuthorizationDetailsResponse all = iam.getAccountAuthorizationDetails();
    assertThat(all.userDetailList()).extracting(UserDetail::userName).containsExactly("collector", "alice", "ci-deploy");
    assertThat(all.groupDetailList()).extracting(GroupDetail::groupName).containsExactly("admins", "readers");
    assertThat(all.roleDetailList()).extracting(RoleDetail::roleName).containsExactly("worker-node", "worker-pod");
    assertThat(all.policies()).hasSize(4);
    assertThat(all.isTruncated()).isFalse();

    GetAccountAuthorizationDetailsResponse roles = iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE));
    assertThat(roles.roleDetailList()).hasSize(2);
    assertThat(roles.userDetailList()).isEmpty();
    assertThat(roles.groupDetailList()).isEmpty();
    assertThat(roles.policies()).isEmpty();

    assertThat(iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.LOCAL_MANAGED_POLICY)).policies())
        .extracting(ManagedPolicyDetail::policyName).containsExactly("resoto-collect", "artifacts-write");
    assertThat(iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.AWS_MANAGED_POLICY)).policies())
        .extracting(ManagedPolicyDetail::policyName).containsExactly("AdministratorAccess", "ReadOnlyAccess");
    GetAccountAuthorizationDetailsResponse usersAndGroups = iam.getAccountAuthorizationDetails(
        r -> r.filter(EntityType.USER, EntityType.GROUP));
    assertThat(usersAndGroups.userDetailList()).hasSize(3);
    assertThat(usersAndGroups.groupDetailList()).hasSize(2);
    assertThat(usersAndGroups.roleDetailList()).isEmpty();
  }

  @Test
  void authorizationDetailsPageOverAllEntityTypesInAwsOrder() {
    List<String> names = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      String m = marker;
      GetAccountAuthorizationDetailsResponse page = iam.getAccountAuthorizationDetails(r -> r.maxItems(3).marker(m));
      assertThat(page.userDetailList().size() + page.groupDetailList().size() + page.roleDetailList().size()
          + page.policies().size()).isLessThanOrEqualTo(3);
      page.userDetailList().forEach(u -> names.add("user " + u.userName()));
      page.groupDetailList().forEach(g -> names.add("group " + g.groupName()));
      page.roleDetailList().forEach(r -> names.add("role " + r.roleName()));
      page.policies().forEach(p -> names.add("policy " + p.policyName()));
      marker = page.isTruncated() ? page.marker() : null;
      pages++;
    } while (marker != null);
    assertThat(pages).isEqualTo(4);
    assertThat(names).containsExactly("user collector", "user alice", "user ci-deploy", "group admins",
        "group readers", "role worker-node", "role worker-pod", "policy resoto-collect", "policy artifacts-write",
        "policy AdministratorAccess", "policy ReadOnlyAccess");
  }

  @Test
  void maxItemsOutsideOneToAThousandAndForeignMarkersAreValidationErrors() {
    var zero = awsError(() -> iam.getAccountAuthorizationDetails(r -> r.maxItems(0)), 400, "ValidationError");
    assertThat(zero.awsErrorDetails().errorMessage()).contains("'maxItems'");
    awsError(() -> iam.listInstanceProfiles(r -> r.maxItems(1001)), 400, "ValidationError");
    String marker = iam.getAccountAuthorizationDetails(r -> r.maxItems(1)).marker();
    // a marker of one listing is refused by another
    awsError(() -> iam.listServerCertificates(r -> r.marker(marker)), 400, "ValidationError");
    awsError(() -> iam.getAccountAuthorizationDetails(r -> r.marker("garbage")), 400, "ValidationError");
  }

  @Test
  void pathPrefixSelectsInstanceProfilesAndServerCertificates() {
    assertThat(iam.listInstanceProfiles().instanceProfiles()).extracting(InstanceProfile::instanceProfileName)
        .containsExactly("worker-node");
    assertThat(iam.listInstanceProfiles(r -> r.pathPrefix("/")).instanceProfiles()).hasSize(1);
    assertThat(iam.listInstanceProfiles(r -> r.pathPrefix("/automation/")).instanceProfiles()).isEmpty();
    assertThat(iam.listServerCertificates(r -> r.pathPrefix("/web/")).serverCertificateMetadataList())
        .extracting(ServerCertificateMetadata::serverCertificateName).containsExactly("www-demo-example-com");
    assertThat(iam.listServerCertificates(r -> r.pathPrefix("/api/")).serverCertificateMetadataList()).isEmpty();
  }

  @Test
  void accessKeysAreListedPerUser() {
    assertThat(iam.listAccessKeys(r -> r.userName("ci-deploy")).accessKeyMetadata())
        .extracting(AccessKeyMetadata::accessKeyId).containsExactly("AKIADEMOCIDEPLOY0001", "AKIADEMOCIDEPLOY0002");
    assertThat(iam.listAccessKeys(r -> r.userName("alice")).accessKeyMetadata()).isEmpty();
    var first = iam.listAccessKeys(r -> r.userName("ci-deploy").maxItems(1));
    assertThat(first.isTruncated()).isTrue();
    assertThat(iam.listAccessKeys(r -> r.userName("ci-deploy").maxItems(1).marker(first.marker())).accessKeyMetadata())
        .extracting(AccessKeyMetadata::accessKeyId).containsExactly("AKIADEMOCIDEPLOY0002");
    // without a name, the caller's own keys
    assertThat(iam.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
        .containsExactly("AKIADEMO00000000000A");
    var e = awsError(() -> iam.listAccessKeys(r -> r.userName("nobody")), 404, "NoSuchEntity");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The user with name nobody cannot be found.");
  }
}
