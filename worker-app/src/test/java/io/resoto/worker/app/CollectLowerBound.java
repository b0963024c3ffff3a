package io.resoto.worker.app;

import io.resoto.worker.awssim.CallCounters.ScopedStats;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The least time a collect run can take, from the calls the simulator saw: the larger of
 *
 * <ul>
 *   <li>the <b>chain</b>: calls that must run one after another, times the mean latency. Before
 *       anything else the identity is checked (1 call) and the organisation's accounts are listed
 *       (its pages, one after another), then a role is assumed (1 call). In each account and
 *       region, the operation with the most pages per listing (all its calls divided by the calls
 *       without a pagination token, rounded up) is a chain of its own; a describe of an item found
 *       by it follows (1 call) where the scope has more than that one operation. The longest scope
 *       chain counts.
 *   <li>the <b>rate limit</b>: in each account, region and service the worker's token bucket
 *       allows a burst of one second's worth and then {@code rate} calls per second, so
 *       {@code (calls - rate) / rate} seconds; the largest over all scopes counts.
 * </ul>
 *
 * Both ignore the worker's own limits on parallelism (accounts collected at once, tasks per
 * service): those are what the run is compared against. A second figure, {@link
 * Bound#poolSeconds}, keeps one of them: at most {@code accountPoolSize} accounts at once (the
 * worker's {@code account_pool_size}), each taking at least its own bound (the chain, or its
 * busiest rate-limited scope), scheduled longest first.
 */
final class CollectLowerBound {

  /** The setup calls counted in the chain, outside any account's and region's own calls. */
  private static final Set<String> SETUP_SERVICES = Set.of("sts", "organizations");

  /** The result: seconds of each bound and what it consists of. */
  record Bound(double chainSeconds, int chainCalls, String chainScope, double rateSeconds, String rateScope,
      double poolSeconds, int accountPoolSize) {
    double seconds() {
      return Math.max(chainSeconds, rateSeconds);
    }

    String which() {
      return chainSeconds >= rateSeconds ? "chain" : "rate limit";
    }
  }

  private CollectLowerBound() {}

  /**
   * The bound for the calls, the mean latency of one call and the configured request rates
   * (keys as in the worker's {@code request_rate_limits}, {@code default} for the rest).
   */
  static Bound of(Collection<ScopedStats> calls, double meanLatencySeconds, Map<String, Double> rates,
      int accountPoolSize) {
    int setup = 0;
    long listAccountsCalls = 0;
    long listAccountsFirst = 0;
    boolean assumesRole = false;
    boolean checksIdentity = false;
    Map<String, Integer> longestPerScope = new HashMap<>();
    Map<String, Integer> operationsPerScope = new HashMap<>();
    Map<String, Long> callsPerServiceScope = new HashMap<>();
    for (ScopedStats s : calls) {
      if (SETUP_SERVICES.contains(s.service())) {
        if (s.operation().equals("ListAccounts")) {
          listAccountsCalls += s.calls();
          listAccountsFirst += s.firstPages();
        } else if (s.operation().equals("AssumeRole")) {
          assumesRole = true;
        } else if (s.operation().equals("GetCallerIdentity")) {
          checksIdentity = true;
        }
        continue;
      }
      String scope = s.account() + " " + s.region();
      longestPerScope.merge(scope, pagesPerListing(s), Math::max);
      operationsPerScope.merge(scope, 1, Integer::sum);
      callsPerServiceScope.merge(scope + " " + configName(s.service()), s.calls(), Long::sum);
    }
    setup += checksIdentity ? 1 : 0;
    setup += listAccountsCalls == 0 ? 0 : (int) ceilDiv(listAccountsCalls, Math.max(listAccountsFirst, 1));
    setup += assumesRole ? 1 : 0;

    int longest = 0;
    String longestScope = "-";
    for (Map.Entry<String, Integer> e : longestPerScope.entrySet()) {
      int chain = e.getValue() + (operationsPerScope.get(e.getKey()) > 1 ? 1 : 0);
      if (chain > longest || chain == longest && e.getKey().compareTo(longestScope) < 0) {
        longest = chain;
        longestScope = e.getKey();
      }
    }
    int chainCalls = setup + longest;

    double chainSeconds = chainCalls * meanLatencySeconds;
    double rateSeconds = 0;
    String rateScope = "-";
    Map<String, Double> perAccount = new HashMap<>();
    for (Map.Entry<String, Long> e : callsPerServiceScope.entrySet()) {
      String service = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
      double rate = rate(rates, service);
      String account = e.getKey().substring(0, e.getKey().indexOf(' '));
      perAccount.merge(account, chainSeconds, Math::max);
      if (rate <= 0) {
        continue;
      }
      double seconds = Math.max(0, e.getValue() - Math.max(1.0, rate)) / rate;
      perAccount.merge(account, seconds, Math::max);
      if (seconds > rateSeconds) {
        rateSeconds = seconds;
        rateScope = e.getKey() + " (" + e.getValue() + " calls at " + fmt(rate) + "/s)";
      }
    }
    return new Bound(chainSeconds, chainCalls, longestScope, rateSeconds, rateScope,
        Math.max(chainSeconds, makespan(perAccount.values(), accountPoolSize)), accountPoolSize);
  }

  /** The end of the last of the jobs run on {@code slots} slots, longest first, each on the first free slot. */
  static double makespan(Collection<Double> jobs, int slots) {
    double[] free = new double[Math.max(slots, 1)];
    jobs.stream().sorted(java.util.Comparator.reverseOrder()).forEach(job -> {
      int first = 0;
      for (int i = 1; i < free.length; i++) {
        if (free[i] < free[first]) {
          first = i;
        }
      }
      free[first] += job;
    });
    return java.util.Arrays.stream(free).max().orElse(0);
  }

  /** Pages per listing of one operation in one scope; calls without listings (single calls) are 1. */
  static int pagesPerListing(ScopedStats s) {
    return (int) ceilDiv(s.calls(), Math.max(s.firstPages(), 1));
  }

  /** The worker's config name of a service, from the signing name the simulator counts under. */
  static String configName(String signingName) {
    return switch (signingName) {
      case "monitoring" -> "cloudwatch";
      case "elasticloadbalancing" -> "elb";
      default -> signingName;
    };
  }

  private static double rate(Map<String, Double> rates, String service) {
    Double r = rates.get(service);
    if (r == null) {
      r = rates.get("default");
    }
    return Objects.requireNonNullElse(r, 0.0);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
