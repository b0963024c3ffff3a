package io.resoto.worker.aws.kinds.ecr;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.LifecyclePolicyNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryPolicyNotFoundException;
import software.amazon.awssdk.services.ecrpublic.EcrPublicClient;

/**
 * {@code aws_ecr_repository}: ECR repositories, private ones per region (DescribeRepositories, then
 * GetLifecyclePolicy and GetRepositoryPolicy per repository; a repository without such a policy
 * answers a not-found error, which means none) and public ones (ecr-public DescribeRepositories).
 * id and name are the repository name, ctime its creation time, the ARN as the API gives it.
 *
 * <p>The original collects public repositories in its global builder (which runs in us-east-1,
 * where ECR Public lives). Kinds here have one scope, so this regional kind reads the public
 * repositories when it collects us-east-1 of the aws partition (the only region ECR Public
 * serves); they hang under that region, with {@code visibility} "public". An account collected
 * without us-east-1 therefore shows no public repositories. DescribeRepositories carries no tags
 * and the original asks for none (nor has it tag calls for repositories), so repositories have no
 * tags here either.
 */
public final class AwsEcrRepositoryKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecr_repository";

  /** The only region ECR Public serves. */
  static final String PUBLIC_REGION = "us-east-1";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("repository", "compute")
      .property("repository_visibility", "string", "Whether the repository is private (ECR) or public (ECR Public).")
      .property("registry_id", "string", "The id of the registry (the account) that holds the repository.")
      .property("repository_uri", "string", "The URI images are pushed to and pulled from.")
      .property("image_tag_mutability", "string",
          "Whether image tags can be overwritten: MUTABLE, IMMUTABLE or one of them with exclusions.")
      .property("image_tag_mutability_exclusion_filters", "dictionary[string, any][]",
          "The tag filters exempt from the repository's tag mutability setting.")
      .property("image_scan_on_push", "boolean", "Whether images are scanned for vulnerabilities when pushed.")
      .property("encryption_configuration", "dictionary[string, any]",
          "How images are encrypted at rest: AES256, KMS or KMS_DSSE, and the KMS key.")
      .property("lifecycle_policy", "string", "The lifecycle policy that expires images, a JSON document, if any.")
      .property("repository_policy", "string", "The repository's access policy, a JSON document, if any.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcrRepositoryKind() {
    this(1000);
  }

  /** The kind listing repositories in pages of this size (1..1000; tests page small estates with it). */
  AwsEcrRepositoryKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecr", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy",
        "ecr-public:DescribeRepositories");
  }

  @Override
  public void collect(KindContext ctx) {
    EcrClient ecr = ctx.client(EcrClient.builder());
    for (Repository r : ecr.describeRepositoriesPaginator(b -> b.maxResults(pageSize)).repositories()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        String lifecycle;
        try {
          lifecycle = ecr.getLifecyclePolicy(b -> b.repositoryName(r.repositoryName()).registryId(r.registryId()))
              .lifecyclePolicyText();
        } catch (LifecyclePolicyNotFoundException e) {
          lifecycle = null;
        }
        String policy;
        try {
          policy = ecr.getRepositoryPolicy(b -> b.repositoryName(r.repositoryName()).registryId(r.registryId()))
              .policyText();
        } catch (RepositoryPolicyNotFoundException e) {
          policy = null;
        }
        ctx.add(node(ctx, r, lifecycle, policy));
      });
    }
    if ("aws".equals(ctx.partition()) && PUBLIC_REGION.equals(ctx.regionName())) {
      EcrPublicClient pub = ctx.client(EcrPublicClient.builder());
      for (software.amazon.awssdk.services.ecrpublic.model.Repository r
          : pub.describeRepositoriesPaginator(b -> b.maxResults(pageSize)).repositories()) {
        if (ctx.isCancelled()) {
          return;
        }
        ctx.add(publicNode(ctx, r));
      }
    }
  }

  /** Maps a private repository: id and name = repositoryName, ctime = createdAt. */
  static Node node(KindContext ctx, Repository r, String lifecycle, String policy) {
    Node.Builder b = ctx.node(KIND, r.repositoryName()).name(r.repositoryName()).ctime(r.createdAt());
    put(b, "repository_visibility", "private");
    put(b, "registry_id", r.registryId());
    put(b, "repository_uri", r.repositoryUri());
    put(b, "image_tag_mutability", r.imageTagMutabilityAsString());
    put(b, "image_tag_mutability_exclusion_filters", plain(r.imageTagMutabilityExclusionFilters()));
    put(b, "image_scan_on_push",
        r.imageScanningConfiguration() == null ? null : r.imageScanningConfiguration().scanOnPush());
    put(b, "encryption_configuration", plain(r.encryptionConfiguration()));
    put(b, "lifecycle_policy", lifecycle);
    put(b, "repository_policy", policy);
    return KindContext.arn(b, r.repositoryArn()).build();
  }

  /** Maps a public repository: id and name = repositoryName, ctime = createdAt. */
  static Node publicNode(KindContext ctx, software.amazon.awssdk.services.ecrpublic.model.Repository r) {
    Node.Builder b = ctx.node(KIND, r.repositoryName()).name(r.repositoryName()).ctime(r.createdAt());
    put(b, "repository_visibility", "public");
    put(b, "registry_id", r.registryId());
    put(b, "repository_uri", r.repositoryUri());
    return KindContext.arn(b, r.repositoryArn()).build();
  }
}
