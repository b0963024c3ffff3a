package io.resoto.worker.awssim.estate;

import java.util.List;

/**
 * An IAM role that can be assumed.
 *
 * @param trust account ids (any principal of the account) or principal ARNs allowed to assume it
 * @param externalId the ExternalId AssumeRole must pass, or null
 * @param maxSessionDuration the longest session in seconds
 * @param webIdentity whether AssumeRoleWithWebIdentity may assume it
 */
public record Role(String account, String name, List<String> trust, String externalId,
    int maxSessionDuration, boolean webIdentity) {

  public Role {
    trust = List.copyOf(trust);
  }

  public String arn() {
    return Arns.role(account, name);
  }

  public String roleId() {
    return AwsIds.roleId(account, name);
  }
}
