package io.resoto.worker.aws.kinds.base;

import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;

/**
 * {@code aws_account}: the root of every account graph, built by the engine from the account
 * target. The IAM account summary, password policy and organisation membership fields are
 * declared as the original has them; they are filled by a later account-details step.
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
          "The number of versions of customer managed policies attached to principals.")
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

  /** Declares the kind. */
  public AwsAccountKind() {
    super(KIND, Scope.ENGINE, "iam", MODEL);
  }

  /** Built by the engine ({@link #node}); there is nothing to list. */
  @Override
  public void collect(KindContext ctx) {}

  /**
   * The account node of a target: id = the account id, name = the target's display name, and
   * the role, profile and partition it was reached through.
   */
  public static Node node(AwsAccountTarget target) {
    return Node.builder(KIND, target.id())
        .name(target.name() == null || target.name().isBlank() ? target.id() : target.name())
        .cloud(AccountCollector.CLOUD)
        .account(target.id())
        .property("role", target.roleArn())
        .property("profile", target.profile())
        .property("partition", target.partition() == null ? "aws" : target.partition())
        .categories("management")
        .build();
  }
}
