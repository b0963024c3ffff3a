package io.resoto.worker.awssim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls the simulator received, per service and operation ({@code "ec2:DescribeInstances"}):
 * all calls, those answered with a throttling error, and those that failed otherwise (errors,
 * reset connections, malformed bodies). Thread-safe.
 */
public final class CallCounters {
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  /** The counts of one operation. */
  public record Stats(long calls, long throttled, long failed) {}

  private static final class Counter {
    final LongAdder calls = new LongAdder();
    final LongAdder throttled = new LongAdder();
    final LongAdder failed = new LongAdder();
  }

  private Counter counter(String service, String operation) {
    return counters.computeIfAbsent(service + ":" + operation, k -> new Counter());
  }

  /** Counts a received call. */
  public void call(String service, String operation) {
    counter(service, operation).calls.increment();
  }

  /** Counts a call answered with a throttling error. */
  public void throttled(String service, String operation) {
    counter(service, operation).throttled.increment();
  }

  /** Counts a call that failed otherwise. */
  public void failed(String service, String operation) {
    counter(service, operation).failed.increment();
  }

  /** An immutable copy of the counts, keyed {@code "service:Operation"}, sorted by key. */
  public Map<String, Stats> snapshot() {
    Map<String, Stats> out = new TreeMap<>();
    counters.forEach((k, c) -> out.put(k, new Stats(c.calls.sum(), c.throttled.sum(), c.failed.sum())));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The counts of one operation (zeros if it was never called). */
  public Stats get(String service, String operation) {
    Counter c = counters.get(service + ":" + operation);
    return c == null ? new Stats(0, 0, 0) : new Stats(c.calls.sum(), c.throttled.sum(), c.failed.sum());
  }

  /** Forgets all counts. */
  public void reset() {
    counters.clear();
  }
}
