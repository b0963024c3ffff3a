package io.resoto.worker.awssim.resources.iam;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.MFADevice;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM's account-level settings, from the caller's account's {@code global} IAM resources:
 *
 * <ul>
 *   <li>GetAccountSummary: the counts are computed from the estate's IAM collections (Users,
 *       Groups, Roles, InstanceProfiles, customer managed Policies and their stored versions,
 *       ServerCertificates, MFADevices, the root user's MFA device and access keys), the quotas
 *       are AWS's defaults, and an optional one-item collection {@code AccountSummary}
 *       ({@code [{SummaryMap: {...}}]}) overrides any entry, e.g.
 *       {@code AccountSigningCertificatesPresent} or {@code GlobalEndpointTokenVersion}, which the
 *       estate has nothing to compute from;
 *   <li>GetAccountPasswordPolicy: the one-item collection {@code PasswordPolicy} in the API's
 *       shape; without it {@code 404 NoSuchEntity}, as for an account that never set a policy.
 *       {@code ExpirePasswords} is derived from {@code MaxPasswordAge} when not given, as AWS does.
 * </ul>
 */
final class IamAccountSettings {

  /** The root user's name in IAM's listings (MFA devices, access keys, the credential report). */
  static final String ROOT = "<root_account>";

  /** AWS's default IAM quotas, as GetAccountSummary reports them for a new account. */
  private static final Map<String, Integer> QUOTAS = quotas();

  private IamAccountSettings() {}

  static void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(GetAccountSummaryRequest.class, (ctx, req) ->
        GetAccountSummaryResponse.builder().summaryMapWithStrings(summary(store, ctx)).build());
    registry.on(GetAccountPasswordPolicyRequest.class, (ctx, req) -> {
      PasswordPolicy policy = store.global(ctx, "iam", "PasswordPolicy", PasswordPolicy.class).stream()
          .findFirst().orElseThrow(() -> AwsError.of(404, "NoSuchEntity",
              "The Password Policy with domain name " + ctx.caller().accountId() + " cannot be found."));
      if (policy.expirePasswords() == null) {
        policy = policy.toBuilder().expirePasswords(policy.maxPasswordAge() != null && policy.maxPasswordAge() > 0)
            .build();
      }
      return GetAccountPasswordPolicyResponse.builder().passwordPolicy(policy).build();
    });
  }

  static Map<String, Integer> summary(ResourceStore store, CallContext ctx) {
    List<ManagedPolicyDetail> customerPolicies = store.global(ctx, "iam", "Policies", ManagedPolicyDetail.class)
        .stream().filter(p -> p.arn() == null || !p.arn().contains(":iam::aws:policy/")).toList();
    List<MFADevice> mfa = store.global(ctx, "iam", "MFADevices", MFADevice.class);
    List<AccessKeyMetadata> keys = store.global(ctx, "iam", "AccessKeys", AccessKeyMetadata.class);
    Map<String, Integer> summary = new LinkedHashMap<>(QUOTAS);
    summary.put("Users", store.global(ctx, "iam", "Users", UserDetail.class).size());
    summary.put("Groups", store.global(ctx, "iam", "Groups", GroupDetail.class).size());
    summary.put("Roles", store.global(ctx, "iam", "Roles", RoleDetail.class).size());
    summary.put("InstanceProfiles", store.global(ctx, "iam", "InstanceProfiles", InstanceProfile.class).size());
    summary.put("Policies", customerPolicies.size());
    // every stored version of a customer managed policy counts; a policy lists at least its default one
    summary.put("PolicyVersionsInUse", customerPolicies.stream()
        .mapToInt(p -> Math.max(1, p.policyVersionList().size())).sum());
    summary.put("ServerCertificates",
        store.global(ctx, "iam", "ServerCertificates", ServerCertificateMetadata.class).size());
    summary.put("MFADevices", mfa.size());
    summary.put("MFADevicesInUse", (int) mfa.stream().filter(m -> m.userName() != null).count());
    summary.put("AccountMFAEnabled", mfa.stream().anyMatch(m -> ROOT.equals(m.userName())) ? 1 : 0);
    summary.put("AccountAccessKeysPresent", keys.stream().anyMatch(k -> ROOT.equals(k.userName())) ? 1 : 0);
    summary.put("AccountSigningCertificatesPresent", 0);
    summary.put("Providers", 0);
    summary.put("GlobalEndpointTokenVersion", 1);
    for (GetAccountSummaryResponse override : store.global(ctx, "iam", "AccountSummary",
        GetAccountSummaryResponse.class)) {
      summary.putAll(override.summaryMapAsStrings());
    }
    return summary;
  }

  private static Map<String, Integer> quotas() {
    Map<String, Integer> q = new LinkedHashMap<>();
    q.put("UsersQuota", 5000);
    q.put("GroupsQuota", 300);
    q.put("RolesQuota", 1000);
    q.put("InstanceProfilesQuota", 1000);
    q.put("PoliciesQuota", 1500);
    q.put("PolicyVersionsInUseQuota", 10000);
    q.put("VersionsPerPolicyQuota", 5);
    q.put("ServerCertificatesQuota", 20);
    q.put("GroupsPerUserQuota", 10);
    q.put("AccessKeysPerUserQuota", 2);
    q.put("SigningCertificatesPerUserQuota", 2);
    q.put("AttachedPoliciesPerUserQuota", 10);
    q.put("AttachedPoliciesPerGroupQuota", 10);
    q.put("AttachedPoliciesPerRoleQuota", 10);
    q.put("UserPolicySizeQuota", 2048);
    q.put("GroupPolicySizeQuota", 5120);
    q.put("RolePolicySizeQuota", 10240);
    q.put("PolicySizeQuota", 6144);
    q.put("AssumeRolePolicySizeQuota", 2048);
    return java.util.Collections.unmodifiableMap(q);
  }
}
