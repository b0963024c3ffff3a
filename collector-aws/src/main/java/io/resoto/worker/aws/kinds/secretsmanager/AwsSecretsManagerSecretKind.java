package io.resoto.worker.aws.kinds.secretsmanager;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * {@code aws_secretsmanager_secret}: Secrets Manager secrets (ListSecrets, then GetResourcePolicy
 * per secret; never a secret's value). id and name are the secret's name, ctime its creation,
 * mtime its last change, atime its last access (a date), the ARN as the API gives it, tags from the
 * listing. A secret encrypted with a customer KMS key points to the key; the key points to the
 * secret by a delete edge, an edge the original makes without declaring it. The original has no
 * tag calls for secrets, so neither has this kind. Unlike the original, secrets scheduled for
 * deletion are listed too (IncludePlannedDeletion): they still exist until their deletion date,
 * which {@code deleted_date} otherwise could never show.
 */
public final class AwsSecretsManagerSecretKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_secretsmanager_secret";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("key", "access_control")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("description", "string", "The secret's description.")
      .property("kms_key_id", "string", "The KMS key (ARN or id) that encrypts the secret; unset: aws/secretsmanager.")
      .property("rotation_enabled", "boolean", "Whether automatic rotation is on.")
      .property("rotation_lambda_arn", "string", "The ARN of the Lambda function that rotates the secret.")
      .property("rotation_rules", "dictionary[string, any]",
          "When the secret is rotated: every so many days, or a schedule expression, and the rotation window.")
      .property("last_rotated_date", "datetime", "When the secret was last rotated.")
      .property("deleted_date", "datetime", "When a secret scheduled for deletion is deleted.")
      .property("next_rotation_date", "datetime", "When the secret is next rotated.")
      .property("secret_versions_to_stages", "dictionary[string, string[]]",
          "The secret's versions and the staging labels (AWSCURRENT, AWSPREVIOUS, ...) attached to each.")
      .property("owning_service", "string", "The AWS service that created and manages the secret, if any.")
      .property("primary_region", "string", "The region of the primary secret of a replicated secret.")
      .property("policy", "string", "The secret's resource-based policy, a JSON document, if any.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsSecretsManagerSecretKind() {
    this(100);
  }

  /** The kind listing secrets in pages of this size (1..100; tests page small estates with it). */
  AwsSecretsManagerSecretKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "secretsmanager", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("secretsmanager:ListSecrets", "secretsmanager:GetResourcePolicy");
  }

  @Override
  public void collect(KindContext ctx) {
    SecretsManagerClient sm = ctx.client(SecretsManagerClient.builder());
    for (ListSecretsResponse page : sm.listSecretsPaginator(b -> b.maxResults(pageSize).includePlannedDeletion(true))) {
      for (SecretListEntry s : page.secretList()) {
        if (ctx.isCancelled()) {
          return;
        }
        ctx.submit(() -> {
          String policy = sm.getResourcePolicy(b -> b.secretId(s.arn())).resourcePolicy();
          Node node = ctx.add(node(ctx, s, policy));
          String key = AwsKmsKeyKind.keyId(s.kmsKeyId());
          ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
        });
      }
    }
  }

  /** Maps a secret: id and name = Name, ctime/mtime/atime = CreatedDate/LastChangedDate/LastAccessedDate. */
  static Node node(KindContext ctx, SecretListEntry s, String policy) {
    Map<String, String> tags = new LinkedHashMap<>();
    s.tags().forEach(t -> tags.put(t.key(), t.value()));
    Node.Builder b = ctx.node(KIND, s.name()).name(s.name()).tags(tags).ctime(s.createdDate())
        .mtime(s.lastChangedDate()).atime(s.lastAccessedDate());
    put(b, "description", s.description());
    put(b, "kms_key_id", s.kmsKeyId());
    put(b, "rotation_enabled", s.rotationEnabled());
    put(b, "rotation_lambda_arn", s.rotationLambdaARN());
    put(b, "rotation_rules", plain(s.rotationRules()));
    put(b, "last_rotated_date", s.lastRotatedDate());
    put(b, "deleted_date", s.deletedDate());
    put(b, "next_rotation_date", s.nextRotationDate());
    put(b, "secret_versions_to_stages", plain(s.secretVersionsToStages()));
    put(b, "owning_service", s.owningService());
    put(b, "primary_region", s.primaryRegion());
    put(b, "policy", policy);
    return KindContext.arn(b, s.arn()).build();
  }
}
