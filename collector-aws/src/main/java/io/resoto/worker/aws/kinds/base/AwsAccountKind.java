package io.resoto.worker.aws.kinds.base;

import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.Organization;

/**
 * {@code aws_account}: the root of every account graph, built by the engine from the account
 * target ({@link #node}). Its {@link #collect} runs in every account's global region and fills
 * the account-level fields as the original's account update does, each call on its own so a
 * denied one leaves only its own fields empty (a warning, not an account failure): IAM
 * GetAccountSummary (the counters), GetAccountPasswordPolicy (no policy set: the fields stay
 * empty), Organizations DescribeOrganization (an account outside any organisation is not a
 * member) and, unlike the original, whose field stays empty, ListAccountAliases for
 * {@code account_alias}.
 */
public final class AwsAccountKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_account";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("account", KindModel.AWS_RESOURCE)
      .display("account", "management")
      .property("account_alias", "string", "The IAM alias of the account.")
      .property("role", "string", "The role assumed to collect the account, if any.")
      .property("profile", "string", "The profile of the shared AWS config the account was reached through, if any.")
      .property("partition", "string", "The AWS partition of the account: aws, aws-cn or aws-us-gov.")
      .property("users", "int64", "The number of IAM users in the account.")
      .property("groups", "int64", "The number of IAM groups in the account.")
      .property("account_mfa_enabled", "int64", "1 if the root user of the account has MFA enabled, else 0.")
      .property("account_access_keys_present", "int64", "1 if the root user of the account has access keys, else 0.")
      .property("account_signing_certificates_present", "int64",
          "1 if the root user of the account has signing certificates, else 0.")
      .property("mfa_devices", "int64", "The number of MFA devices in the account.")
      .property("mfa_devices_in_use", "int64", "The number of MFA devices assigned to a user.")
      .property("policies", "int64", "The number of customer managed IAM policies in the account.")
      .property("policy_versions_in_use", "int64",
          "The number of stored versions of customer managed IAM policies.")
      .property("global_endpoint_token_version", "int64",
          "The version of the session tokens the global STS endpoint issues (1 or 2).")
      .property("server_certificates", "int64", "The number of IAM server certificates in the account.")
      .property("minimum_password_length", "int64", "The minimum length of IAM user passwords.")
      .property("require_symbols", "boolean", "Whether IAM user passwords must contain a symbol.")
      .property("require_numbers", "boolean", "Whether IAM user passwords must contain a number.")
      .property("require_uppercase_characters", "boolean",
          "Whether IAM user passwords must contain an upper case letter.")
      .property("require_lowercase_characters", "boolean",
          "Whether IAM user passwords must contain a lower case letter.")
      .property("allow_users_to_change_password", "boolean",
          "Whether IAM users may change their own password.")
      .property("expire_passwords", "boolean", "Whether IAM user passwords expire.")
      .property("max_password_age", "int64", "The number of days an IAM user password is valid.")
      .property("password_reuse_prevention", "int64",
          "The number of previous passwords an IAM user may not reuse.")
      .property("hard_expiry", "boolean",
          "Whether IAM users whose password expired need an administrator to reset it.")
      .property("is_organization_member", "boolean", "Whether the account belongs to an organisation.")
      .property("is_organization_master", "boolean", "Whether the account is its organisation's management account.")
      .property("organization_id", "string", "The id of the account's organisation.")
      .property("organization_arn", "string", "The ARN of the account's organisation.")
      .successors(EdgeType.DEFAULT, "aws_region", "aws_s3_account_settings")
      .build();

  /** GetAccountSummary's SummaryMap keys and the properties the original maps them to. */
  private static final Map<String, String> SUMMARY_FIELDS = summaryFields();

  /** Declares the kind. */
  public AwsAccountKind() {
    super(KIND, Scope.ENGINE, "iam", MODEL);
  }

  /** Fills the account node's fields (see the class comment); one task per call. */
  @Override
  public List<String> apiCalls() {
    return List.of(
        "iam:GetAccountPasswordPolicy",
        "iam:GetAccountSummary",
        "iam:ListAccountAliases",
        "organizations:DescribeOrganization");
  }

  @Override
  public void collect(KindContext ctx) {
    IamClient iam = ctx.client(IamClient.builder());
    ctx.submit(() -> ctx.addAccountProperties(summary(iam.getAccountSummary().summaryMapAsStrings())));
    ctx.submit(() -> ctx.addAccountProperties(passwordPolicy(iam)));
    ctx.submit(() -> ctx.addAccountProperties(alias(iam.listAccountAliases().accountAliases())));
    OrganizationsClient organizations = ctx.client(OrganizationsClient.builder());
    ctx.submit(() -> ctx.addAccountProperties(organization(organizations, ctx.account().id())));
  }

  /** The counters of IAM's account summary, as the original names them. */
  static Map<String, Object> summary(Map<String, Integer> summary) {
    Map<String, Object> out = new LinkedHashMap<>();
    SUMMARY_FIELDS.forEach((key, property) -> {
      Integer value = summary.get(key);
      out.put(property, value == null ? null : value.longValue());
    });
    return out;
  }

  /** The password policy's fields; none when the account has no policy (IAM answers NoSuchEntity). */
  static Map<String, Object> passwordPolicy(IamClient iam) {
    PasswordPolicy p;
    try {
      p = iam.getAccountPasswordPolicy().passwordPolicy();
    } catch (NoSuchEntityException e) {
      return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("minimum_password_length", p.minimumPasswordLength() == null ? null : p.minimumPasswordLength().longValue());
    out.put("require_symbols", p.requireSymbols());
    out.put("require_numbers", p.requireNumbers());
    out.put("require_uppercase_characters", p.requireUppercaseCharacters());
    out.put("require_lowercase_characters", p.requireLowercaseCharacters());
    out.put("allow_users_to_change_password", p.allowUsersToChangePassword());
    out.put("expire_passwords", p.expirePasswords());
    out.put("max_password_age", p.maxPasswordAge() == null ? null : p.maxPasswordAge().longValue());
    out.put("password_reuse_prevention",
        p.passwordReusePrevention() == null ? null : p.passwordReusePrevention().longValue());
    out.put("hard_expiry", p.hardExpiry());
    return out;
  }

  /** The account's IAM alias (an account has at most one), if set. */
  static Map<String, Object> alias(List<String> aliases) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("account_alias", aliases.isEmpty() ? null : aliases.get(0));
    return out;
  }

  /** Organisation membership: DescribeOrganization answers every member account. */
  static Map<String, Object> organization(OrganizationsClient organizations, String accountId) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      Organization org = organizations.describeOrganization(b -> {}).organization();
      out.put("is_organization_member", true);
      out.put("is_organization_master", accountId.equals(org.masterAccountId()));
      out.put("organization_id", org.id());
      out.put("organization_arn", org.arn());
    } catch (AwsOrganizationsNotInUseException e) {
      out.put("is_organization_member", false);
      out.put("is_organization_master", false);
    }
    return out;
  }

  /**
   * The account node of a target: id = the account id, name = the target's display name, and
   * the role, profile and partition it was reached through.
   */
  public static Node node(AwsAccountTarget target) {
    return node(target, Map.of());
  }

  /** The account node of a target with the fields {@link #collect} found. */
  public static Node node(AwsAccountTarget target, Map<String, ?> details) {
    Node.Builder b = Node.builder(KIND, target.id());
    details.forEach(b::property);
    return b
        .name(target.name() == null || target.name().isBlank() ? target.id() : target.name())
        .cloud(AccountCollector.CLOUD)
        .account(target.id())
        .property("role", target.roleArn())
        .property("profile", target.profile())
        .property("partition", target.partition() == null ? "aws" : target.partition())
        .categories("management")
        .build();
  }

  private static Map<String, String> summaryFields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Users", "users");
    m.put("Groups", "groups");
    m.put("AccountMFAEnabled", "account_mfa_enabled");
    m.put("AccountAccessKeysPresent", "account_access_keys_present");
    m.put("AccountSigningCertificatesPresent", "account_signing_certificates_present");
    m.put("MFADevices", "mfa_devices");
    m.put("MFADevicesInUse", "mfa_devices_in_use");
    m.put("Policies", "policies");
    m.put("PolicyVersionsInUse", "policy_versions_in_use");
    m.put("GlobalEndpointTokenVersion", "global_endpoint_token_version");
    m.put("ServerCertificates", "server_certificates");
    return java.util.Collections.unmodifiableMap(m);
  }
}
