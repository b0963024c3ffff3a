package io.resoto.worker.aws.kinds.glacier;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;
import software.amazon.awssdk.services.glacier.model.ResourceNotFoundException;

/**
 * {@code aws_glacier_vault}: S3 Glacier vaults (ListVaults, then per vault ListTagsForVault and
 * GetVaultAccessPolicy; the original makes the last call without declaring it). id and name =
 * the vault name, ctime = its creation date, ARN = VaultARN. A vault without an access policy
 * answers ResourceNotFoundException, which means: no policy. The vault points to its jobs (made by
 * {@code aws_glacier_job}). Calls name the account {@code -} (the caller's), as the SDK does.
 */
public final class AwsGlacierVaultKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_glacier_vault";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("bucket", "storage")
      .successors(EdgeType.DEFAULT, "aws_glacier_job")
      .property("glacier_last_inventory_date", "string", "When Glacier last took the vault's inventory (ISO 8601).")
      .property("glacier_number_of_archives", "int64", "The number of archives at the last inventory.")
      .property("glacier_size_in_bytes", "int64", "The size of the vault's archives at the last inventory, in bytes.")
      .property("glacier_access_policy", "dictionary[string, any]", "The vault's access policy, if it has one.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsGlacierVaultKind() {
    this(10);
  }

  /** The kind listing vaults in pages of this size (1..10; tests page small estates with it). */
  AwsGlacierVaultKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "glacier", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("glacier:ListVaults", "glacier:ListTagsForVault", "glacier:GetVaultAccessPolicy");
  }

  /** Tags through glacier:AddTagsToVault and glacier:RemoveTagsFromVault with the vault name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("glacier:AddTagsToVault"),
        (ctx, key, value) -> ctx.client(GlacierClient.builder())
            .addTagsToVault(r -> r.accountId("-").vaultName(ctx.target().id()).tags(Map.of(key, value))),
        List.of("glacier:RemoveTagsFromVault"),
        (ctx, key) -> ctx.client(GlacierClient.builder())
            .removeTagsFromVault(r -> r.accountId("-").vaultName(ctx.target().id()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    GlacierClient glacier = ctx.client(GlacierClient.builder());
    for (DescribeVaultOutput v : GlacierListing.vaults(ctx, pageSize)) {
      ctx.submit(() -> {
        Map<String, String> tags = glacier.listTagsForVault(b -> b.accountId("-").vaultName(v.vaultName())).tags();
        String policy;
        try {
          policy = glacier.getVaultAccessPolicy(b -> b.accountId("-").vaultName(v.vaultName())).policy().policy();
        } catch (ResourceNotFoundException none) {
          policy = null;
        }
        ctx.add(node(ctx, v, tags, policy));
      });
    }
  }

  static Node node(KindContext ctx, DescribeVaultOutput v, Map<String, String> tags, String policy) {
    Node.Builder b = ctx.node(KIND, v.vaultName()).name(v.vaultName()).tags(tags).ctime(instant(v.creationDate()));
    ApiValues.put(b, "glacier_last_inventory_date", v.lastInventoryDate());
    ApiValues.put(b, "glacier_number_of_archives", v.numberOfArchives());
    ApiValues.put(b, "glacier_size_in_bytes", v.sizeInBytes());
    ApiValues.put(b, "glacier_access_policy", ApiValues.json(policy));
    return KindContext.arn(b, v.vaultARN()).build();
  }

  /** Glacier's ISO 8601 text dates; null when absent or not a date. */
  static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
