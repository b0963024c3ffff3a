package io.resoto.worker.awssim.resources.glacier;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glacier.model.AddTagsToVaultRequest;
import software.amazon.awssdk.services.glacier.model.AddTagsToVaultResponse;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;
import software.amazon.awssdk.services.glacier.model.GetVaultAccessPolicyRequest;
import software.amazon.awssdk.services.glacier.model.GetVaultAccessPolicyResponse;
import software.amazon.awssdk.services.glacier.model.GlacierJobDescription;
import software.amazon.awssdk.services.glacier.model.ListJobsRequest;
import software.amazon.awssdk.services.glacier.model.ListJobsResponse;
import software.amazon.awssdk.services.glacier.model.ListTagsForVaultRequest;
import software.amazon.awssdk.services.glacier.model.ListTagsForVaultResponse;
import software.amazon.awssdk.services.glacier.model.ListVaultsRequest;
import software.amazon.awssdk.services.glacier.model.ListVaultsResponse;
import software.amazon.awssdk.services.glacier.model.RemoveTagsFromVaultRequest;
import software.amazon.awssdk.services.glacier.model.RemoveTagsFromVaultResponse;
import software.amazon.awssdk.services.glacier.model.SetVaultAccessPolicyRequest;

/**
 * S3 Glacier vaults (REST-JSON; the SDK adds {@code x-amz-glacier-version} and sends {@code -} as
 * the account id): ListVaults, ListTagsForVault, GetVaultAccessPolicy, ListJobs, AddTagsToVault
 * and RemoveTagsFromVault, from the estate's {@code glacier} collections: {@code Vaults}
 * ({@link DescribeVaultOutput}, ListVaults' item), {@code VaultTags} (AddTagsToVault's input:
 * vaultName, Tags), {@code VaultAccessPolicies} (SetVaultAccessPolicy's input: vaultName,
 * policy.Policy) and {@code Jobs} ({@link GlacierJobDescription}; the vault is the one its
 * VaultARN names).
 *
 * <p>As in AWS: the account id is {@code -} or the caller's own ({@code AccessDeniedException}
 * otherwise); ListVaults answers vaults by name, {@code limit} 1..10 (default 10), the marker
 * being the ARN of the vault to continue at; ListJobs pages by {@code limit} 1..50 (default 50)
 * with an opaque marker and filters by {@code statuscode} and {@code completed}; an unknown vault,
 * and a vault without access policy for GetVaultAccessPolicy, is {@code ResourceNotFoundException}
 * (404); a vault holds at most 50 tags ({@code LimitExceededException}).
 */
public final class GlacierApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<DescribeVaultOutput> VAULT = ItemKey.of("VaultName", DescribeVaultOutput::vaultName);
  private static final ItemKey<AddTagsToVaultRequest> TAGS = ItemKey.of("vaultName", AddTagsToVaultRequest::vaultName);
  private static final ItemKey<SetVaultAccessPolicyRequest> POLICY =
      ItemKey.of("vaultName", SetVaultAccessPolicyRequest::vaultName);

  /** Registered in {@code ResourceApis.ALL}. */
  public GlacierApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListVaultsRequest.class, (ctx, req) -> {
      requireAccount(ctx, req.accountId());
      List<DescribeVaultOutput> vaults = store.regional(ctx, "glacier", "Vaults", DescribeVaultOutput.class).stream()
          .sorted(java.util.Comparator.comparing(DescribeVaultOutput::vaultName)).toList();
      int size = limit(req.limit(), 10);
      int start = 0;
      if (req.marker() != null && !req.marker().isEmpty()) {
        start = -1;
        for (int i = 0; i < vaults.size() && start < 0; i++) {
          if (req.marker().equals(vaults.get(i).vaultARN())) {
            start = i;
          }
        }
        if (start < 0) {
          throw AwsError.of(400, "InvalidParameterValueException", "Invalid marker: " + req.marker());
        }
      }
      int end = Math.min(vaults.size(), start + size);
      return ListVaultsResponse.builder().vaultList(vaults.subList(start, end))
          .marker(end < vaults.size() ? vaults.get(end).vaultARN() : null).build();
    });
    registry.on(ListTagsForVaultRequest.class, (ctx, req) -> {
      String name = vault(store, ctx, req.accountId(), req.vaultName()).vaultName();
      AddTagsToVaultRequest tags = store.findRegional(ctx, "glacier", "VaultTags", AddTagsToVaultRequest.class, TAGS, name);
      return ListTagsForVaultResponse.builder().tags(tags == null ? Map.of() : tags.tags()).build();
    });
    registry.on(GetVaultAccessPolicyRequest.class, (ctx, req) -> {
      String name = vault(store, ctx, req.accountId(), req.vaultName()).vaultName();
      SetVaultAccessPolicyRequest p = store.findRegional(ctx, "glacier", "VaultAccessPolicies",
          SetVaultAccessPolicyRequest.class, POLICY, name);
      if (p == null || p.policy() == null) {
        throw AwsError.of(404, "ResourceNotFoundException", "No vault access policy is set for: " + name);
      }
      return GetVaultAccessPolicyResponse.builder().policy(p.policy()).build();
    });
    registry.on(ListJobsRequest.class, (ctx, req) -> {
      DescribeVaultOutput vault = vault(store, ctx, req.accountId(), req.vaultName());
      List<GlacierJobDescription> jobs = store.regional(ctx, "glacier", "Jobs", GlacierJobDescription.class).stream()
          .filter(j -> vault.vaultARN().equals(j.vaultARN()))
          .filter(j -> req.statuscode() == null || req.statuscode().equals(j.statusCodeAsString()))
          .filter(j -> req.completed() == null || req.completed().equals(String.valueOf(j.completed())))
          .toList();
      Page<GlacierJobDescription> page;
      try {
        page = Page.of(jobs, "glacier:ListJobs:" + vault.vaultARN() + ":" + req.statuscode() + ":" + req.completed(),
            req.marker(), limit(req.limit(), 50), 50, 50);
      } catch (AwsError e) {
        throw AwsError.of(400, "InvalidParameterValueException", "Invalid marker: " + req.marker());
      }
      return ListJobsResponse.builder().jobList(page.items()).marker(page.nextToken()).build();
    });
    registry.on(AddTagsToVaultRequest.class, (ctx, req) -> {
      String name = vault(store, ctx, req.accountId(), req.vaultName()).vaultName();
      for (String key : req.tags().keySet()) {
        if (!TagRules.isUserKey(key)) {
          throw AwsError.of(400, "InvalidParameterValueException", "Invalid tag key: " + key);
        }
      }
      store.updateRegional(ctx, "glacier", "VaultTags", AddTagsToVaultRequest.class, TAGS, name, current -> {
        Map<String, String> tags = new LinkedHashMap<>(current == null ? Map.of() : current.tags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "LimitExceededException", "The vault would have more than " + MAX_TAGS + " tags.");
        }
        return AddTagsToVaultRequest.builder().vaultName(name).tags(tags).build();
      });
      return AddTagsToVaultResponse.builder().build();
    });
    registry.on(RemoveTagsFromVaultRequest.class, (ctx, req) -> {
      String name = vault(store, ctx, req.accountId(), req.vaultName()).vaultName();
      store.updateRegional(ctx, "glacier", "VaultTags", AddTagsToVaultRequest.class, TAGS, name, current -> {
        if (current == null) {
          return null;
        }
        Map<String, String> tags = new LinkedHashMap<>(current.tags());
        req.tagKeys().forEach(tags::remove);
        return current.toBuilder().tags(tags).build();
      });
      return RemoveTagsFromVaultResponse.builder().build();
    });
  }

  private static void requireAccount(CallContext ctx, String accountId) {
    if (!"-".equals(accountId) && !ctx.caller().accountId().equals(accountId)) {
      throw AwsError.of(403, "AccessDeniedException", "Access denied to the vaults of account " + accountId);
    }
  }

  private static DescribeVaultOutput vault(ResourceStore store, CallContext ctx, String accountId, String name) {
    requireAccount(ctx, accountId);
    DescribeVaultOutput v = name == null ? null
        : store.findRegional(ctx, "glacier", "Vaults", DescribeVaultOutput.class, VAULT, name);
    if (v == null) {
      throw AwsError.of(404, "ResourceNotFoundException", "Vault not found for ARN: arn:aws:glacier:" + ctx.region()
          + ":" + ctx.caller().accountId() + ":vaults/" + name);
    }
    return v;
  }

  private static int limit(String text, int max) {
    if (text == null || text.isEmpty()) {
      return max;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw AwsError.of(400, "InvalidParameterValueException", "Invalid limit: " + text);
    }
    if (value < 1 || value > max) {
      throw AwsError.of(400, "InvalidParameterValueException", "The limit must be between 1 and " + max);
    }
    return value;
  }
}
