package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECT;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicy;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyList;
import software.amazon.awssdk.services.cloudfront.model.CachePolicySummary;

/**
 * {@code aws_cloudfront_cache_policy}: CloudFront cache policies, managed and custom
 * (ListCachePolicies, every page). id is the policy id, name the policy's name, mtime its last
 * change. Cache policies take no tags.
 */
public final class AwsCloudFrontCachePolicyKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_cache_policy";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("policy", "networking")
      .property("cache_policy_config", OBJECT,
          "The policy: name, comment, default/minimum/maximum TTL, and which headers, cookies and query strings are"
              + " in the cache key and forwarded to the origin (and whether gzip and brotli are).")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontCachePolicyKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontCachePolicyKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListCachePolicies");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    CloudFrontValues.forEachPage(
        marker -> cf.listCachePolicies(r -> r.marker(marker).maxItems(String.valueOf(pageSize))).cachePolicyList(),
        CachePolicyList::nextMarker,
        page -> page.items().forEach(p -> ctx.add(node(ctx, p))));
  }

  /** Maps a cache policy. */
  static Node node(KindContext ctx, CachePolicySummary s) {
    CachePolicy p = s.cachePolicy();
    Node.Builder b = ctx.node(KIND, p.id()).mtime(p.lastModifiedTime())
        .name(p.cachePolicyConfig() == null ? p.id() : p.cachePolicyConfig().name());
    put(b, "cache_policy_config", plain(p.cachePolicyConfig()));
    return KindContext.arn(b, CloudFrontValues.arn(ctx, "cache-policy/" + p.id())).build();
  }
}
