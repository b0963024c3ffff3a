package io.resoto.worker.aws.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * CloudWatch's answer to one query, all pages joined: timestamps and values, newest first (the
 * engine asks with ScanBy TimestampDescending). Empty when the metric had no datapoint in the
 * window.
 */
public record MetricData(List<Instant> timestamps, List<Double> values) {

  public MetricData {
    if (timestamps.size() != values.size()) {
      throw new IllegalArgumentException(timestamps.size() + " timestamps for " + values.size() + " values");
    }
    timestamps = List.copyOf(timestamps);
    values = List.copyOf(values);
  }

  /** No datapoints. */
  public static final MetricData EMPTY = new MetricData(List.of(), List.of());

  /** The time of the first datapoint whose value is not zero, in answer order (newest first). */
  public Optional<Instant> firstNonZero() {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) != 0) {
        return Optional.of(timestamps.get(i));
      }
    }
    return Optional.empty();
  }
}
