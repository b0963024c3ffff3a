package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.awssim.CallCounters;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.EstateGenerator;
import io.resoto.worker.awssim.estate.Principal;
import io.resoto.worker.awssim.estate.TemplateReplicas;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end collect benchmark: the real worker.jar as a child process collects an estate the
 * simulator (in this JVM) serves with 30 ms ± 10 ms latency on every call, and the run's wall
 * time, CPU time, peak RSS and heap, graph size and API calls are printed as a table and written
 * to {@code target/benchmarks.md}. Runs only in the {@code benchmark} profile:
 *
 * <pre>
 * mvn -B -ntp -Pbenchmark -Dtest.groups=collect-benchmark -pl worker-app -am verify -Dbench.sizes=small,medium
 * </pre>
 *
 * <p>({@code -Dtest.groups=collect-benchmark} leaves out the other modules' benchmarks, which the
 * profile runs too.)
 *
 * <p>Sizes ({@code bench.sizes}, default {@code small,medium}): small is the demo estate, medium 3
 * accounts of 4 regions with about 50,000 resources, large 10 accounts of 17 regions with about
 * 1,000,000 (about 15 minutes on 2 cores; the simulator's estate needs {@code -DargLine=-Xmx12g}
 * for this JVM besides the worker's 2 GB). {@code bench.xmx} sets the worker's heap (default 2g),
 * {@code bench.account_pool_size} the worker's account_pool_size, {@code bench.jvm_args} extra JVM
 * options for the worker, split at spaces, {@code {dir}} standing for the size's directory (e.g. a
 * JFR recording: {@code -XX:StartFlightRecording=filename={dir}/worker.jfr}). docs/benchmarks.md explains the
 * columns and the lower bound.
 */
@Tag("benchmark")
@Tag("collect-benchmark")
class CollectBenchmarkIT {

  private static final long LATENCY_MS = 20;
  private static final long JITTER_MS = 20;
  private static final double MEAN_LATENCY_S = (LATENCY_MS + JITTER_MS / 2.0) / 1000.0;
  private static final int SIMULATOR_THREADS = 256;
  private static final String DEMO_KEY = "AKIADEMO00000000000A";
  private static final String DEMO_SECRET = "demo-secret-0000000000000000000000000000";
  private static final List<String> MEDIUM_REGIONS = List.of("us-east-1", "eu-central-1", "us-west-2", "eu-west-1");
  private static final List<String> LARGE_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2",
      "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "ap-south-1",
      "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "sa-east-1");

  /** Where each size's config, worker output and GC log stay for a look afterwards (its data is deleted). */
  private static final Path DIR = Path.of(System.getProperty("bench.dir", "target/collect-benchmark"));

  /** One estate to collect. */
  private record Size(String name, String shape, Estate estate, String key, String secret, String externalId) {
    @Override
    public String toString() {
      return name + " (" + shape + ")"; // never the secret
    }
  }

  /** The figures of one run. */
  record Result(Size size, int exitCode, long resources, double wallSeconds, double cpuSeconds, long peakRssKb,
      double simulatorCpuSeconds, long peakHeapKb, long peakLiveKb, long nodes, long edges, Map<String, CallCounters.Stats> calls,
      CollectLowerBound.Bound bound) {
    long totalCalls() {
      return calls.values().stream().mapToLong(CallCounters.Stats::calls).sum();
    }

    long failedCalls() {
      return calls.values().stream().mapToLong(s -> s.failed() + s.throttled()).sum();
    }
  }

  @Test
  void collectsEachSizeAndPrintsTheFigures() throws Exception {
    List<String> sizes = Arrays.stream(System.getProperty("bench.sizes", "small,medium").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<Result> results = new ArrayList<>();
    for (String name : sizes) {
      long generating = System.nanoTime();
      Size size = size(name);
      System.out.printf(Locale.ROOT, "estate ready in %.1f s%n", (System.nanoTime() - generating) / 1e9);
      System.out.printf(Locale.ROOT, "%n=== %s: %s, %,d resources ===%n", name, size.shape(),
          resources(size.estate()));
      Result r = run(size);
      results.add(r);
      System.out.println(details(r));
    }
    String report = report(results);
    System.out.println(report);
    Path out = Path.of(System.getProperty("bench.out", "target/benchmarks.md"));
    Files.writeString(out, report + "\n" + results.stream().map(CollectBenchmarkIT::details)
        .reduce("", (a, b) -> a + b + "\n"));
    System.out.println("written to " + out.toAbsolutePath());
    for (Result r : results) {
      assertThat(r.exitCode()).as(r.size().name() + " exit code").isZero();
      assertThat(r.nodes()).as(r.size().name() + " nodes").isPositive();
    }
  }

  private static Size size(String name) {
    return switch (name) {
      case "small" -> new Size("small", "demo estate (3 accounts)", Estate.demo(), DEMO_KEY, DEMO_SECRET,
          "demo-external-id");
      case "medium" -> generated("medium", 3, MEDIUM_REGIONS, 50_000);
      case "large" -> generated("large", 10, LARGE_REGIONS, 1_000_000);
      default -> throw new IllegalArgumentException("unknown size " + name + " (small, medium, large)");
    };
  }

  private static Size generated(String name, int accounts, List<String> regions, long target) {
    // a copy's global resources (IAM, S3, ...) come once per account, its regional ones per region:
    // one copy of the whole shape says how many resources a copy adds
    long perCopy = resources(estate(accounts, regions, 1));
    int copies = (int) Math.max(1, Math.round((double) target / perCopy));
    Estate estate = estate(accounts, regions, copies);
    Principal p = estate.principals().get(0);
    return new Size(name, accounts + " accounts x " + regions.size() + " regions, " + copies + " copies",
        estate, p.accessKeyId(), p.secretAccessKey(), null);
  }

  private static Estate estate(int accounts, List<String> regions, int copies) {
    return new EstateGenerator().accounts(accounts).regions(regions).resources(TemplateReplicas.demo(copies))
        .pricing(Estate.demo().pricing()).generate();
  }

  /** The items of every collection in the estate: what the simulator serves. */
  static long resources(Estate estate) {
    long n = 0;
    for (Map<String, Map<String, Object>> regions : estate.resources().asMap().values()) {
      for (Map<String, Object> services : regions.values()) {
        for (Object data : services.values()) {
          if (data instanceof Map<?, ?> collections) {
            for (Object c : collections.values()) {
              n += c instanceof List<?> l ? l.size() : 0;
            }
          }
        }
      }
    }
    return n;
  }

  private Result run(Size size) throws Exception {
    FaultPlan faults = new FaultPlan(42).add(FaultRule.any().latencyMs(LATENCY_MS).jitterMs(JITTER_MS));
    try (Simulation sim = Simulation.start(size.estate(), 0, 0, faults, Clock.systemUTC(), SIMULATOR_THREADS)) {
      Path home = DIR.resolve(size.name()).toAbsolutePath();
      deleteTree(home);
      Path data = Files.createDirectories(home.resolve("data"));
      Path config = Files.writeString(home.resolve("bench.yaml"), """
          resotoworker:
            collector: [aws]
            data_dir: '%s'
          aws:
            endpoint_url: %s
            access_key_id: %s
            secret_access_key: %s
            role: %s
            scrape_org: true
            account_pool_size: %d
          %s""".formatted(data, sim.endpoint(), size.key(), size.secret(), EstateGenerator.MEMBER_ROLE,
          accountPoolSize(), size.externalId() == null ? "" : "  external_id: " + size.externalId() + "\n"));
      Path gcLog = home.resolve("gc.log");
      Path out = home.resolve("stdout");
      Path err = home.resolve("stderr");
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Duser.home=" + home, "-Xmx" + System.getProperty("bench.xmx", "2g"), "-Xlog:gc:file=" + gcLog));
      String jvmArgs = System.getProperty("bench.jvm_args", "").replace("{dir}", home.toString());
      if (!jvmArgs.isBlank()) {
        command.addAll(Arrays.asList(jvmArgs.trim().split("\\s+")));
      }
      command.addAll(List.of("-jar", WorkerProcess.JAR.toAbsolutePath().toString(), "collect", "-c", config.toString()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(k -> k.startsWith("RESOTOWORKER_") || k.startsWith("AWS_"));
      builder.environment().put("HOME", home.toString());
      builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");

      long simulatorCpuStart = ownCpuNanos();
      long start = System.nanoTime();
      Process process = builder.start();
      ProcSampler sampler = new ProcSampler(process.pid());
      while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
        sampler.sample();
      }
      double wall = (System.nanoTime() - start) / 1e9;
      double simulatorCpu = (ownCpuNanos() - simulatorCpuStart) / 1e9;
      String stdout = Files.readString(out);
      if (process.exitValue() != 0) {
        System.out.println("worker exited with " + process.exitValue() + "; stderr tail:\n" + tail(err, 40));
      }
      Matcher totals = Pattern.compile("total: (\\d+) nodes, (\\d+) edges").matcher(stdout);
      long nodes = -1;
      long edges = -1;
      if (totals.find()) {
        nodes = Long.parseLong(totals.group(1));
        edges = Long.parseLong(totals.group(2));
      }
      deleteTree(data); // a large run's graph takes GBs
      CallCounters counters = sim.aws().counters();
      CollectLowerBound.Bound bound = CollectLowerBound.of(counters.scopedSnapshot(), MEAN_LATENCY_S,
          AwsConfig.DEFAULTS.requestRateLimits(), accountPoolSize());
      return new Result(size, process.exitValue(), resources(size.estate()), wall, sampler.cpuSeconds(),
          sampler.peakRssKb(), simulatorCpu, heapKb(gcLog, 1), heapKb(gcLog, 3), nodes, edges, counters.snapshot(),
          bound);
    }
  }

  /** CPU time of this JVM (the simulator, and the sampling): the worker competes with it for the cores. */
  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The worker's account_pool_size: {@code bench.account_pool_size}, else its default (the number of cores, at least 2). */
  private static int accountPoolSize() {
    String p = System.getProperty("bench.account_pool_size");
    return p == null || p.isBlank() ? AwsConfig.DEFAULTS.accountPoolSize() : Integer.parseInt(p.trim());
  }

  /** Samples a process's CPU time and peak RSS from /proc until it exits. */
  static final class ProcSampler {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on Linux
    private final Path stat;
    private final Path status;
    private long ticks;
    private long peakRssKb;

    ProcSampler(long pid) {
      this.stat = Path.of("/proc", Long.toString(pid), "stat");
      this.status = Path.of("/proc", Long.toString(pid), "status");
    }

    void sample() {
      try {
        String s = Files.readString(stat);
        // fields after the command name (which may hold spaces) in parentheses: state is field 3
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        ticks = Math.max(ticks, Long.parseLong(f[11]) + Long.parseLong(f[12]));
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmHWM:")) {
            peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process exited between the check and the read: the last sample stands
      }
    }

    double cpuSeconds() {
      return ticks / TICKS_PER_SECOND;
    }

    long peakRssKb() {
      return peakRssKb;
    }
  }

  private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  /**
   * The largest heap occupancy before (group 1) or after (group 3) a collection in the unified GC
   * log, -1 without any GC. Before: what the heap grew to; after: the most that was still
   * reachable (plus garbage a young collection leaves in the old generation).
   */
  static long heapKb(Path gcLog, int group) throws IOException {
    if (!Files.exists(gcLog)) {
      return -1;
    }
    long peak = -1;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, kb(Long.parseLong(m.group(group)), m.group(group + 1)));
      }
    }
    return peak;
  }

  private static long kb(long value, String unit) {
    return switch (unit) {
      case "K" -> value;
      case "M" -> value * 1024;
      default -> value * 1024 * 1024;
    };
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String tail(Path file, int lines) throws IOException {
    List<String> all = Files.readAllLines(file);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  static String report(List<Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("| size | estate | resources | nodes | edges | wall s | CPU s | peak RSS MB | peak heap MB | heap after GC MB"
        + " | resources/s | API calls | lower bound s | wall / bound | bound with account pool s | wall / that |\n");
    b.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Result r : results) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %.1f | %.1f | %,d | %,d | %,d | %,.0f | %,d"
              + " | %.1f (%s) | %.2f | %.1f (%d at once) | %.2f |%n",
          r.size().name(), r.size().shape(), r.resources(), r.nodes(), r.edges(), r.wallSeconds(), r.cpuSeconds(),
          r.peakRssKb() / 1024, r.peakHeapKb() / 1024, r.peakLiveKb() / 1024, r.resources() / r.wallSeconds(),
          r.totalCalls(),
          r.bound().seconds(), r.bound().which(), r.wallSeconds() / r.bound().seconds(), r.bound().poolSeconds(),
          r.bound().accountPoolSize(), r.wallSeconds() / r.bound().poolSeconds()));
    }
    return b.toString();
  }

  static String details(Result r) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%n### %s%n%n", r.size().name()));
    b.append(String.format(Locale.ROOT, "- exit code %d; %,d API calls (%,d failed or throttled)%n", r.exitCode(),
        r.totalCalls(), r.failedCalls()));
    b.append(String.format(Locale.ROOT, "- CPU of the benchmark JVM (simulator) meanwhile: %.1f s%n",
        r.simulatorCpuSeconds()));
    CollectLowerBound.Bound bound = r.bound();
    b.append(String.format(Locale.ROOT, "- chain: %d calls one after another x %.0f ms = %.2f s (longest scope: %s)%n",
        bound.chainCalls(), MEAN_LATENCY_S * 1000, bound.chainSeconds(), bound.chainScope()));
    b.append(String.format(Locale.ROOT, "- rate limit: %.1f s (%s)%n", bound.rateSeconds(), bound.rateScope()));
    r.calls().forEach((op, st) -> {
      if (st.failed() + st.throttled() > 0) {
        b.append(String.format(Locale.ROOT, "- %s: %,d failed, %,d throttled%n", op, st.failed(), st.throttled()));
      }
    });
    b.append("- top operations:\n\n| operation | calls |\n|---|--:|\n");
    r.calls().entrySet().stream()
        .sorted(Comparator.comparingLong((Map.Entry<String, CallCounters.Stats> e) -> e.getValue().calls()).reversed()
            .thenComparing(Map.Entry::getKey))
        .limit(15)
        .forEach(e -> b.append(String.format(Locale.ROOT, "| %s | %,d |%n", e.getKey(), e.getValue().calls())));
    return b.toString();
  }
}
