package io.resoto.worker.awssim.resources.kms;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.ListKeysRequest;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.ListResourceTagsRequest;
import software.amazon.awssdk.services.kms.model.ListResourceTagsResponse;
import software.amazon.awssdk.services.kms.model.PutKeyPolicyRequest;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.kms.model.TagResourceRequest;
import software.amazon.awssdk.services.kms.model.TagResourceResponse;
import software.amazon.awssdk.services.kms.model.UntagResourceRequest;
import software.amazon.awssdk.services.kms.model.UntagResourceResponse;

/**
 * KMS keys (JSON 1.1, target prefix {@code TrentService}): ListKeys, DescribeKey,
 * ListResourceTags, GetKeyPolicy, GetKeyRotationStatus, TagResource and UntagResource, from the
 * estate's {@code kms} collections: {@code Keys} ({@link KeyMetadata}, DescribeKey's shape), and
 * beside them {@code KeyTags} ({@link TagResourceRequest}: KeyId, Tags), {@code KeyPolicies}
 * ({@link PutKeyPolicyRequest}: KeyId, Policy) and {@code KeyRotations}
 * ({@link GetKeyRotationStatusResponse}). A key without a policy entry has none to show; without a
 * rotation entry rotation is off.
 *
 * <p>As in AWS: a key is named by its id or ARN ({@code NotFoundException} otherwise); ListKeys
 * pages by {@code Limit} (1..1000, default 100) and {@code Marker}, ListResourceTags by
 * {@code Limit} (1..50, default 50), with {@code Truncated}/{@code NextMarker}; a foreign marker is
 * {@code InvalidMarkerException}; GetKeyRotationStatus of an asymmetric key is
 * {@code UnsupportedOperationException}, of a key pending deletion {@code KMSInvalidStateException};
 * tag keys starting with {@code aws:} and AWS managed keys are refused ({@code TagException},
 * {@code AccessDeniedException}); a key holds at most 50 tags.
 */
public final class KmsKeysApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<KeyMetadata> KEY = ItemKey.of("KeyId", KeyMetadata::keyId);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("KeyId", TagResourceRequest::keyId);
  private static final ItemKey<PutKeyPolicyRequest> POLICY = ItemKey.of("KeyId", PutKeyPolicyRequest::keyId);
  private static final ItemKey<GetKeyRotationStatusResponse> ROTATION =
      ItemKey.of("KeyId", GetKeyRotationStatusResponse::keyId);

  /** Registered in {@code ResourceApis.ALL}. */
  public KmsKeysApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListKeysRequest.class, (ctx, req) -> {
      List<KeyListEntry> keys = store.regional(ctx, "kms", "Keys", KeyMetadata.class).stream()
          .map(k -> KeyListEntry.builder().keyId(k.keyId()).keyArn(k.arn()).build()).toList();
      Page<KeyListEntry> page = page(keys, "kms:ListKeys:" + ctx.caller().accountId() + ":" + ctx.region(),
          req.marker(), req.limit(), 100, 1000);
      return ListKeysResponse.builder().keys(page.items()).nextMarker(page.nextToken())
          .truncated(page.nextToken() != null).build();
    });
    registry.on(DescribeKeyRequest.class, (ctx, req) ->
        DescribeKeyResponse.builder().keyMetadata(key(store, ctx, req.keyId())).build());
    registry.on(ListResourceTagsRequest.class, (ctx, req) -> {
      KeyMetadata key = key(store, ctx, req.keyId());
      Page<Tag> page = page(tags(store, ctx, key.keyId()), "kms:ListResourceTags:" + key.arn(),
          req.marker(), req.limit(), 50, 50);
      return ListResourceTagsResponse.builder().tags(page.items()).nextMarker(page.nextToken())
          .truncated(page.nextToken() != null).build();
    });
    registry.on(GetKeyPolicyRequest.class, (ctx, req) -> {
      KeyMetadata key = key(store, ctx, req.keyId());
      String name = req.policyName() == null ? "default" : req.policyName();
      if (!"default".equals(name)) {
        throw AwsError.of(400, "NotFoundException", "Policy " + name + " does not exist on key " + key.arn());
      }
      PutKeyPolicyRequest policy = store.findRegional(ctx, "kms", "KeyPolicies", PutKeyPolicyRequest.class, POLICY,
          key.keyId());
      return GetKeyPolicyResponse.builder().policyName(name).policy(policy == null ? null : policy.policy()).build();
    });
    registry.on(GetKeyRotationStatusRequest.class, (ctx, req) -> {
      KeyMetadata key = key(store, ctx, req.keyId());
      if (key.keySpec() != null && !"SYMMETRIC_DEFAULT".equals(key.keySpecAsString())) {
        throw AwsError.of(400, "UnsupportedOperationException", key.arn() + " key spec is not supported for this operation.");
      }
      if (key.keyState() == KeyState.PENDING_DELETION) {
        throw AwsError.of(400, "KMSInvalidStateException", key.arn() + " is pending deletion.");
      }
      GetKeyRotationStatusResponse rotation = store.findRegional(ctx, "kms", "KeyRotations",
          GetKeyRotationStatusResponse.class, ROTATION, key.keyId());
      return rotation != null ? rotation.toBuilder().keyId(key.arn()).build()
          : GetKeyRotationStatusResponse.builder().keyId(key.arn()).keyRotationEnabled(false).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      KeyMetadata key = writable(store, ctx, req.keyId());
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.tagKey())
            || !TagRules.isValue(t.tagValue())) {
          throw AwsError.of(400, "TagException", "Tag " + t.tagKey() + " is not valid.");
        }
      }
      store.updateRegional(ctx, "kms", "KeyTags", TagResourceRequest.class, TAGS, key.keyId(), entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "LimitExceededException", "A key holds at most " + MAX_TAGS + " tags.");
        }
        return TagResourceRequest.builder().keyId(key.keyId()).tags(asList(tags)).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      KeyMetadata key = writable(store, ctx, req.keyId());
      store.updateRegional(ctx, "kms", "KeyTags", TagResourceRequest.class, TAGS, key.keyId(), entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().keyId(key.keyId()).tags(asList(tags)).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T> Page<T> page(List<T> all, String listing, String marker, Integer limit, int defaultSize,
      int maxSize) {
    if (limit != null && (limit < 1 || limit > maxSize)) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and " + maxSize);
    }
    try {
      return Page.of(all, listing, marker, limit, defaultSize, maxSize);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidMarkerException", "The marker is not valid.");
    }
  }

  private static List<Tag> tags(ResourceStore store, CallContext ctx, String keyId) {
    TagResourceRequest entry = store.findRegional(ctx, "kms", "KeyTags", TagResourceRequest.class, TAGS, keyId);
    return entry == null ? List.of() : entry.tags();
  }

  /** The key named by its id or ARN in the caller's account and the call's region. */
  private static KeyMetadata key(ResourceStore store, CallContext ctx, String keyIdOrArn) {
    if (keyIdOrArn == null || keyIdOrArn.isEmpty()) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value null at 'keyId' failed to "
          + "satisfy constraint: Member must not be null");
    }
    String id = keyIdOrArn;
    if (keyIdOrArn.startsWith("arn:")) {
      String prefix = ":kms:" + ctx.region() + ":" + ctx.caller().accountId() + ":key/";
      int at = keyIdOrArn.indexOf(prefix);
      id = at < 0 ? "" : keyIdOrArn.substring(at + prefix.length());
    }
    KeyMetadata key = id.isEmpty() ? null : store.findRegional(ctx, "kms", "Keys", KeyMetadata.class, KEY, id);
    if (key == null) {
      throw AwsError.of(400, "NotFoundException", "Key '" + keyIdOrArn + "' does not exist");
    }
    return key;
  }

  private static KeyMetadata writable(ResourceStore store, CallContext ctx, String keyIdOrArn) {
    KeyMetadata key = key(store, ctx, keyIdOrArn);
    if ("AWS".equals(key.keyManagerAsString())) {
      throw AwsError.of(400, "AccessDeniedException", "AWS managed keys cannot be tagged: " + key.arn());
    }
    return key;
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.tagKey(), t.tagValue()));
    return out;
  }

  private static List<Tag> asList(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().tagKey(k).tagValue(v).build()));
    return out;
  }
}
