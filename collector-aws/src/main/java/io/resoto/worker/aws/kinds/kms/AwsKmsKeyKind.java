package io.resoto.worker.aws.kinds.kms;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * {@code aws_kms_key}: KMS keys (ListKeys, then DescribeKey and ListResourceTags per key; for
 * customer managed keys also GetKeyPolicy and, for the keys {@link #rotates} names,
 * GetKeyRotationStatus, which AWS refuses for the others). id and name are the key id, ctime the
 * creation date. The original's edges from keys go to kinds not collected yet (log groups,
 * DynamoDB tables, Secrets Manager secrets); the kinds that use a key point to it.
 */
public final class AwsKmsKeyKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_kms_key";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("access_key", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_cloudformation_stack")
      .display("key", "access_control")
      .property("kms_aws_account_id", "string", "The account that owns the key.")
      .property("kms_enabled", "boolean", "Whether the key is enabled.")
      .property("kms_description", "string", "The key's description.")
      .property("kms_key_usage", "string", "What the key is for: ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, ...")
      .property("kms_key_state", "string", "The key's state: Enabled, Disabled, PendingDeletion, PendingImport, ...")
      .property("kms_deletion_date", "datetime", "When a key pending deletion is deleted.")
      .property("kms_pending_deletion_window_in_days", "int64", "The waiting period of a key pending deletion, in days.")
      .property("kms_origin", "string", "Where the key material comes from: AWS_KMS, EXTERNAL, AWS_CLOUDHSM, ...")
      .property("kms_key_manager", "string", "Who manages the key: CUSTOMER or AWS.")
      .property("kms_key_spec", "string", "The type of key material: SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, ...")
      .property("kms_encryption_algorithms", "string[]", "The encryption algorithms the key supports.")
      .property("kms_signing_algorithms", "string[]", "The signing algorithms the key supports.")
      .property("kms_multi_region", "boolean", "Whether the key is a multi-Region key.")
      .property("kms_key_policy", "string", "The key's default key policy, a JSON document (customer managed keys).")
      .property("kms_key_rotation_enabled", "boolean", "Whether automatic rotation of the key material is on.")
      .property("kms_rotation_period_in_days", "int64", "The number of days between automatic rotations.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsKmsKeyKind() {
    this(1000);
  }

  /** The kind listing keys in pages of this size (1..1000; tests page small estates with it). */
  AwsKmsKeyKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "kms", MODEL);
    this.pageSize = pageSize;
  }

  /** Tags through kms:TagResource and kms:UntagResource with the key's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("kms:TagResource"),
        (ctx, key, value) -> ctx.client(KmsClient.builder())
            .tagResource(r -> r.keyId(ctx.arn()).tags(Tag.builder().tagKey(key).tagValue(value).build())),
        List.of("kms:UntagResource"),
        (ctx, key) -> ctx.client(KmsClient.builder()).untagResource(r -> r.keyId(ctx.arn()).tagKeys(key))));
  }

  @Override
  public List<String> apiCalls() {
    return List.of(
        "kms:DescribeKey",
        "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus",
        "kms:ListKeys",
        "kms:ListResourceTags");
  }

  @Override
  public void collect(KindContext ctx) {
    KmsClient kms = ctx.client(KmsClient.builder());
    for (KeyListEntry entry : kms.listKeysPaginator(b -> b.limit(pageSize)).keys()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        KeyMetadata key = kms.describeKey(b -> b.keyId(entry.keyId())).keyMetadata();
        Map<String, String> tags = new LinkedHashMap<>();
        kms.listResourceTagsPaginator(b -> b.keyId(key.keyId()).limit(50)).tags()
            .forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        String policy = null;
        Boolean rotation = null;
        Integer rotationPeriod = null;
        if ("CUSTOMER".equals(key.keyManagerAsString())) {
          policy = kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("default")).policy();
          if (rotates(key)) {
            var status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
            rotation = status.keyRotationEnabled();
            rotationPeriod = status.rotationPeriodInDays();
          }
        }
        ctx.add(node(ctx, key, tags, policy, rotation, rotationPeriod));
      });
    }
  }

  /** Maps a key: id and name = the key id, ctime = CreationDate, the ARN as KMS gives it. */
  static Node node(KindContext ctx, KeyMetadata k, Map<String, String> tags, String policy, Boolean rotation,
      Integer rotationPeriod) {
    Node.Builder b = ctx.node(KIND, k.keyId()).name(k.keyId()).ctime(k.creationDate()).tags(tags)
        .categories("access_control", "security");
    put(b, "kms_aws_account_id", k.awsAccountId());
    put(b, "kms_enabled", k.enabled());
    put(b, "kms_description", k.description() == null || k.description().isEmpty() ? null : k.description());
    put(b, "kms_key_usage", k.keyUsageAsString());
    put(b, "kms_key_state", k.keyStateAsString());
    put(b, "kms_deletion_date", k.deletionDate());
    put(b, "kms_pending_deletion_window_in_days",
        k.pendingDeletionWindowInDays() == null ? null : k.pendingDeletionWindowInDays().longValue());
    put(b, "kms_origin", k.originAsString());
    put(b, "kms_key_manager", k.keyManagerAsString());
    put(b, "kms_key_spec", k.keySpecAsString());
    put(b, "kms_encryption_algorithms", k.encryptionAlgorithmsAsStrings().isEmpty() ? null
        : List.copyOf(k.encryptionAlgorithmsAsStrings()));
    put(b, "kms_signing_algorithms", k.signingAlgorithmsAsStrings().isEmpty() ? null
        : List.copyOf(k.signingAlgorithmsAsStrings()));
    put(b, "kms_multi_region", k.multiRegion());
    put(b, "kms_key_policy", policy);
    put(b, "kms_key_rotation_enabled", rotation);
    put(b, "kms_rotation_period_in_days", rotationPeriod == null ? null : rotationPeriod.longValue());
    return KindContext.arn(b, k.arn()).build();
  }

  /**
   * Whether AWS answers GetKeyRotationStatus for the key: only symmetric keys with KMS's own key
   * material (not imported, not in a custom key store) that are enabled or disabled; it refuses
   * the others (UnsupportedOperationException, KMSInvalidStateException).
   */
  static boolean rotates(KeyMetadata key) {
    return "SYMMETRIC_DEFAULT".equals(key.keySpecAsString()) && "AWS_KMS".equals(key.originAsString())
        && (key.keyState() == KeyState.ENABLED || key.keyState() == KeyState.DISABLED);
  }

  /**
   * The key id in a key reference of another service (key id or key ARN), or null for none and for
   * aliases (alias/..., or an alias ARN), which name no key id.
   */
  public static String keyId(String reference) {
    if (reference == null || reference.isEmpty() || reference.startsWith("alias/") || reference.contains(":alias/")) {
      return null;
    }
    int slash = reference.lastIndexOf('/');
    return slash < 0 ? reference : reference.substring(slash + 1);
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
