package io.resoto.worker.awssim.resources.s3control;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.List;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;

/**
 * S3 Control's account-level public access block, from the caller's account's {@code global}
 * resources, service {@code s3control}: {@code PublicAccessBlockConfiguration}, a list of at most
 * one {@link PublicAccessBlockConfiguration} (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy,
 * RestrictPublicBuckets). An account without one answers NoSuchPublicAccessBlockConfiguration (404),
 * as AWS does.
 *
 * <p>S3 Control signs as {@code s3} and names the account in the {@code x-amz-account-id} header
 * (and, at AWS, in the host name); asking for another account than the caller's is AccessDenied.
 */
public final class S3ControlApi implements ResourceApi {

  /** The estate collection of the account's configuration. */
  static final String COLLECTION = "PublicAccessBlockConfiguration";

  /** Declares the group. */
  public S3ControlApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(GetPublicAccessBlockRequest.class, (ctx, req) -> {
      if (!ctx.caller().accountId().equals(req.accountId())) {
        throw AwsError.of(AwsError.Kind.ACCESS_DENIED, "Access Denied");
      }
      List<PublicAccessBlockConfiguration> configs = store.global(ctx, "s3control", COLLECTION,
          PublicAccessBlockConfiguration.class);
      if (configs.size() > 1) {
        throw new IllegalStateException("resources." + req.accountId() + ".global.s3control." + COLLECTION
            + ": an account has at most one configuration, the estate has " + configs.size());
      }
      if (configs.isEmpty()) {
        throw AwsError.of(404, "NoSuchPublicAccessBlockConfiguration",
            "The public access block configuration was not found");
      }
      return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(configs.get(0)).build();
    });
  }
}
