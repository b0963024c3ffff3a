package io.resoto.worker.awssim.resources.secretsmanager;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

/**
 * Secrets Manager secrets (JSON 1.1, target prefix {@code secretsmanager}): ListSecrets and
 * GetResourcePolicy, from the estate's regional {@code secretsmanager} collections
 * {@code Secrets} ({@link SecretListEntry}, ListSecrets' shape; no secret values) and
 * {@code ResourcePolicies} ({@link PutResourcePolicyRequest}: SecretId (the secret's name or ARN),
 * ResourcePolicy).
 *
 * <p>As in AWS: ListSecrets pages by {@code MaxResults} (1..100, default 100) and an opaque
 * {@code NextToken} ({@code InvalidNextTokenException} for a foreign one), leaves out secrets
 * scheduled for deletion unless {@code IncludePlannedDeletion}, filters by {@code name},
 * {@code description} and {@code tag-key} (prefix match; a leading {@code !} negates) and sorts by
 * creation date ({@code SortOrder}, default desc); GetResourcePolicy takes the secret's name or
 * ARN ({@code ResourceNotFoundException} otherwise) and answers no policy for a secret without one.
 */
public final class SecretsManagerApi implements ResourceApi {

  private static final ItemKey<SecretListEntry> NAME = ItemKey.of("Name", SecretListEntry::name);
  private static final ItemKey<SecretListEntry> ARN = ItemKey.of("ARN", SecretListEntry::arn);
  private static final ItemKey<PutResourcePolicyRequest> POLICY =
      ItemKey.of("SecretId", PutResourcePolicyRequest::secretId);

  /** Registered in {@code ResourceApis.ALL}. */
  public SecretsManagerApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListSecretsRequest.class, (ctx, req) -> {
      List<SecretListEntry> secrets = new ArrayList<>(store.regional(ctx, "secretsmanager", "Secrets",
          SecretListEntry.class).stream()
          .filter(s -> Boolean.TRUE.equals(req.includePlannedDeletion()) || s.deletedDate() == null)
          .filter(s -> req.filters().stream().allMatch(f -> matches(s, f)))
          .toList());
      Comparator<SecretListEntry> byDate = Comparator.comparing(s -> s.createdDate() == null
          ? java.time.Instant.EPOCH : s.createdDate());
      secrets.sort(req.sortOrder() == SortOrderType.ASC ? byDate : byDate.reversed());
      Page<SecretListEntry> page;
      try {
        page = Page.of(secrets, "secretsmanager:ListSecrets:" + ctx.caller().accountId() + ":" + ctx.region() + ":"
            + req.filters() + req.includePlannedDeletion() + req.sortOrderAsString(), req.nextToken(),
            req.maxResults(), 100, 100);
      } catch (AwsError e) {
        throw "InvalidNextToken".equals(e.code())
            ? AwsError.of(400, "InvalidNextTokenException", "The NextToken value is invalid.")
            : AwsError.of(400, "InvalidParameterException", "MaxResults must be between 1 and 100.");
      }
      return ListSecretsResponse.builder().secretList(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetResourcePolicyRequest.class, (ctx, req) -> {
      SecretListEntry secret = secret(store, ctx, req.secretId());
      PutResourcePolicyRequest policy = store.findRegional(ctx, "secretsmanager", "ResourcePolicies",
          PutResourcePolicyRequest.class, POLICY, secret.name());
      if (policy == null) {
        policy = store.findRegional(ctx, "secretsmanager", "ResourcePolicies", PutResourcePolicyRequest.class, POLICY,
            secret.arn());
      }
      return GetResourcePolicyResponse.builder().arn(secret.arn()).name(secret.name())
          .resourcePolicy(policy == null ? null : policy.resourcePolicy()).build();
    });
  }

  private static boolean matches(SecretListEntry s, Filter f) {
    return f.values().stream().anyMatch(v -> {
      boolean negate = v.startsWith("!");
      String value = negate ? v.substring(1) : v;
      boolean hit = switch (f.keyAsString()) {
        case "name" -> s.name() != null && s.name().startsWith(value);
        case "description" -> s.description() != null && s.description().startsWith(value);
        case "tag-key" -> s.tags().stream().anyMatch(t -> t.key().startsWith(value));
        case "tag-value" -> s.tags().stream().anyMatch(t -> t.value() != null && t.value().startsWith(value));
        case "primary-region" -> value.equals(s.primaryRegion());
        case "owning-service" -> s.owningService() != null && s.owningService().startsWith(value);
        case "all" -> s.name().startsWith(value) || s.description() != null && s.description().startsWith(value);
        default -> throw AwsError.of(400, "InvalidParameterException", "Invalid filter key " + f.keyAsString());
      };
      return negate != hit;
    });
  }

  private static SecretListEntry secret(ResourceStore store, CallContext ctx, String id) {
    if (id == null || id.isEmpty()) {
      throw AwsError.of(400, "InvalidParameterException", "You must provide a SecretId.");
    }
    SecretListEntry s = id.startsWith("arn:")
        ? store.findRegional(ctx, "secretsmanager", "Secrets", SecretListEntry.class, ARN, id)
        : store.findRegional(ctx, "secretsmanager", "Secrets", SecretListEntry.class, NAME, id);
    if (s == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }
    return s;
  }
}
