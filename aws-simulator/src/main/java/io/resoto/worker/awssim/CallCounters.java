package io.resoto.worker.awssim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls the simulator received, per service and operation ({@code "ec2:DescribeInstances"}):
 * all calls, those answered with a throttling error, and those that failed otherwise (errors,
 * reset connections, malformed bodies). Calls that passed authentication and were decoded are
 * also counted per caller account and signing region, with how many of them asked for a later
 * page (carried a pagination token): benchmarks derive the calls that must run one after another
 * from that. Thread-safe.
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

  /**
   * The calls of one operation by one account in one region: all of them, and those that asked
   * for a page after the first (a pagination token in the request). {@code account} is null for
   * unsigned calls.
   */
  public record ScopedStats(String account, String region, String service, String operation, long calls,
      long continued) {
    /** Calls without a pagination token: listings started (or single calls). */
    public long firstPages() {
      return calls - continued;
    }
  }

  private record Scope(String account, String region, String service, String operation) {}

  private static final class ScopedCounter {
    final LongAdder calls = new LongAdder();
    final LongAdder continued = new LongAdder();
  }

  private final Map<Scope, ScopedCounter> scoped = new ConcurrentHashMap<>();

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

  /** Counts a call by the account in the region; {@code continued}: it carried a pagination token. */
  public void scopedCall(String account, String region, String service, String operation, boolean continued) {
    ScopedCounter c = scoped.computeIfAbsent(new Scope(account, region, service, operation), k -> new ScopedCounter());
    c.calls.increment();
    if (continued) {
      c.continued.increment();
    }
  }

  /** The per-account and region counts, sorted by account, region, service and operation. */
  public List<ScopedStats> scopedSnapshot() {
    List<ScopedStats> out = new ArrayList<>();
    scoped.forEach((k, c) -> out.add(new ScopedStats(k.account(), k.region(), k.service(), k.operation(),
        c.calls.sum(), c.continued.sum())));
    out.sort(Comparator.comparing(ScopedStats::account, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(ScopedStats::region, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(ScopedStats::service).thenComparing(ScopedStats::operation));
    return List.copyOf(out);
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
    scoped.clear();
  }
}
