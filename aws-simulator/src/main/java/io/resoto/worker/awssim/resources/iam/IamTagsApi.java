package io.resoto.worker.awssim.resources.iam;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListServerCertificateTagsRequest;
import software.amazon.awssdk.services.iam.model.ListServerCertificateTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.ServerCertificateMetadata;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.TagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.TagServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.TagServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.UntagInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagServerCertificateRequest;
import software.amazon.awssdk.services.iam.model.UntagServerCertificateResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM's tag calls for the entities the collector tags: Tag/Untag/List...Tags of users, roles,
 * managed policies, instance profiles and server certificates.
 *
 * <p>Users' and roles' tags live in their {@code Users} / {@code Roles} items, so a tag written is
 * in GetAccountAuthorizationDetails as on AWS. Managed policies, instance profiles and server
 * certificates keep theirs beside them, in the shape of the request that sets them:
 * {@code PolicyTags} ({@link TagPolicyRequest}), {@code InstanceProfileTags}
 * ({@link TagInstanceProfileRequest}) and {@code ServerCertificateTags}
 * ({@link TagServerCertificateRequest}); the listings of those entities do not return tags on AWS
 * either. An instance profile without an entry has the {@code Tags} of its item.
 *
 * <p>As IAM answers: an unknown entity is NoSuchEntity (404); keys are 1..128 characters and values
 * up to 256, both of IAM's character set, and a call names at most 50 tags (ValidationError);
 * keys are case-insensitive, so a request naming one key twice is InvalidInput and a tag written
 * over an existing key of another case replaces it; keys starting with {@code aws:} are
 * InvalidInput; an entity holds at most 50 tags (LimitExceeded, 409).
 */
public final class IamTagsApi implements ResourceApi {

  static final int MAX_TAGS = 50;
  private static final int MAX_KEY = 128;
  private static final int MAX_VALUE = 256;
  private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  /** Where one kind of entity keeps its tags, and how it is named in IAM's errors (member: the request's name). */
  private record Entity(String member, String quotaName, Function<String, AwsError> notFound, TagHome home) {}

  /** Reads and changes the tags of the entity with a name (or ARN). */
  private interface TagHome {
    /** The entity's tags; throws NoSuchEntity when it does not exist. */
    List<Tag> read(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound);

    /** Replaces the entity's tags by {@code change} of them, atomically. */
    void change(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound,
        UnaryOperator<List<Tag>> change);
  }

  /** Tags kept in the entity's own item. */
  private record InItem<T extends SdkPojo>(String collection, Class<T> type, ItemKey<T> key,
      Function<T, List<Tag>> tags, BiFunction<T, List<Tag>, T> withTags) implements TagHome {

    @Override
    public List<Tag> read(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound) {
      T item = store.findGlobal(ctx, "iam", collection, type, key, name);
      if (item == null) {
        throw notFound.apply(name);
      }
      return tags.apply(item);
    }

    @Override
    public void change(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound,
        UnaryOperator<List<Tag>> change) {
      store.updateGlobal(ctx, "iam", collection, type, key, name, item -> {
        if (item == null) {
          throw notFound.apply(name);
        }
        return withTags.apply(item, change.apply(tags.apply(item)));
      });
    }
  }

  /**
   * Tags kept beside the entity, in a collection of {@code S} (the Tag...Request that sets them);
   * an entity without an entry has the tags {@code initial} finds on its item.
   */
  private record Beside<T extends SdkPojo, S extends SdkPojo>(String collection, Class<T> type, ItemKey<T> key,
      Function<T, List<Tag>> initial, String tagsCollection, Class<S> tagsType, ItemKey<S> tagsKey,
      Function<S, List<Tag>> tags, BiFunction<String, List<Tag>, S> entry) implements TagHome {

    @Override
    public List<Tag> read(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound) {
      T item = existing(store, ctx, name, notFound);
      S written = store.findGlobal(ctx, "iam", tagsCollection, tagsType, tagsKey, name);
      return written != null ? tags.apply(written) : initial.apply(item);
    }

    @Override
    public void change(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound,
        UnaryOperator<List<Tag>> change) {
      T item = existing(store, ctx, name, notFound);
      // the entry stays, even empty: it then says "no tags", not "the item's tags"
      store.updateGlobal(ctx, "iam", tagsCollection, tagsType, tagsKey, name, written ->
          entry.apply(name, change.apply(written != null ? tags.apply(written) : initial.apply(item))));
    }

    private T existing(ResourceStore store, CallContext ctx, String name, Function<String, AwsError> notFound) {
      T item = store.findGlobal(ctx, "iam", collection, type, key, name);
      if (item == null) {
        throw notFound.apply(name);
      }
      return item;
    }
  }

  private static final Entity USER = new Entity("userName", "TagsPerUser",
      name -> noSuchEntity("The user with name " + name + " cannot be found."),
      new InItem<>("Users", UserDetail.class, ItemKey.of("UserName", UserDetail::userName), UserDetail::tags,
          (u, tags) -> u.toBuilder().tags(tags).build()));

  private static final Entity ROLE = new Entity("roleName", "TagsPerRole",
      name -> noSuchEntity("The role with name " + name + " cannot be found."),
      new InItem<>("Roles", RoleDetail.class, ItemKey.of("RoleName", RoleDetail::roleName), RoleDetail::tags,
          (r, tags) -> r.toBuilder().tags(tags).build()));

  private static final Entity POLICY = new Entity("policyArn", "TagsPerPolicy",
      arn -> noSuchEntity("Policy " + arn + " does not exist or is not attachable."),
      new Beside<>("Policies", ManagedPolicyDetail.class, ItemKey.of("Arn", ManagedPolicyDetail::arn),
          p -> List.of(), "PolicyTags", TagPolicyRequest.class, ItemKey.of("PolicyArn", TagPolicyRequest::policyArn),
          TagPolicyRequest::tags, (arn, tags) -> TagPolicyRequest.builder().policyArn(arn).tags(tags).build()));

  private static final Entity INSTANCE_PROFILE = new Entity("instanceProfileName", "TagsPerInstanceProfile",
      name -> noSuchEntity("Instance Profile " + name + " cannot be found."),
      new Beside<>("InstanceProfiles", InstanceProfile.class,
          ItemKey.of("InstanceProfileName", InstanceProfile::instanceProfileName), InstanceProfile::tags,
          "InstanceProfileTags", TagInstanceProfileRequest.class,
          ItemKey.of("InstanceProfileName", TagInstanceProfileRequest::instanceProfileName),
          TagInstanceProfileRequest::tags,
          (name, tags) -> TagInstanceProfileRequest.builder().instanceProfileName(name).tags(tags).build()));

  private static final Entity SERVER_CERTIFICATE = new Entity("serverCertificateName", "TagsPerServerCertificate",
      name -> noSuchEntity("The Server Certificate with name " + name + " cannot be found."),
      new Beside<>("ServerCertificates", ServerCertificateMetadata.class,
          ItemKey.of("ServerCertificateName", ServerCertificateMetadata::serverCertificateName), c -> List.of(),
          "ServerCertificateTags", TagServerCertificateRequest.class,
          ItemKey.of("ServerCertificateName", TagServerCertificateRequest::serverCertificateName),
          TagServerCertificateRequest::tags,
          (name, tags) -> TagServerCertificateRequest.builder().serverCertificateName(name).tags(tags).build()));

  /** Declares the group. */
  public IamTagsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(TagUserRequest.class, (ctx, req) -> {
      tag(store, ctx, USER, req.userName(), req.tags());
      return TagUserResponse.builder().build();
    });
    registry.on(UntagUserRequest.class, (ctx, req) -> {
      untag(store, ctx, USER, req.userName(), req.tagKeys());
      return UntagUserResponse.builder().build();
    });
    registry.on(ListUserTagsRequest.class, (ctx, req) -> {
      Page<Tag> p = list(store, ctx, USER, req.userName(), req.marker(), req.maxItems());
      return ListUserTagsResponse.builder().tags(p.items()).isTruncated(p.nextToken() != null)
          .marker(p.nextToken()).build();
    });
    registry.on(TagRoleRequest.class, (ctx, req) -> {
      tag(store, ctx, ROLE, req.roleName(), req.tags());
      return TagRoleResponse.builder().build();
    });
    registry.on(UntagRoleRequest.class, (ctx, req) -> {
      untag(store, ctx, ROLE, req.roleName(), req.tagKeys());
      return UntagRoleResponse.builder().build();
    });
    registry.on(ListRoleTagsRequest.class, (ctx, req) -> {
      Page<Tag> p = list(store, ctx, ROLE, req.roleName(), req.marker(), req.maxItems());
      return ListRoleTagsResponse.builder().tags(p.items()).isTruncated(p.nextToken() != null)
          .marker(p.nextToken()).build();
    });
    registry.on(TagPolicyRequest.class, (ctx, req) -> {
      tag(store, ctx, POLICY, req.policyArn(), req.tags());
      return TagPolicyResponse.builder().build();
    });
    registry.on(UntagPolicyRequest.class, (ctx, req) -> {
      untag(store, ctx, POLICY, req.policyArn(), req.tagKeys());
      return UntagPolicyResponse.builder().build();
    });
    registry.on(ListPolicyTagsRequest.class, (ctx, req) -> {
      Page<Tag> p = list(store, ctx, POLICY, req.policyArn(), req.marker(), req.maxItems());
      return ListPolicyTagsResponse.builder().tags(p.items()).isTruncated(p.nextToken() != null)
          .marker(p.nextToken()).build();
    });
    registry.on(TagInstanceProfileRequest.class, (ctx, req) -> {
      tag(store, ctx, INSTANCE_PROFILE, req.instanceProfileName(), req.tags());
      return TagInstanceProfileResponse.builder().build();
    });
    registry.on(UntagInstanceProfileRequest.class, (ctx, req) -> {
      untag(store, ctx, INSTANCE_PROFILE, req.instanceProfileName(), req.tagKeys());
      return UntagInstanceProfileResponse.builder().build();
    });
    registry.on(ListInstanceProfileTagsRequest.class, (ctx, req) -> {
      Page<Tag> p = list(store, ctx, INSTANCE_PROFILE, req.instanceProfileName(), req.marker(), req.maxItems());
      return ListInstanceProfileTagsResponse.builder().tags(p.items()).isTruncated(p.nextToken() != null)
          .marker(p.nextToken()).build();
    });
    registry.on(TagServerCertificateRequest.class, (ctx, req) -> {
      tag(store, ctx, SERVER_CERTIFICATE, req.serverCertificateName(), req.tags());
      return TagServerCertificateResponse.builder().build();
    });
    registry.on(UntagServerCertificateRequest.class, (ctx, req) -> {
      untag(store, ctx, SERVER_CERTIFICATE, req.serverCertificateName(), req.tagKeys());
      return UntagServerCertificateResponse.builder().build();
    });
    registry.on(ListServerCertificateTagsRequest.class, (ctx, req) -> {
      Page<Tag> p = list(store, ctx, SERVER_CERTIFICATE, req.serverCertificateName(), req.marker(),
          req.maxItems());
      return ListServerCertificateTagsResponse.builder().tags(p.items()).isTruncated(p.nextToken() != null)
          .marker(p.nextToken()).build();
    });
  }

  private static void tag(ResourceStore store, CallContext ctx, Entity entity, String name, List<Tag> tags) {
    required(name, entity.member());
    checkTags(tags);
    entity.home().change(store, ctx, name, entity.notFound(), current -> {
      List<Tag> next = new ArrayList<>(current);
      for (Tag tag : tags) {
        int at = indexOf(next, tag.key());
        Tag written = Tag.builder().key(tag.key()).value(tag.value() == null ? "" : tag.value()).build();
        if (at >= 0) {
          next.set(at, written);
        } else {
          next.add(written);
        }
      }
      if (next.size() > MAX_TAGS) {
        throw AwsError.of(409, "LimitExceeded", "Cannot exceed quota for " + entity.quotaName() + ": " + MAX_TAGS);
      }
      return next;
    });
  }

  private static void untag(ResourceStore store, CallContext ctx, Entity entity, String name, List<String> keys) {
    required(name, entity.member());
    if (keys == null || keys.isEmpty()) {
      throw validation("Value null at 'tagKeys' failed to satisfy constraint: Member must not be null");
    }
    if (keys.size() > MAX_TAGS) {
      throw validation("Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or "
          + "equal to " + MAX_TAGS);
    }
    Set<String> gone = new HashSet<>();
    keys.forEach(k -> gone.add(k.toLowerCase(Locale.ROOT)));
    entity.home().change(store, ctx, name, entity.notFound(),
        current -> current.stream().filter(t -> !gone.contains(t.key().toLowerCase(Locale.ROOT))).toList());
  }

  private static Page<Tag> list(ResourceStore store, CallContext ctx, Entity entity, String name, String marker,
      Integer maxItems) {
    required(name, entity.member());
    List<Tag> tags = entity.home().read(store, ctx, name, entity.notFound());
    return IamResourcesApi.page(tags, "iam:" + ctx.operation() + ":" + name, ctx, marker, maxItems);
  }

  private static void checkTags(List<Tag> tags) {
    if (tags == null || tags.isEmpty()) {
      throw validation("Value null at 'tags' failed to satisfy constraint: Member must not be null");
    }
    if (tags.size() > MAX_TAGS) {
      throw validation("Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to "
          + MAX_TAGS);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      String key = tags.get(i).key() == null ? "" : tags.get(i).key();
      String value = tags.get(i).value() == null ? "" : tags.get(i).value();
      String at = "tags." + (i + 1) + ".member.";
      if (key.isEmpty()) {
        throw validation("Value '' at '" + at + "key' failed to satisfy constraint: Member must have length "
            + "greater than or equal to 1");
      }
      if (key.codePointCount(0, key.length()) > MAX_KEY) {
        throw validation("Value at '" + at + "key' failed to satisfy constraint: Member must have length less than "
            + "or equal to " + MAX_KEY);
      }
      if (value.codePointCount(0, value.length()) > MAX_VALUE) {
        throw validation("Value at '" + at + "value' failed to satisfy constraint: Member must have length less "
            + "than or equal to " + MAX_VALUE);
      }
      if (!CHARACTERS.matcher(key).matches() || !CHARACTERS.matcher(value).matches()) {
        throw validation("Value at '" + at + (CHARACTERS.matcher(key).matches() ? "value" : "key")
            + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
            + CHARACTERS.pattern());
      }
      if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw AwsError.of(400, "InvalidInput", "Tag keys starting with 'aws:' are reserved for internal use.");
      }
      if (!seen.add(key.toLowerCase(Locale.ROOT))) {
        throw AwsError.of(400, "InvalidInput",
            "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
    }
  }

  private static int indexOf(List<Tag> tags, String key) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).key().equalsIgnoreCase(key)) {
        return i;
      }
    }
    return -1;
  }

  private static void required(String value, String member) {
    if (value == null || value.isEmpty()) {
      throw validation("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
    }
  }

  private static AwsError validation(String detail) {
    return AwsError.of(400, "ValidationError", "1 validation error detected: " + detail);
  }

  private static AwsError noSuchEntity(String message) {
    return AwsError.of(404, "NoSuchEntity", message);
  }
}
