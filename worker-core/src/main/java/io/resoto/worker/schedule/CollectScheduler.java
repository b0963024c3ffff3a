package io.resoto.worker.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a trigger at each time the cron schedule names, in the clock's time zone. A new schedule
 * (config reload) replaces the pending fire time at once; a null schedule means "only on request".
 */
public final class CollectScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CollectScheduler.class);

  private final Clock clock;
  private final Consumer<String> trigger;
  private final ScheduledExecutorService timer;
  private CronSchedule schedule;
  private ScheduledFuture<?> pending;
  private ZonedDateTime next;

  public CollectScheduler(Clock clock, Consumer<String> trigger) {
    this.clock = clock;
    this.trigger = trigger;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "collect-scheduler");
              t.setDaemon(true);
              return t;
            });
  }

  /** Sets (or clears, with null) the schedule and plans the next fire time. */
  public synchronized void schedule(String expression) {
    CronSchedule parsed = expression == null ? null : CronSchedule.parse(expression);
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    schedule = parsed;
    next = null;
    if (schedule == null) {
      log.info("no schedule: collecting only when triggered");
      return;
    }
    planNext();
    log.info("schedule '{}': next collect at {}", schedule, next);
  }

  private synchronized void planNext() {
    ZonedDateTime now = ZonedDateTime.now(clock);
    Optional<ZonedDateTime> candidate = schedule.nextAfter(now);
    if (candidate.isEmpty()) {
      next = null;
      log.warn("schedule '{}' names no future time: collecting only when triggered", schedule);
      return;
    }
    next = candidate.get();
    long delay = Math.max(0, Duration.between(now, next).toMillis());
    CronSchedule planned = schedule;
    pending = timer.schedule(() -> fire(planned), delay, TimeUnit.MILLISECONDS);
  }

  private void fire(CronSchedule planned) {
    synchronized (this) {
      if (planned != schedule) {
        return;
      }
      // A timer can wake a little early; never fire before the planned time.
      if (next != null && ZonedDateTime.now(clock).isBefore(next)) {
        long delay = Math.max(1, Duration.between(ZonedDateTime.now(clock), next).toMillis());
        pending = timer.schedule(() -> fire(planned), delay, TimeUnit.MILLISECONDS);
        return;
      }
    }
    try {
      trigger.accept("schedule");
    } catch (RuntimeException e) {
      log.error("scheduled collect could not be started: {}", e.toString());
    }
    synchronized (this) {
      if (planned == schedule) {
        planNext();
      }
    }
  }

  /** When the schedule fires next, if it does. */
  public synchronized Optional<ZonedDateTime> nextRun() {
    return Optional.ofNullable(next);
  }

  /** The current schedule expression, or null. */
  public synchronized String expression() {
    return schedule == null ? null : schedule.expression();
  }

  @Override
  public synchronized void close() {
    if (pending != null) {
      pending.cancel(false);
    }
    timer.shutdownNow();
  }
}
