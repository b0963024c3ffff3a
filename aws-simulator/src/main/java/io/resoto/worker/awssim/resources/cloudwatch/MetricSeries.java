package io.resoto.worker.awssim.resources.cloudwatch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One metric of the estate with a repeating series of raw datapoints: {@code Namespace},
 * {@code MetricName} and {@code Dimensions} name it as CloudWatch's {@code Metric} does;
 * {@code Values} repeat forever, one every {@code Period} seconds on multiples of the period since
 * the epoch (the datapoint at second {@code k * Period} has {@code Values[k mod n]}), optionally
 * only from {@code Start} (inclusive) until {@code End} (exclusive). {@code Unit} is optional; a
 * query naming another unit gets no data, as in CloudWatch.
 *
 * <p>A fixed pattern anchored at the epoch makes every window's aggregates computable by hand:
 * a window of whole cycles sees each value equally often, whatever time it is.
 *
 * @param key namespace, metric name and dimensions (the order of dimensions does not matter)
 * @param unit the unit, or null
 * @param periodSeconds seconds between raw datapoints
 * @param values the repeating values
 * @param start the first possible datapoint, or null
 * @param end no datapoint at or after this, or null
 */
record MetricSeries(Key key, String unit, long periodSeconds, double[] values, Instant start, Instant end) {

  /** What identifies a metric: namespace, name, and dimensions by name. */
  record Key(String namespace, String metricName, Map<String, String> dimensions) {
    Key {
      dimensions = Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }
  }

  private static final Set<String> KEYS =
      Set.of("Namespace", "MetricName", "Dimensions", "Unit", "Period", "Values", "Start", "End");

  /**
   * The raw datapoints in [from, until): timestamps (epoch seconds) and values, ascending.
   *
   * @param consumer gets each datapoint
   */
  void forEach(Instant from, Instant until, Datapoints consumer) {
    long lo = from.getEpochSecond() + (from.getNano() > 0 ? 1 : 0);
    long hi = until.getEpochSecond() + (until.getNano() > 0 ? 1 : 0); // exclusive
    if (start != null) {
      lo = Math.max(lo, start.getEpochSecond() + (start.getNano() > 0 ? 1 : 0));
    }
    if (end != null) {
      hi = Math.min(hi, end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0));
    }
    long first = Math.floorDiv(lo + periodSeconds - 1, periodSeconds);
    for (long k = first; k * periodSeconds < hi; k++) {
      consumer.accept(k * periodSeconds, values[(int) Math.floorMod(k, (long) values.length)]);
    }
  }

  /** Gets raw datapoints. */
  @FunctionalInterface
  interface Datapoints {
    void accept(long epochSecond, double value);
  }

  /**
   * Parses one estate entry.
   *
   * @param path where the entry is, for messages
   * @throws IllegalArgumentException naming the path and the problem
   */
  static MetricSeries parse(Object raw, String path) {
    if (!(raw instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException(path + ": expected a mapping");
    }
    for (Object k : m.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new IllegalArgumentException(path + "." + k + ": unknown key (expected one of "
            + KEYS.stream().sorted().toList() + ")");
      }
    }
    String namespace = text(m.get("Namespace"), path + ".Namespace");
    String name = text(m.get("MetricName"), path + ".MetricName");
    Map<String, String> dims = new TreeMap<>();
    Object rawDims = m.get("Dimensions");
    if (rawDims != null) {
      if (!(rawDims instanceof List<?> list)) {
        throw new IllegalArgumentException(path + ".Dimensions: expected a list");
      }
      for (int i = 0; i < list.size(); i++) {
        String p = path + ".Dimensions[" + i + "]";
        if (!(list.get(i) instanceof Map<?, ?> d)) {
          throw new IllegalArgumentException(p + ": expected a mapping with Name and Value");
        }
        if (dims.put(text(d.get("Name"), p + ".Name"), text(d.get("Value"), p + ".Value")) != null) {
          throw new IllegalArgumentException(p + ".Name: dimension " + d.get("Name") + " is given twice");
        }
      }
    }
    long period = 60;
    if (m.get("Period") != null) {
      if (!(m.get("Period") instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
        throw new IllegalArgumentException(path + ".Period: expected a positive whole number of seconds, got "
            + m.get("Period"));
      }
      period = ((Number) m.get("Period")).longValue();
    }
    if (!(m.get("Values") instanceof List<?> rawValues) || rawValues.isEmpty()) {
      throw new IllegalArgumentException(path + ".Values: expected a non-empty list of numbers");
    }
    List<Double> vals = new ArrayList<>();
    for (int i = 0; i < rawValues.size(); i++) {
      if (!(rawValues.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException(path + ".Values[" + i + "]: expected a number, got " + rawValues.get(i));
      }
      vals.add(n.doubleValue());
    }
    Object unit = m.get("Unit");
    return new MetricSeries(new Key(namespace, name, dims), unit == null ? null : String.valueOf(unit), period,
        vals.stream().mapToDouble(Double::doubleValue).toArray(), time(m.get("Start"), path + ".Start"),
        time(m.get("End"), path + ".End"));
  }

  private static String text(Object v, String path) {
    if (v == null || String.valueOf(v).isEmpty()) {
      throw new IllegalArgumentException(path + ": required");
    }
    return String.valueOf(v);
  }

  private static Instant time(Object v, String path) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.util.Date d) {
      return d.toInstant();
    }
    try {
      return Instant.parse(String.valueOf(v));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + ": expected an ISO-8601 time such as 2024-06-01T00:00:00Z, got " + v);
    }
  }
}
