package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECT;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.FunctionList;
import software.amazon.awssdk.services.cloudfront.model.FunctionMetadata;
import software.amazon.awssdk.services.cloudfront.model.FunctionStage;
import software.amazon.awssdk.services.cloudfront.model.FunctionSummary;

/**
 * {@code aws_cloudfront_function}: the published (LIVE) CloudFront functions (ListFunctions with
 * {@code Stage=LIVE}, every page, then ListTagsForResource per function). id and name are the
 * function's name, ctime and mtime its creation and last change, the ARN the function's.
 */
public final class AwsCloudFrontFunctionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_function";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("function", "compute")
      .property("function_status", "string", "The function's status, e.g. UNASSOCIATED or DEPLOYED.")
      .property("function_stage", "string", "The function's stage: LIVE (published) or DEVELOPMENT.")
      .property("function_config", OBJECT, "The function's comment and runtime (cloudfront-js-1.0 or cloudfront-js-2.0).")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontFunctionKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontFunctionKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListFunctions", "cloudfront:ListTagsForResource");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(CloudFrontValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    CloudFrontValues.forEachPage(
        marker -> cf.listFunctions(r -> r.stage(FunctionStage.LIVE).marker(marker)
            .maxItems(String.valueOf(pageSize))).functionList(),
        FunctionList::nextMarker,
        page -> page.items().forEach(f -> ctx.submit(() -> {
          FunctionMetadata m = f.functionMetadata();
          Map<String, String> tags = m == null || m.functionARN() == null ? Map.of()
              : CloudFrontValues.tags(cf, m.functionARN());
          ctx.add(node(ctx, f, tags));
        })));
  }

  /** Maps a function. */
  static Node node(KindContext ctx, FunctionSummary f, Map<String, String> tags) {
    FunctionMetadata m = f.functionMetadata();
    Node.Builder b = ctx.node(KIND, f.name()).name(f.name()).tags(tags);
    put(b, "function_status", f.status());
    put(b, "function_config", plain(f.functionConfig()));
    String arn = null;
    if (m != null) {
      b.ctime(m.createdTime()).mtime(m.lastModifiedTime());
      put(b, "function_stage", m.stageAsString());
      arn = m.functionARN();
    }
    return KindContext.arn(b, arn != null ? arn : CloudFrontValues.arn(ctx, "function/" + f.name())).build();
  }
}
