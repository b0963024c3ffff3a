package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.OperationHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/** Records registrations and dispatches to them as the core will, minus the wire. */
final class RecordingRegistry implements HandlerRegistry {
  final Map<Class<?>, OperationHandler<?, ?>> handlers = new LinkedHashMap<>();

  @Override
  public <Q extends SdkRequest, R extends SdkResponse> void on(Class<Q> requestType, OperationHandler<Q, R> handler) {
    handlers.put(requestType, handler);
  }

  @SuppressWarnings("unchecked")
  <Q extends SdkRequest> SdkResponse call(CallContext context, Q request) {
    OperationHandler<Q, ?> handler = (OperationHandler<Q, ?>) handlers.get(request.getClass());
    if (handler == null) {
      throw new AssertionError("no handler for " + request.getClass().getSimpleName());
    }
    return handler.handle(context, request);
  }
}
