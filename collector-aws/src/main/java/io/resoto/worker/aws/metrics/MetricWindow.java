package io.resoto.worker.aws.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time frame of one account's metric queries: they all end at {@code now} (when the account's
 * collection started) and go back {@code usage} (the usage window), unless a query names its own
 * window, as the last-access queries do with {@code cloudwatch_metrics_for_atime_mtime_period}.
 *
 * @param now the end of every window
 * @param usage the usage window, see {@link #usageWindow}
 * @param atimeMtimePeriod how far back last-access and last-modification queries look
 * @param atimeMtimeGranularity the period of those queries
 */
public record MetricWindow(Instant now, Duration usage, Duration atimeMtimePeriod, Duration atimeMtimeGranularity) {

  /** The usage window when there was no earlier run. */
  public static final Duration WITHOUT_HISTORY = Duration.ofHours(1);
  /** The shortest usage window: CloudWatch has no datapoints for less. */
  public static final Duration SHORTEST = Duration.ofSeconds(600);
  /** The longest usage window, and the longest window of a query with a period under 30 minutes. */
  public static final Duration LONGEST = Duration.ofHours(2);
  private static final Duration SHORT_PERIOD = Duration.ofMinutes(30);

  public MetricWindow {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(atimeMtimePeriod, "atimeMtimePeriod");
    Objects.requireNonNull(atimeMtimeGranularity, "atimeMtimeGranularity");
  }

  /**
   * The original's usage window: the time since the last run started, at most 2 hours, rounded up
   * to whole minutes (CloudWatch periods are whole minutes; rounding up overlaps when in doubt),
   * at least 10 minutes; 1 hour without an earlier run.
   *
   * @param lastRunStart when the previous run started, or null
   */
  public static Duration usageWindow(Instant now, Instant lastRunStart) {
    if (lastRunStart == null) {
      return WITHOUT_HISTORY;
    }
    Duration since = Duration.between(lastRunStart, now);
    if (since.compareTo(LONGEST) > 0) {
      since = LONGEST;
    }
    long seconds = since.getSeconds() + (since.getNano() > 0 ? 1 : 0);
    Duration rounded = Duration.ofSeconds(Math.max(0, Math.floorDiv(seconds + 59, 60) * 60));
    return rounded.compareTo(SHORTEST) < 0 ? SHORTEST : rounded;
  }

  /**
   * How far back from {@link #now} a query looks: its own window or the usage window; a usage
   * query with a period under 30 minutes at most {@link #LONGEST}, as the original limits them.
   */
  public Duration windowOf(MetricQuery query) {
    Duration w = query.window() != null ? query.window() : usage;
    if (query.usage() != null && query.period().compareTo(SHORT_PERIOD) < 0 && w.compareTo(LONGEST) > 0) {
      return LONGEST;
    }
    return w;
  }

  /** When the usage window starts. */
  public Instant usageStart() {
    return now.minus(usage);
  }

  /** When the last-access window starts. */
  public Instant atimeMtimeStart() {
    return now.minus(atimeMtimePeriod);
  }
}
