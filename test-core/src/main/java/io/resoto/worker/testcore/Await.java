package io.resoto.worker.testcore;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits on a condition instead of sleeping a fixed time. */
public final class Await {

  private Await() {}

  /** Polls every 10 ms until the condition holds; fails with the description after the timeout. */
  public static void until(String description, Duration timeout, BooleanSupplier condition) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + description);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + description, e);
      }
    }
  }

  /** Waits until the supplier gives a non-null value and returns it. */
  public static <T> T value(String description, Duration timeout, Supplier<T> supplier) {
    Object[] box = new Object[1];
    until(description, timeout, () -> (box[0] = supplier.get()) != null);
    @SuppressWarnings("unchecked")
    T value = (T) box[0];
    return value;
  }
}
