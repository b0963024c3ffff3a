package io.resoto.worker.aws.client;

import io.prometheus.metrics.core.metrics.Counter;
import java.util.List;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts what the SDK clients do, from the SDK's own per-call metrics, into Prometheus counters
 * the worker serves on {@code /metrics}: API calls by service, operation and outcome, and
 * attempts AWS throttled (including those the SDK retried successfully, which no error report
 * shows). One instance per JVM: the counters live in the default Prometheus registry.
 */
public final class AwsApiMetrics implements MetricPublisher {

  /** The SDK's name for a throttled attempt ({@code SdkErrorType.THROTTLING}). */
  private static final String THROTTLING = "Throttling";

  /** The one publisher every client shares. */
  public static final AwsApiMetrics INSTANCE = new AwsApiMetrics();

  private final Counter calls = Counter.builder().name("resotoworker_aws_api_calls_total")
      .help("AWS API calls by service, operation and outcome (success or error, after the SDK's retries).")
      .labelNames("service", "operation", "outcome").register();
  private final Counter attempts = Counter.builder().name("resotoworker_aws_api_attempts_total")
      .help("HTTP attempts of AWS API calls by service; above the calls when the SDK retried.")
      .labelNames("service").register();
  private final Counter throttled = Counter.builder().name("resotoworker_aws_throttled_attempts_total")
      .help("Attempts AWS answered with throttling, by service, whether or not a retry then succeeded.")
      .labelNames("service").register();

  private AwsApiMetrics() {}

  @Override
  public void publish(MetricCollection call) {
    String service = first(call.metricValues(CoreMetric.SERVICE_ID), "unknown");
    String operation = first(call.metricValues(CoreMetric.OPERATION_NAME), "unknown");
    boolean ok = Boolean.TRUE.equals(first(call.metricValues(CoreMetric.API_CALL_SUCCESSFUL), false));
    calls.labelValues(service, operation, ok ? "success" : "error").inc();
    call.childrenWithName("ApiCallAttempt").forEach(attempt -> {
      attempts.labelValues(service).inc();
      if (THROTTLING.equals(first(attempt.metricValues(CoreMetric.ERROR_TYPE), null))) {
        throttled.labelValues(service).inc();
      }
    });
  }

  /** Attempts AWS throttled so far for this service (SDK service id, e.g. {@code EC2}). */
  public long throttledAttempts(String service) {
    return (long) throttled.labelValues(service).get();
  }

  /** API calls so far for this service and operation, with this outcome. */
  public long calls(String service, String operation, boolean success) {
    return (long) calls.labelValues(service, operation, success ? "success" : "error").get();
  }

  private static <T> T first(List<T> values, T dflt) {
    return values.isEmpty() ? dflt : values.get(0);
  }

  @Override
  public void close() {
    // shared by every client: closing one client must not stop the counting
  }
}
