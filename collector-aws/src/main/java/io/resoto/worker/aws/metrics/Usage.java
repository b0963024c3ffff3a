package io.resoto.worker.aws.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * How the answer to a {@link MetricQuery} becomes part of a node's usage section, following the
 * original's normalisation: the entry is named {@code <metric>_<unit>} (e.g.
 * {@code cpu_utilization_percent}, {@code network_in_bytes}) and holds min, avg and max, each
 * scaled (bytes per period to Mbit/s, operations per period to IOPS, ...) and rounded to 4
 * decimals.
 *
 * <ul>
 *   <li>{@link Aggregation#LATEST}: the newest datapoint is the value of the query's own statistic
 *       (Minimum to min, Average to avg, Maximum to max; other statistics give nothing). Used with
 *       one query per statistic whose period is the whole window.
 *   <li>{@link Aggregation#SERIES}: min, avg and max over all datapoints of the window, e.g. of
 *       5-minute sums.
 * </ul>
 *
 * <p>{@link #summed()} adds up the values of several queries with the same name and statistic
 * instead of keeping the last (S3's bucket size over its storage types).
 *
 * @param name the usage entry, metric name and unit joined by '_'
 * @param scale applied to each value before rounding
 * @param additive whether queries with the same name and statistic add up
 */
public record Usage(String name, Aggregation aggregation, DoubleUnaryOperator scale, boolean additive) {

  /** Which datapoints make the values. */
  public enum Aggregation { LATEST, SERIES }

  /** The original's unit suffixes. */
  public static final String PERCENT = "percent";
  public static final String BYTES = "bytes";
  public static final String COUNT = "count";
  public static final String IOPS = "iops";
  public static final String SECONDS = "seconds";

  private static final List<String> STATS = List.of("min", "avg", "max");

  public Usage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(scale, "scale");
  }

  /** The newest datapoint as the query's statistic, rounded. */
  public static Usage latest(String metric, String unit) {
    return new Usage(metric + "_" + unit, Aggregation.LATEST, DoubleUnaryOperator.identity(), false);
  }

  /** Min, avg and max over the window's datapoints, each scaled, then rounded. */
  public static Usage series(String metric, String unit, DoubleUnaryOperator scale) {
    return new Usage(metric + "_" + unit, Aggregation.SERIES, scale, false);
  }

  /** The same, adding up with other queries of the same name and statistic. */
  public Usage summed() {
    return new Usage(name, aggregation, scale, true);
  }

  /** Bytes per period to megabits per second (2^20 bits), as the original converts network traffic. */
  public static DoubleUnaryOperator bytesToMegabitsPerSecond(Duration period) {
    double seconds = period.toMillis() / 1000.0;
    return bytes -> bytes * 8 / (1024.0 * 1024.0 * seconds);
  }

  /** Bytes per period to megabytes per second (2^20 bytes). */
  public static DoubleUnaryOperator bytesToMegabytesPerSecond(Duration period) {
    double seconds = period.toMillis() / 1000.0;
    return bytes -> bytes / (1024.0 * 1024.0 * seconds);
  }

  /** A count per period to a count per second (operations to IOPS, packets to packets/s). */
  public static DoubleUnaryOperator perSecond(Duration period) {
    double seconds = period.toMillis() / 1000.0;
    return count -> count / seconds;
  }

  /** Rounds to 4 decimals as Python's round(x, 4) does: half to even on the exact binary value. */
  public static double round4(double value) {
    return new BigDecimal(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
  }

  /**
   * Collects the usage of one node from the answers to its usage queries; {@link #values()} then
   * gives metric to statistic to rounded value.
   */
  public static final class Collector {
    private final Map<String, Map<String, Double>> values = new LinkedHashMap<>();

    /** Adds the answer to one query; queries without usage or answers without datapoints add nothing. */
    public void add(MetricQuery query, MetricData data) {
      Usage usage = query.usage();
      if (usage == null || data.values().isEmpty()) {
        return;
      }
      List<Double> v = data.values();
      if (usage.aggregation() == Aggregation.LATEST) {
        String stat = switch (query.stat()) {
          case "Minimum" -> "min";
          case "Average" -> "avg";
          case "Maximum" -> "max";
          default -> null;
        };
        if (stat != null) {
          put(usage, stat, usage.scale().applyAsDouble(v.get(0)));
        }
      } else {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (double d : v) {
          min = Math.min(min, d);
          max = Math.max(max, d);
          sum += d;
        }
        put(usage, "min", usage.scale().applyAsDouble(min));
        put(usage, "avg", usage.scale().applyAsDouble(sum / v.size()));
        put(usage, "max", usage.scale().applyAsDouble(max));
      }
    }

    private void put(Usage usage, String stat, double value) {
      Map<String, Double> stats = values.computeIfAbsent(usage.name(), k -> new LinkedHashMap<>());
      stats.merge(stat, value, usage.additive() ? Double::sum : (old, now) -> now);
    }

    /** Metric to statistic (min, avg, max) to value rounded to 4 decimals; non-finite values are left out. */
    public Map<String, Map<String, Double>> values() {
      Map<String, Map<String, Double>> out = new LinkedHashMap<>();
      values.forEach((metric, stats) -> {
        Map<String, Double> rounded = new LinkedHashMap<>();
        for (String s : STATS) {
          Double d = stats.get(s);
          if (d != null && Double.isFinite(d)) {
            rounded.put(s, round4(d));
          }
        }
        if (!rounded.isEmpty()) {
          out.put(metric, rounded);
        }
      });
      return out;
    }
  }
}
