package io.resoto.worker.aws.metrics;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One CloudWatch metric statistic a kind wants for one node: namespace, metric name and
 * dimensions, the period of the datapoints, the statistic (Minimum, Average, Maximum, Sum,
 * SampleCount) and the unit. By default it is asked in the node's region over the run's usage
 * window; {@link #inRegion} and {@link #over} change that (S3's metrics live in the bucket's
 * region; daily metrics need a longer window).
 *
 * <p>With a {@link Usage} the engine turns the answer into the node's usage section; without one
 * the answer goes to the kind's {@link UsageMetrics#withMetrics} (e.g. a volume's last access).
 * Equal queries are equal records, so a kind finds the answer to a query by building it again.
 *
 * @param dimensions dimension name to value, in the order given
 * @param region the region to ask in, or null for the node's
 * @param window how far back from the run's "now" to ask, or null for the usage window
 * @param usage how the answer becomes usage, or null when the kind reads it itself
 */
public record MetricQuery(String namespace, String metricName, Map<String, String> dimensions, Duration period,
    String stat, String unit, String region, Duration window, Usage usage) {

  public MetricQuery {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(metricName, "metricName");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(stat, "stat");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
  }

  /** A query of one statistic with one dimension, over the usage window in the node's region. */
  public static MetricQuery of(String namespace, String metricName, String dimension, String value,
      Duration period, String stat, String unit) {
    return new MetricQuery(namespace, metricName, Map.of(dimension, value), period, stat, unit, null, null, null);
  }

  /** The same query with one more dimension. */
  public MetricQuery dimension(String name, String value) {
    Map<String, String> d = new LinkedHashMap<>(dimensions);
    d.put(name, value);
    return new MetricQuery(namespace, metricName, d, period, stat, unit, region, window, usage);
  }

  /** The same query, answered as usage. */
  public MetricQuery usage(Usage usage) {
    return new MetricQuery(namespace, metricName, dimensions, period, stat, unit, region, window, usage);
  }

  /** The same query, asked in another region than the node's. */
  public MetricQuery inRegion(String region) {
    return new MetricQuery(namespace, metricName, dimensions, period, stat, unit, region, window, usage);
  }

  /** The same query over its own window (ending at the run's "now"). */
  public MetricQuery over(Duration window) {
    return new MetricQuery(namespace, metricName, dimensions, period, stat, unit, region, window, usage);
  }
}
