package io.resoto.worker.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricWindowTest {

  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

  private static Duration since(Duration ago) {
    return MetricWindow.usageWindow(NOW, NOW.minus(ago));
  }

  @Test
  void theUsageWindowIsTheTimeSinceTheLastRunStartedWithinTenMinutesAndTwoHours() {
    assertThat(MetricWindow.usageWindow(NOW, null)).isEqualTo(Duration.ofHours(1));
    assertThat(since(Duration.ofMinutes(45))).isEqualTo(Duration.ofMinutes(45));
    // rounded up to whole minutes
    assertThat(since(Duration.ofSeconds(61 * 60 + 1))).isEqualTo(Duration.ofMinutes(62));
    assertThat(since(Duration.ofMinutes(61).plusMillis(1))).isEqualTo(Duration.ofMinutes(62));
    assertThat(since(Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(10));
    assertThat(since(Duration.ofHours(5))).isEqualTo(Duration.ofHours(2));
    assertThat(since(Duration.ofHours(2).plusSeconds(30))).isEqualTo(Duration.ofHours(2));
    // a last run "in the future" (clock skew) gives the shortest window
    assertThat(since(Duration.ofMinutes(-5))).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aQueryLooksBackItsOwnWindowOrTheUsageWindowShortPeriodsAtMostTwoHours() {
    MetricWindow w = new MetricWindow(NOW, Duration.ofMinutes(40), Duration.ofDays(60), Duration.ofHours(1));
    MetricQuery fiveMinutes = MetricQuery.of("N", "M", "D", "v", Duration.ofMinutes(5), "Sum", null);
    assertThat(w.windowOf(fiveMinutes)).isEqualTo(Duration.ofMinutes(40));
    assertThat(w.windowOf(fiveMinutes.over(Duration.ofDays(2)))).isEqualTo(Duration.ofDays(2));
    assertThat(w.windowOf(fiveMinutes.over(Duration.ofDays(2)).usage(Usage.latest("m", "count"))))
        .isEqualTo(Duration.ofHours(2));
    MetricQuery daily = MetricQuery.of("N", "M", "D", "v", Duration.ofDays(1), "Average", null)
        .over(Duration.ofDays(2)).usage(Usage.latest("m", "count"));
    assertThat(w.windowOf(daily)).isEqualTo(Duration.ofDays(2));
    assertThat(w.usageStart()).isEqualTo(Instant.parse("2024-06-01T11:20:00Z"));
    assertThat(w.atimeMtimeStart()).isEqualTo(Instant.parse("2024-04-02T12:00:00Z"));
  }
}
