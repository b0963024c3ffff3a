package io.resoto.worker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CollectSchedulerTest {

  @Test
  void hourlyDefaultFiresAtMinuteZero() {
    CronSchedule hourly = CronSchedule.parse("0 * * * *");
    ZonedDateTime at = ZonedDateTime.parse("2026-11-23T21:52:10Z");
    assertThat(hourly.nextAfter(at)).contains(ZonedDateTime.parse("2026-11-23T22:00:00Z"));
  }

  @Test
  void invalidExpressionsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid cron expression '61 * * * *': ");
    assertThatThrownBy(() -> CronSchedule.parse("* * *"))
        .hasMessageStartingWith("invalid cron expression '* * *': ");
  }

  @Test
  void firesTheTriggerAtTheNextMatchingTimeAndPlansTheOneAfter() throws Exception {
    // A clock 300 ms before a minute boundary, so that "every minute" fires almost at once.
    Instant real = Instant.now();
    Instant boundary = real.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
    Clock clock = Clock.offset(Clock.system(ZoneOffset.UTC), Duration.between(real, boundary.minusMillis(300)));
    List<String> fired = new CopyOnWriteArrayList<>();
    try (CollectScheduler scheduler = new CollectScheduler(clock, fired::add)) {
      scheduler.schedule("* * * * *");
      ZonedDateTime first = scheduler.nextRun().orElseThrow();
      assertThat(first.toInstant()).isEqualTo(boundary);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (fired.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(fired).containsExactly("schedule");
      Thread.sleep(50);
      assertThat(scheduler.nextRun().orElseThrow().toInstant()).isEqualTo(boundary.plusSeconds(60));
    }
  }

  @Test
  void aNullScheduleMeansOnlyOnRequestAndAReplacedOneIsUsedAtOnce() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T21:52:10Z"), ZoneId.of("UTC"));
    try (CollectScheduler scheduler = new CollectScheduler(clock, s -> { })) {
      scheduler.schedule(null);
      assertThat(scheduler.nextRun()).isEmpty();
      scheduler.schedule("30 4 * * *");
      assertThat(scheduler.nextRun()).contains(ZonedDateTime.parse("2026-11-24T04:30Z[UTC]"));
      scheduler.schedule("0 * * * *");
      assertThat(scheduler.nextRun()).contains(ZonedDateTime.parse("2026-11-23T22:00Z[UTC]"));
    }
  }
}
