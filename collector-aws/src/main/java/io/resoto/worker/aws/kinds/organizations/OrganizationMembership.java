package io.resoto.worker.aws.kinds.organizations;

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
}
