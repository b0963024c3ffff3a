package io.resoto.worker.awssim;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** Where operation handlers are registered. */
public interface HandlerRegistry {

  /**
   * Serves the operation whose request class is given, e.g. {@code DescribeRegionsRequest.class}
   * for EC2's {@code DescribeRegions}. The service and its protocol are derived from the class's
   * SDK package. A later registration for the same operation replaces the earlier one.
   */
  <Q extends SdkRequest, R extends SdkResponse> void on(Class<Q> requestType, OperationHandler<Q, R> handler);
}
