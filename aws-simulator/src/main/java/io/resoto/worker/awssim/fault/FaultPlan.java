package io.resoto.worker.awssim.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live set of {@link FaultRule}s of a simulator. Rules can be added and removed while the
 * simulator serves. Random decisions come from one seeded generator, so a single-threaded run
 * sees the same faults every time.
 *
 * <p>Every matching rule contributes: latencies add up, and the first rule (in the order added)
 * that draws a fault decides it. Within a rule the order is: connection reset, region not enabled,
 * access denied, throttling, 5xx error, malformed body.
 *
 * <p>Time windows ({@link FaultRule#activeAfter}, {@link FaultRule#activeFor}) count from the
 * plan's first call: the first {@link #decide} (every served call asks), whether or not a rule
 * matched it. A rule outside its window is skipped as if it did not match.
 */
public final class FaultPlan {
  private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
  private final SplittableRandom random;
  private final java.util.function.LongSupplier nanoTime;
  private final java.util.concurrent.atomic.AtomicLong firstCall = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean called;

  /** An empty plan with seed 0. */
  public FaultPlan() {
    this(0L);
  }

  /** An empty plan whose random decisions follow the seed. */
  public FaultPlan(long seed) {
    this(seed, System::nanoTime);
  }

  /** As {@link #FaultPlan(long)} with the clock that time windows are measured by (tests). */
  FaultPlan(long seed, java.util.function.LongSupplier nanoTime) {
    this.random = new SplittableRandom(seed);
    this.nanoTime = nanoTime;
  }

  /** Milliseconds since the plan's first call; the first call starts the count at 0. */
  private long elapsedMs() {
    long now = nanoTime.getAsLong();
    if (!called) {
      synchronized (firstCall) {
        if (!called) {
          firstCall.set(now);
          called = true;
        }
      }
    }
    return (now - firstCall.get()) / 1_000_000;
  }

  /** A plan of rules given as maps (see {@link FaultRule#fromMap}). */
  public static FaultPlan fromMaps(List<? extends Map<String, ?>> maps, long seed) {
    FaultPlan plan = new FaultPlan(seed);
    for (Map<String, ?> m : maps) {
      plan.add(FaultRule.fromMap(m));
    }
    return plan;
  }

  /** Adds a rule; returns this plan. */
  public FaultPlan add(FaultRule rule) {
    rules.add(java.util.Objects.requireNonNull(rule));
    return this;
  }

  /** Removes a rule added before; true if it was there. */
  public boolean remove(FaultRule rule) {
    return rules.remove(rule);
  }

  /** Removes all rules. */
  public void clear() {
    rules.clear();
  }

  /** The rules, in order. */
  public List<FaultRule> rules() {
    return List.copyOf(rules);
  }

  /** What happens to one call. */
  public enum Outcome {
    NONE,
    RESET,
    REGION_NOT_ENABLED,
    ACCESS_DENIED,
    THROTTLE,
    SERVER_ERROR,
    /** A synthetic cut-off body ({@link MalformedKind#CUT}). */
    MALFORMED,
    /** The real answer cut off at a random byte ({@link MalformedKind#TRUNCATED}). */
    MALFORMED_TRUNCATED,
    /** The real answer with values of the wrong type ({@link MalformedKind#WRONG_TYPES}). */
    MALFORMED_WRONG_TYPES,
    /** The real answer made huge ({@link MalformedKind#HUGE}). */
    MALFORMED_HUGE
  }

  /** The decision for one call: an added latency and an outcome. */
  public record Decision(long latencyMs, Outcome outcome) {
    static final Decision NONE = new Decision(0, Outcome.NONE);
  }

  /** Decides the faults of one call. */
  public Decision decide(String service, String operation, String region, String account) {
    long elapsed = elapsedMs();
    if (rules.isEmpty()) {
      return Decision.NONE;
    }
    List<FaultRule> matching = new ArrayList<>(2);
    for (FaultRule r : rules) {
      if (r.matches(service, operation, region, account) && r.activeAt(elapsed)) {
        matching.add(r);
      }
    }
    if (matching.isEmpty()) {
      return Decision.NONE;
    }
    long latency = 0;
    Outcome outcome = Outcome.NONE;
    synchronized (random) {
      for (FaultRule r : matching) {
        latency += r.latencyMs();
        if (r.jitterMs() > 0) {
          latency += random.nextLong(r.jitterMs() + 1);
        }
        if (outcome == Outcome.NONE) {
          outcome = draw(r);
        }
      }
    }
    return new Decision(latency, outcome);
  }

  private Outcome draw(FaultRule r) {
    if (hit(r.resetRate())) {
      return Outcome.RESET;
    } else if (r.regionNotEnabled()) {
      return Outcome.REGION_NOT_ENABLED;
    } else if (r.accessDenied()) {
      return Outcome.ACCESS_DENIED;
    } else if (hit(r.throttleRate())) {
      return Outcome.THROTTLE;
    } else if (hit(r.errorRate())) {
      return Outcome.SERVER_ERROR;
    } else if (hit(r.malformedRate())) {
      return r.malformed().outcome();
    }
    return Outcome.NONE;
  }

  private final java.util.concurrent.atomic.LongAdder malformedAnswers = new java.util.concurrent.atomic.LongAdder();

  /** Counts one malformed answer sent (the simulator calls it). */
  public void answeredMalformed() {
    malformedAnswers.increment();
  }

  /** The malformed answers sent so far. */
  public long malformedAnswers() {
    return malformedAnswers.sum();
  }

  /** A random number for the corruption of one answer (where to cut it, ...). */
  public long nextLong() {
    synchronized (random) {
      return random.nextLong();
    }
  }

  private boolean hit(double rate) {
    return rate > 0 && (rate >= 1.0 || random.nextDouble() < rate);
  }
}
