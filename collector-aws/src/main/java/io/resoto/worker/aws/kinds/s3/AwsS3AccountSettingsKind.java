package io.resoto.worker.aws.kinds.s3;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.base.AwsAccountKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.NoSuchPublicAccessBlockConfigurationException;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * {@code aws_s3_account_settings}: the account-wide S3 public access block (S3 Control's
 * GetPublicAccessBlock), exactly one node per account, id = the account id, name = the account's
 * name, as the original has it. An account without a configuration
 * (NoSuchPublicAccessBlockConfiguration) still gets its node, with all four settings false: nothing
 * is blocked account-wide. The account points to the node (besides the global region, as for every
 * global kind), and the node points to every bucket of the account, whose effective access it
 * bounds.
 */
public final class AwsS3AccountSettingsKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_s3_account_settings";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("phantom_resource", KindModel.AWS_RESOURCE)
      .display("policy", "management")
      .property("bucket_public_access_block_configuration", "dictionary[string, boolean]",
          "The account's public access block settings, which apply to every bucket of the account on top of the "
              + "bucket's own (block_public_acls, ignore_public_acls, block_public_policy, "
              + "restrict_public_buckets); all false when the account has none.")
      .successors(EdgeType.DEFAULT, AwsS3BucketKind.KIND)
      .build();

  /** Declares the kind. */
  public AwsS3AccountSettingsKind() {
    // the original schedules it under S3 Control, its API's service (the per-service task cap key)
    super(KIND, Scope.GLOBAL, "s3control", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("s3control:GetPublicAccessBlock");
  }

  @Override
  public void collect(KindContext ctx) {
    S3ControlClient s3control = ctx.client(S3ControlClient.builder());
    PublicAccessBlockConfiguration block;
    try {
      block = s3control.getPublicAccessBlock(r -> r.accountId(ctx.account().id())).publicAccessBlockConfiguration();
    } catch (NoSuchPublicAccessBlockConfigurationException e) {
      block = null;
    }
    Node node = ctx.add(node(ctx, block));
    ctx.edgeFrom(AwsAccountKind.KIND, ctx.account().id(), node, EdgeType.DEFAULT);
    ctx.edgesToAll(node, AwsS3BucketKind.KIND, EdgeType.DEFAULT);
  }

  /** The node of the account; {@code block} null means the account has no configuration. */
  static Node node(KindContext ctx, PublicAccessBlockConfiguration block) {
    String account = ctx.account().id();
    String name = ctx.account().name() == null || ctx.account().name().isBlank() ? account : ctx.account().name();
    Map<String, Boolean> settings = new LinkedHashMap<>();
    settings.put("block_public_acls", isTrue(block == null ? null : block.blockPublicAcls()));
    settings.put("ignore_public_acls", isTrue(block == null ? null : block.ignorePublicAcls()));
    settings.put("block_public_policy", isTrue(block == null ? null : block.blockPublicPolicy()));
    settings.put("restrict_public_buckets", isTrue(block == null ? null : block.restrictPublicBuckets()));
    Node.Builder b = ctx.node(KIND, account).name(name)
        .property("bucket_public_access_block_configuration", settings);
    // S3 Control answers no ARN; the original's template, with the global region's name
    return KindContext.arn(b, "arn:" + ctx.partition() + ":s3control:" + ctx.regionName() + ":" + account
        + ":account/" + name).build();
  }

  /** A setting S3 Control leaves out is not enabled. */
  private static boolean isTrue(Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
