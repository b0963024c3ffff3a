package io.resoto.worker.awssim.resources.cognito;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.model.SdkObjects;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TagResourceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TagResourceResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UntagResourceRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UntagResourceResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Cognito user pools (JSON 1.1, target prefix {@code AWSCognitoIdentityProviderService}, signing
 * name {@code cognito-idp}): ListUserPools, ListUsers, ListGroups, ListTagsForResource, TagResource
 * and UntagResource, from the estate's regional {@code cognito-idp} collections
 * {@code UserPools} ({@link UserPoolType}, DescribeUserPool's shape, its tags in
 * {@code UserPoolTags}), {@code Groups} ({@link GroupType}, which names its pool) and
 * {@code PoolUsers}: entries {@code {UserPoolId, Users: [...]}} whose users are
 * {@link UserType}s (ListUsers' shape, which does not name the pool).
 *
 * <p>As in AWS: ListUserPools requires {@code MaxResults} (1..60) and pages by {@code NextToken};
 * ListUsers pages by {@code Limit} (1..60, default 60) and {@code PaginationToken}, ListGroups by
 * {@code Limit} (1..60, default 60) and {@code NextToken}; an unknown pool is
 * {@code ResourceNotFoundException}; a foreign token is {@code InvalidParameterException}; tag
 * keys starting with {@code aws:} are refused; a pool holds at most 50 tags.
 */
public final class CognitoUserPoolsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<UserPoolType> POOL = ItemKey.of("Id", UserPoolType::id);
  private static final ItemKey<UserPoolType> POOL_ARN = ItemKey.of("Arn", UserPoolType::arn);

  /** Registered in {@code ResourceApis.ALL}. */
  public CognitoUserPoolsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    // the users built from this store's estate (handler groups are shared by every simulator of the JVM)
    Map<String, Map<String, List<UserType>>> users = new ConcurrentHashMap<>();
    registry.on(ListUserPoolsRequest.class, (ctx, req) -> {
      if (req.maxResults() == null) {
        throw AwsError.of(400, "InvalidParameterException", "1 validation error detected: Value null at "
            + "'maxResults' failed to satisfy constraint: Member must not be null");
      }
      List<UserPoolDescriptionType> pools = store.regional(ctx, "cognito-idp", "UserPools", UserPoolType.class)
          .stream().map(p -> UserPoolDescriptionType.builder().id(p.id()).name(p.name()).lambdaConfig(p.lambdaConfig())
              .status(p.status()).lastModifiedDate(p.lastModifiedDate()).creationDate(p.creationDate()).build())
          .toList();
      Page<UserPoolDescriptionType> page = page(pools, ctx, "ListUserPools", req.nextToken(), req.maxResults());
      return ListUserPoolsResponse.builder().userPools(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListUsersRequest.class, (ctx, req) -> {
      UserPoolType pool = pool(store, ctx, req.userPoolId());
      List<UserType> all = usersOf(users, store, ctx, pool.id());
      Page<UserType> page = page(all, ctx, "ListUsers:" + pool.id(), req.paginationToken(),
          req.limit() == null ? 60 : req.limit());
      return ListUsersResponse.builder().users(page.items()).paginationToken(page.nextToken()).build();
    });
    registry.on(ListGroupsRequest.class, (ctx, req) -> {
      UserPoolType pool = pool(store, ctx, req.userPoolId());
      List<GroupType> groups = store.regional(ctx, "cognito-idp", "Groups", GroupType.class).stream()
          .filter(g -> pool.id().equals(g.userPoolId())).toList();
      Page<GroupType> page = page(groups, ctx, "ListGroups:" + pool.id(), req.nextToken(),
          req.limit() == null ? 60 : req.limit());
      return ListGroupsResponse.builder().groups(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) ->
        ListTagsForResourceResponse.builder().tags(poolByArn(store, ctx, req.resourceArn()).userPoolTags()).build());
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      UserPoolType pool = poolByArn(store, ctx, req.resourceArn());
      req.tags().forEach((k, v) -> {
        if (!TagRules.isUserKey(k) || !TagRules.isValue(v)) {
          throw AwsError.of(400, "InvalidParameterException", "Tag " + k + " is not valid.");
        }
      });
      store.updateRegional(ctx, "cognito-idp", "UserPools", UserPoolType.class, POOL, pool.id(), p -> {
        Map<String, String> tags = new HashMap<>(p.userPoolTags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "InvalidParameterException", "A user pool holds at most " + MAX_TAGS + " tags.");
        }
        return p.toBuilder().userPoolTags(tags).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      UserPoolType pool = poolByArn(store, ctx, req.resourceArn());
      store.updateRegional(ctx, "cognito-idp", "UserPools", UserPoolType.class, POOL, pool.id(), p -> {
        Map<String, String> tags = new HashMap<>(p.userPoolTags());
        req.tagKeys().forEach(tags::remove);
        return p.toBuilder().userPoolTags(tags).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T> Page<T> page(List<T> all, CallContext ctx, String listing, String token, int size) {
    if (size < 1 || size > 60) {
      throw AwsError.of(400, "InvalidParameterException", "1 validation error detected: Value '" + size
          + "' failed to satisfy constraint: Member must have value between 1 and 60");
    }
    try {
      return Page.of(all, "cognito-idp:" + ctx.caller().accountId() + ":" + ctx.region() + ":" + listing, token,
          size, 60, 60);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterException", "The pagination token is not valid.");
    }
  }

  /** The users of a pool, built from the estate once per account, region and pool. */
  private static List<UserType> usersOf(Map<String, Map<String, List<UserType>>> users, ResourceStore store,
      CallContext ctx, String poolId) {
    String key = ctx.caller().accountId() + "/" + ctx.region();
    Map<String, List<UserType>> byPool = users.computeIfAbsent(key, k -> {
      Map<String, List<UserType>> out = new HashMap<>();
      int i = 0;
      for (Object entry : store.regionalRaw(ctx, "cognito-idp", "PoolUsers")) {
        String path = "resources." + key.replace('/', '.') + ".cognito-idp.PoolUsers[" + i++ + "]";
        if (!(entry instanceof Map<?, ?> map) || !(map.get("UserPoolId") instanceof String pool)) {
          throw new IllegalArgumentException(path + ": expected a mapping with UserPoolId and Users");
        }
        List<UserType> list = out.computeIfAbsent(pool, p -> new ArrayList<>());
        if (map.get("Users") instanceof List<?> raw) {
          for (int u = 0; u < raw.size(); u++) {
            list.add(SdkObjects.fromMap(UserType.class, (Map<?, ?>) raw.get(u), path + ".Users[" + u + "]"));
          }
        }
      }
      return out;
    });
    return byPool.getOrDefault(poolId, List.of());
  }

  private static UserPoolType pool(ResourceStore store, CallContext ctx, String id) {
    UserPoolType p = id == null ? null : store.findRegional(ctx, "cognito-idp", "UserPools", UserPoolType.class, POOL, id);
    if (p == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "User pool " + id + " does not exist.");
    }
    return p;
  }

  private static UserPoolType poolByArn(ResourceStore store, CallContext ctx, String arn) {
    UserPoolType p = arn == null ? null
        : store.findRegional(ctx, "cognito-idp", "UserPools", UserPoolType.class, POOL_ARN, arn);
    if (p == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "The resource " + arn + " does not exist.");
    }
    return p;
  }
}
