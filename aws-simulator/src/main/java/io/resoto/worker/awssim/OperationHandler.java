package io.resoto.worker.awssim;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Serves one operation: gets the request as the SDK's own request object, decoded from the wire,
 * and returns the SDK's own response object, which the simulator encodes in the service's
 * protocol. Throws {@link AwsError} to answer with an AWS error. Called concurrently.
 */
@FunctionalInterface
public interface OperationHandler<Q extends SdkRequest, R extends SdkResponse> {
  R handle(CallContext context, Q request);
}
