package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aFullBucketLetsOneSecondsWorthThroughAtOnce() {
    RateLimiter limiter = new RateLimiter(5, now::get);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.reserveNanos()).isZero();
    }
    // the sixth waits for one token: 1/5 s
    assertThat(limiter.reserveNanos()).isEqualTo(200_000_000L);
    // the seventh queues behind it
    assertThat(limiter.reserveNanos()).isEqualTo(400_000_000L);
  }

  @Test
  void tokensRefillWithTimeUpToTheCapacity() {
    RateLimiter limiter = new RateLimiter(2, now::get);
    limiter.reserveNanos();
    limiter.reserveNanos();
    now.addAndGet(500_000_000L); // half a second: one token back
    assertThat(limiter.reserveNanos()).isZero();
    assertThat(limiter.reserveNanos()).isEqualTo(500_000_000L);
    now.addAndGet(60_000_000_000L); // a minute idle refills to 2, not 120
    assertThat(limiter.reserveNanos()).isZero();
    assertThat(limiter.reserveNanos()).isZero();
    assertThat(limiter.reserveNanos()).isEqualTo(500_000_000L);
  }

  @Test
  void slowRatesStillAllowOneRequestBurst() {
    RateLimiter limiter = new RateLimiter(0.5, now::get);
    assertThat(limiter.reserveNanos()).isZero();
    assertThat(limiter.reserveNanos()).isEqualTo(2_000_000_000L);
  }

  @Test
  void theRateMustBePositive() {
    assertThatThrownBy(() -> new RateLimiter(0, now::get)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be positive, got 0.0");
  }
}
