package io.resoto.worker.awssim.resources.ecr;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesRequest;
import software.amazon.awssdk.services.ecr.model.DescribeRepositoriesResponse;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetLifecyclePolicyResponse;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyRequest;
import software.amazon.awssdk.services.ecr.model.GetRepositoryPolicyResponse;
import software.amazon.awssdk.services.ecr.model.Repository;

/**
 * ECR private repositories (JSON 1.1, target prefix {@code AmazonEC2ContainerRegistry_V20150921})
 * and ECR Public repositories (JSON 1.1, {@code SpencerFrontendService}, served in us-east-1 only
 * as AWS does): ecr DescribeRepositories, GetLifecyclePolicy and GetRepositoryPolicy, ecr-public
 * DescribeRepositories. From the estate's regional collections {@code ecr.Repositories}
 * ({@link Repository}, DescribeRepositories' shape), {@code ecr.LifecyclePolicies}
 * ({@link GetLifecyclePolicyResponse}), {@code ecr.RepositoryPolicies}
 * ({@link GetRepositoryPolicyResponse}) and {@code ecr-public.Repositories}
 * ({@link software.amazon.awssdk.services.ecrpublic.model.Repository}).
 *
 * <p>As in AWS: DescribeRepositories pages by {@code maxResults} (1..1000, default 100) and
 * {@code nextToken} (not together with {@code repositoryNames}: {@code InvalidParameterException});
 * a named repository that does not exist, and a registry id other than the caller's account, is
 * {@code RepositoryNotFoundException}; a repository without a lifecycle or repository policy
 * answers {@code LifecyclePolicyNotFoundException} / {@code RepositoryPolicyNotFoundException}.
 */
public final class EcrRepositoriesApi implements ResourceApi {

  private static final ItemKey<Repository> NAME = ItemKey.of("repositoryName", Repository::repositoryName);
  private static final ItemKey<GetLifecyclePolicyResponse> LIFECYCLE =
      ItemKey.of("repositoryName", GetLifecyclePolicyResponse::repositoryName);
  private static final ItemKey<GetRepositoryPolicyResponse> POLICY =
      ItemKey.of("repositoryName", GetRepositoryPolicyResponse::repositoryName);

  /** Registered in {@code ResourceApis.ALL}. */
  public EcrRepositoriesApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeRepositoriesRequest.class, (ctx, req) -> {
      registry(ctx, req.registryId());
      List<Repository> all = store.regional(ctx, "ecr", "Repositories", Repository.class);
      if (req.hasRepositoryNames()) {
        if (req.nextToken() != null || req.maxResults() != null) {
          throw AwsError.of(400, "InvalidParameterException",
              "Invalid parameter: nextToken and maxResults cannot be given with repositoryNames");
        }
        for (String name : req.repositoryNames()) {
          repository(store, ctx, name);
        }
        return DescribeRepositoriesResponse.builder().repositories(all.stream()
            .filter(r -> req.repositoryNames().contains(r.repositoryName())).toList()).build();
      }
      Page<Repository> page = page(all, ctx, "ecr", req.nextToken(), req.maxResults());
      return DescribeRepositoriesResponse.builder().repositories(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetLifecyclePolicyRequest.class, (ctx, req) -> {
      registry(ctx, req.registryId());
      Repository r = repository(store, ctx, req.repositoryName());
      GetLifecyclePolicyResponse p = store.findRegional(ctx, "ecr", "LifecyclePolicies",
          GetLifecyclePolicyResponse.class, LIFECYCLE, r.repositoryName());
      if (p == null) {
        throw AwsError.of(400, "LifecyclePolicyNotFoundException", "Lifecycle policy does not exist for the "
            + "repository with name '" + r.repositoryName() + "' in the registry with id '" + r.registryId() + "'");
      }
      return p.toBuilder().registryId(r.registryId()).build();
    });
    registry.on(GetRepositoryPolicyRequest.class, (ctx, req) -> {
      registry(ctx, req.registryId());
      Repository r = repository(store, ctx, req.repositoryName());
      GetRepositoryPolicyResponse p = store.findRegional(ctx, "ecr", "RepositoryPolicies",
          GetRepositoryPolicyResponse.class, POLICY, r.repositoryName());
      if (p == null) {
        throw AwsError.of(400, "RepositoryPolicyNotFoundException", "Repository policy does not exist for the "
            + "repository with name '" + r.repositoryName() + "' in the registry with id '" + r.registryId() + "'");
      }
      return p.toBuilder().registryId(r.registryId()).build();
    });
    registry.on(software.amazon.awssdk.services.ecrpublic.model.DescribeRepositoriesRequest.class, (ctx, req) -> {
      if (!"us-east-1".equals(ctx.region())) {
        throw AwsError.of(400, "UnsupportedCommandException", "ECR Public is only available in us-east-1.");
      }
      registry(ctx, req.registryId());
      List<software.amazon.awssdk.services.ecrpublic.model.Repository> all = store.regional(ctx, "ecr-public",
          "Repositories", software.amazon.awssdk.services.ecrpublic.model.Repository.class);
      if (req.hasRepositoryNames()) {
        List<software.amazon.awssdk.services.ecrpublic.model.Repository> named = all.stream()
            .filter(r -> req.repositoryNames().contains(r.repositoryName())).toList();
        if (named.size() < req.repositoryNames().size()) {
          throw AwsError.of(400, "RepositoryNotFoundException", "A named repository does not exist in the registry.");
        }
        return software.amazon.awssdk.services.ecrpublic.model.DescribeRepositoriesResponse.builder()
            .repositories(named).build();
      }
      Page<software.amazon.awssdk.services.ecrpublic.model.Repository> page =
          page(all, ctx, "ecr-public", req.nextToken(), req.maxResults());
      return software.amazon.awssdk.services.ecrpublic.model.DescribeRepositoriesResponse.builder()
          .repositories(page.items()).nextToken(page.nextToken()).build();
    });
  }

  private static <T> Page<T> page(List<T> all, CallContext ctx, String service, String token, Integer max) {
    if (max != null && (max < 1 || max > 1000)) {
      throw AwsError.of(400, "InvalidParameterException", "Invalid parameter at 'maxResults' failed to satisfy "
          + "constraint: 'Member must have value between 1 and 1000'");
    }
    try {
      return Page.of(all, service + ":DescribeRepositories:" + ctx.caller().accountId() + ":" + ctx.region(),
          token, max, 100, 1000);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterException", "Invalid parameter: the nextToken is not valid");
    }
  }

  private static void registry(CallContext ctx, String registryId) {
    if (registryId != null && !registryId.equals(ctx.caller().accountId())) {
      throw AwsError.of(400, "RepositoryNotFoundException", "The registry with id '" + registryId
          + "' does not exist or is not accessible.");
    }
  }

  private static Repository repository(ResourceStore store, CallContext ctx, String name) {
    Repository r = name == null ? null : store.findRegional(ctx, "ecr", "Repositories", Repository.class, NAME, name);
    if (r == null) {
      throw AwsError.of(400, "RepositoryNotFoundException", "The repository with name '" + name
          + "' does not exist in the registry with id '" + ctx.caller().accountId() + "'");
    }
    return r;
  }
}
