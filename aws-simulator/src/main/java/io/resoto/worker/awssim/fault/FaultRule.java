package io.resoto.worker.awssim.fault;

import java.util.Locale;
import java.util.Map;

/**
 * One fault rule: which calls it matches (service signing name, operation, region, account; null
 * matches any) and what it does to them: added latency (fixed plus uniform jitter), and the rates
 * of throttling, 5xx errors, reset connections and malformed bodies, or always-on access denial
 * or a region that is not enabled. Immutable: each fluent method returns a changed copy, so a rule
 * added to a {@link FaultPlan} can later be removed by the same instance (equality is identity).
 *
 * <p>A rule may be active only in a time window ({@link #activeAfter}, {@link #activeFor}),
 * measured from its plan's first call: outside it the rule neither adds latency nor draws faults.
 */
public final class FaultRule {
  private final String service;
  private final String operation;
  private final String region;
  private final String account;
  private final long latencyMs;
  private final long jitterMs;
  private final double throttleRate;
  private final boolean accessDenied;
  private final boolean regionNotEnabled;
  private final double errorRate;
  private final double resetRate;
  private final double malformedRate;
  // The active window, in ms since the plan's first call (forMs < 0: no end). Kept out of the
  // constructor's parameters so that it stays apart from the fault fields: with(...) copies it
  // onto each new instance before the instance is returned, and nothing changes it afterwards.
  private long afterMs;
  private long forMs = -1;
  // What a malformed answer looks like. Not in the constructor: set on a fresh copy only (see
  // malformed(...)) and carried over by with(), so the rule stays immutable once handed out.
  private MalformedKind malformed = MalformedKind.CUT;

  private FaultRule(String service, String operation, String region, String account, long latencyMs,
      long jitterMs, double throttleRate, boolean accessDenied, boolean regionNotEnabled, double errorRate,
      double resetRate, double malformedRate) {
    this.service = service;
    this.operation = operation;
    this.region = region;
    this.account = account;
    this.latencyMs = requireNonNegative(latencyMs, "latency");
    this.jitterMs = requireNonNegative(jitterMs, "jitter");
    this.throttleRate = rate(throttleRate, "throttle rate");
    this.accessDenied = accessDenied;
    this.regionNotEnabled = regionNotEnabled;
    this.errorRate = rate(errorRate, "error rate");
    this.resetRate = rate(resetRate, "reset rate");
    this.malformedRate = rate(malformedRate, "malformed rate");
  }

  private static long requireNonNegative(long v, String what) {
    if (v < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + v);
    }
    return v;
  }

  private static double rate(double r, String what) {
    if (!(r >= 0.0 && r <= 1.0)) {
      throw new IllegalArgumentException(what + " must be within 0..1: " + r);
    }
    return r;
  }

  /** A rule for every call. */
  public static FaultRule any() {
    return new FaultRule(null, null, null, null, 0, 0, 0, false, false, 0, 0, 0);
  }

  /** A rule for one service, by its signing name ({@code ec2}, {@code sts}, {@code monitoring}, ...). */
  public static FaultRule forService(String service) {
    return any().service(service);
  }

  /**
   * A rule from a map, as the standalone simulator's YAML gives it. Keys: service, operation,
   * region, account, latency_ms, jitter_ms, throttle_rate, access_denied, region_not_enabled,
   * error_rate, reset_rate, malformed_rate, malformed (cut, truncated, wrong_types, huge),
   * after_seconds, for_seconds (the active window, see {@link #activeAfter} and {@link #activeFor};
   * fractions allowed); unknown keys are refused.
   */
  public static FaultRule fromMap(Map<String, ?> map) {
    FaultRule r = any();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      Object v = e.getValue();
      r = switch (e.getKey().toLowerCase(Locale.ROOT)) {
        case "service" -> r.service(str(v));
        case "operation" -> r.operation(str(v));
        case "region" -> r.region(str(v));
        case "account" -> r.account(str(v));
        case "latency_ms" -> r.latencyMs(num(e.getKey(), v).longValue());
        case "jitter_ms" -> r.jitterMs(num(e.getKey(), v).longValue());
        case "throttle_rate" -> r.throttleRate(num(e.getKey(), v).doubleValue());
        case "access_denied" -> r.accessDenied(bool(e.getKey(), v));
        case "region_not_enabled" -> r.regionNotEnabled(bool(e.getKey(), v));
        case "error_rate" -> r.errorRate(num(e.getKey(), v).doubleValue());
        case "reset_rate" -> r.resetRate(num(e.getKey(), v).doubleValue());
        case "malformed_rate" -> r.malformedRate(num(e.getKey(), v).doubleValue());
        case "malformed" -> r.malformed(MalformedKind.parse(str(v)));
        case "after_seconds" -> r.activeAfter(seconds(e.getKey(), v));
        case "for_seconds" -> r.activeFor(seconds(e.getKey(), v));
        default -> throw new IllegalArgumentException("unknown fault rule key: " + e.getKey());
      };
    }
    return r;
  }

  private static String str(Object v) {
    return v == null ? null : v.toString();
  }

  private static Number num(String key, Object v) {
    if (v instanceof Number n) {
      return n;
    }
    try {
      return Double.valueOf(String.valueOf(v));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a number, not '" + v + "'", e);
    }
  }

  private static java.time.Duration seconds(String key, Object v) {
    return java.time.Duration.ofMillis(Math.round(num(key, v).doubleValue() * 1000));
  }

  private static boolean bool(String key, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v);
    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
  }

  private FaultRule with(String service, String operation, String region, String account, long latencyMs,
      long jitterMs, double throttleRate, boolean accessDenied, boolean regionNotEnabled, double errorRate,
      double resetRate, double malformedRate) {
    FaultRule copy = new FaultRule(service, operation, region, account, latencyMs, jitterMs, throttleRate,
        accessDenied, regionNotEnabled, errorRate, resetRate, malformedRate);
    copy.malformed = this.malformed;
    return copy.window(afterMs, forMs);
  }

  private FaultRule window(long after, long length) {
    this.afterMs = after;
    this.forMs = length;
    return this;
  }

  public FaultRule service(String s) {
    return with(s, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  public FaultRule operation(String o) {
    return with(service, o, region, account, latencyMs, jitterMs, throttleRate, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  public FaultRule region(String r) {
    return with(service, operation, r, account, latencyMs, jitterMs, throttleRate, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  public FaultRule account(String a) {
    return with(service, operation, region, a, latencyMs, jitterMs, throttleRate, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  /** Fixed latency added before the call is answered. */
  public FaultRule latencyMs(long ms) {
    return with(service, operation, region, account, ms, jitterMs, throttleRate, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  /** Uniformly distributed extra latency in [0, ms]. */
  public FaultRule jitterMs(long ms) {
    return with(service, operation, region, account, latencyMs, ms, throttleRate, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  public FaultRule throttleRate(double r) {
    return with(service, operation, region, account, latencyMs, jitterMs, r, accessDenied, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  public FaultRule accessDenied(boolean b) {
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, b, regionNotEnabled,
        errorRate, resetRate, malformedRate);
  }

  public FaultRule regionNotEnabled(boolean b) {
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied, b,
        errorRate, resetRate, malformedRate);
  }

  /** The rate of 500 InternalError answers. */
  public FaultRule errorRate(double r) {
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied,
        regionNotEnabled, r, resetRate, malformedRate);
  }

  /** The rate of connections closed without an answer. */
  public FaultRule resetRate(double r) {
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied,
        regionNotEnabled, errorRate, r, malformedRate);
  }

  /** The rate of 200 answers with a cut-off body. */
  public FaultRule malformedRate(double r) {
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied,
        regionNotEnabled, errorRate, resetRate, r);
  }

  /**
   * The rule is active from this long after its plan's first call on (default: from the first
   * call). The plan's first call is the first request the simulator decides faults for, whatever
   * its rules then, so a storm starts with the client's first call rather than with the start of
   * the simulator (a test's setup does not eat into it).
   */
  public FaultRule activeAfter(java.time.Duration after) {
    long ms = requireNonNegative(after.toMillis(), "after");
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied,
        regionNotEnabled, errorRate, resetRate, malformedRate).window(ms, forMs);
  }

  /** The rule is active for this long from {@link #activeAfter} on (default: without end). */
  public FaultRule activeFor(java.time.Duration length) {
    long ms = requireNonNegative(length.toMillis(), "for");
    return with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied,
        regionNotEnabled, errorRate, resetRate, malformedRate).window(afterMs, ms);
  }

  /** Whether the rule is active {@code elapsedMs} after its plan's first call. */
  public boolean activeAt(long elapsedMs) {
    return elapsedMs >= afterMs && (forMs < 0 || elapsedMs - afterMs < forMs);
  }

  /** Start of the active window, in ms after the plan's first call. */
  public long activeAfterMs() {
    return afterMs;
  }

  /** Length of the active window in ms; -1: without end. */
  public long activeForMs() {
    return forMs;
  }

  /**
   * What the malformed answers ({@link #malformedRate}) look like: {@link MalformedKind#CUT} (the
   * default) a synthetic cut-off body; the others the real answer, truncated, with wrong types or
   * huge.
   */
  public FaultRule malformed(MalformedKind kind) {
    FaultRule copy = with(service, operation, region, account, latencyMs, jitterMs, throttleRate, accessDenied,
        regionNotEnabled, errorRate, resetRate, malformedRate);
    copy.malformed = java.util.Objects.requireNonNull(kind, "kind");
    return copy;
  }

  public MalformedKind malformed() {
    return malformed;
  }

  /** Whether the rule applies to a call. */
  public boolean matches(String service, String operation, String region, String account) {
    return (this.service == null || this.service.equals(service))
        && (this.operation == null || this.operation.equals(operation))
        && (this.region == null || this.region.equals(region))
        && (this.account == null || this.account.equals(account));
  }

  public String service() {
    return service;
  }

  public String operation() {
    return operation;
  }

  public String region() {
    return region;
  }

  public String account() {
    return account;
  }

  public long latencyMs() {
    return latencyMs;
  }

  public long jitterMs() {
    return jitterMs;
  }

  public double throttleRate() {
    return throttleRate;
  }

  public boolean accessDenied() {
    return accessDenied;
  }

  public boolean regionNotEnabled() {
    return regionNotEnabled;
  }

  public double errorRate() {
    return errorRate;
  }

  public double resetRate() {
    return resetRate;
  }

  public double malformedRate() {
    return malformedRate;
  }

  @Override
  public String toString() {
    return "FaultRule[service=" + service + ", operation=" + operation + ", region=" + region + ", account="
        + account + ", latencyMs=" + latencyMs + ", jitterMs=" + jitterMs + ", throttleRate=" + throttleRate
        + ", accessDenied=" + accessDenied + ", regionNotEnabled=" + regionNotEnabled + ", errorRate=" + errorRate
        + ", resetRate=" + resetRate + ", malformedRate=" + malformedRate + ", malformed=" + malformed
        + (afterMs == 0 && forMs < 0 ? "" : ", activeAfterMs=" + afterMs + ", activeForMs=" + forMs) + "]";
  }
}
