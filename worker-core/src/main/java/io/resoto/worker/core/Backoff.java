package io.resoto.worker.core;

import java.time.Duration;

/**
 * Waits between attempts: {@code initial}, doubling up to {@code max}. Injected so that tests run
 * with milliseconds where the worker uses seconds.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait
 */
public record Backoff(Duration initial, Duration max) {

  /** What the worker uses: 1 s doubling up to 60 s. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  /** The wait after the given number of failed attempts (1 for the first). */
  public Duration after(int failures) {
    long ms = initial.toMillis();
    for (int i = 1; i < failures && ms < max.toMillis(); i++) {
      ms *= 2;
    }
    return Duration.ofMillis(Math.min(ms, max.toMillis()));
  }
}
