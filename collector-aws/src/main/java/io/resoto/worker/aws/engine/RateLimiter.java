package io.resoto.worker.aws.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code permitsPerSecond} requests per second on average, bursts of up to one
 * second's worth (at least one request). Callers that find the bucket empty reserve the next token
 * and wait for it, so waiting callers are served in order and the rate holds under contention.
 */
public final class RateLimiter {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double permitsPerSecond;
  private final double capacity;
  private final LongSupplier nanoTicker;
  private double tokens;
  private long lastRefill;

  /** A bucket on the system's monotonic clock. */
  public RateLimiter(double permitsPerSecond) {
    this(permitsPerSecond, System::nanoTime);
  }

  /**
   * A bucket on the given ticker (nanoseconds, monotonic); tests pass a fake one.
   *
   * @throws IllegalArgumentException if the rate is not positive
   */
  public RateLimiter(double permitsPerSecond, LongSupplier nanoTicker) {
    if (!(permitsPerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive, got " + permitsPerSecond);
    }
    this.permitsPerSecond = permitsPerSecond;
    this.capacity = Math.max(1.0, permitsPerSecond);
    this.nanoTicker = nanoTicker;
    this.lastRefill = nanoTicker.getAsLong();
    // a full bucket: the first second's requests go out at once
    this.tokens = capacity;
  }

  /** The configured rate. */
  public double permitsPerSecond() {
    return permitsPerSecond;
  }

  /**
   * Takes one token and says how long the caller must wait before using it: 0 while the bucket
   * holds tokens, else the time until the token reserved for it has been refilled.
   */
  public synchronized long reserveNanos() {
    long now = nanoTicker.getAsLong();
    tokens = Math.min(capacity, tokens + (now - lastRefill) * permitsPerSecond / NANOS_PER_SECOND);
    lastRefill = now;
    tokens -= 1;
    if (tokens >= 0) {
      return 0;
    }
    // tokens went below zero: the deficit is what has to refill before this caller may go
    return (long) Math.ceil(-tokens / permitsPerSecond * NANOS_PER_SECOND);
  }

  /** Blocks until the caller may send one request. */
  public void acquire() throws InterruptedException {
    long wait = reserveNanos();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
