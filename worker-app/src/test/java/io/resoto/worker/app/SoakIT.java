package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.tools.attach.VirtualMachine;
import io.resoto.worker.auth.PskJwt;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.testcore.SecretScan;
import java.lang.management.MemoryMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, soak: 300 collects of the demo organisation in a row by one worker daemon (worker.jar
 * as a child process, no core); after each, a full GC is forced in the worker and its
 * {@code /metrics} are read: the heap still in use after that GC (the sum of
 * {@code jvm_memory_pool_collection_used_bytes} over the heap pools) and
 * {@code jvm_threads_current} must stay flat.
 *
 * <p>How the collects are started: the schedule is a 5-field cron (a minute at the finest), so 300
 * scheduled collects would take five hours. The daemon runs without schedule and each collect is
 * started through {@code POST /collect} as soon as the one before finished. That endpoint and the
 * scheduler call the same {@code RunCoordinator.trigger}; the run itself (plugins, sink, data dir,
 * metrics, the kept runs pruned to {@code data_keep_runs}) is the same code whatever triggered it.
 *
 * <p>How the GC is forced: through the JDK's attach API the test starts the worker JVM's local
 * management agent and calls {@code MemoryMXBean.gc()} (what {@code jcmd PID GC.run} does, without
 * starting a JVM per run). The values are then read from the worker's own {@code /metrics}.
 *
 * <p>Kinds: {@code -Dsoak.kinds=all} collects every kind; by default (CI, whose long profile has a
 * budget of minutes) a subset of the demo's kinds ({@link #CI_KINDS}) in the two regions where the
 * demo has resources ({@link #CI_REGIONS}): the run path, the SDK clients and the sink are the
 * same, each collect is shorter. {@code -Dsoak.runs=N} changes the
 * number of collects (default 300).
 */
@Tag("resilience-long")
class SoakIT {

  private static final String PSK = "soak-test-psk-0123456789abcdef0123456789";
  /** The kinds collected by default: a few EC2, IAM and S3 kinds with edges between them. */
  static final List<String> CI_KINDS = List.of("aws_ec2_instance", "aws_ec2_volume", "aws_vpc", "aws_ec2_subnet",
      "aws_ec2_security_group", "aws_iam_role", "aws_iam_user", "aws_s3_bucket");
  /** The regions collected by default: those where the demo organisation has resources. */
  static final List<String> CI_REGIONS = List.of("us-east-1", "eu-central-1");
  private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+)$");

  @TempDir Path home;

  /** One point of the series: after collect {@code run}, live heap and threads of the worker. */
  record Point(int run, double collectSeconds, long heapAfterGc, long threads) {}

  @Test
  void threeHundredCollectsInARowKeepHeapAfterGcAndThreadsFlat() throws Exception {
    int runs = Integer.getInteger("soak.runs", 300);
    boolean all = "all".equals(System.getProperty("soak.kinds"));
    int port = WorkerJarIT.freePort();
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    List<Point> series = new ArrayList<>();
    long start = System.nanoTime();
    try (Simulation sim = Simulation.start(Estate.demo())) {
      Path data = home.resolve("data");
      String config = ResilienceRuns.demoConfig(sim, data, all ? "" : "collect: " + CI_KINDS,
              all ? "" : "region: " + CI_REGIONS)
          .replace("resotoworker:\n", """
              resotoworker:
                schedule: null
                web_host: 127.0.0.1
                web_port: %d
                data_keep_runs: 3
              """.formatted(port));
      Path file = Files.writeString(home.resolve("soak.yaml"), config);
      try (WorkerProcess daemon = WorkerProcess.start(home, Map.of("RESOTOWORKER_PSK", PSK,
          "AWS_EC2_METADATA_DISABLED", "true"), "-c", file.toString())) {
        daemon.awaitErr("web server listening on 127.0.0.1:" + port, Duration.ofSeconds(60));
        URI base = URI.create("http://127.0.0.1:" + port);
        long pid = daemon.pid();
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
          MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
          MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(mbeans,
              ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
          Set<String> runIds = new HashSet<>();
          for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            String token = PskJwt.mint(Secret.of(PSK), Clock.systemUTC());
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.resolve("/collect"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            assertThat(json.readTree(posted.body()).path("result").asText()).isEqualTo("started");
            JsonNode info = awaitFinished(http, base, json, i);
            JsonNode last = info.path("last_run");
            assertThat(last.path("status").asText()).as("run " + i + ": " + last).isEqualTo("complete");
            assertThat(last.path("errors")).as("run " + i).isEmpty();
            assertThat(runIds.add(last.path("run_id").asText())).isTrue();
            double seconds = (System.nanoTime() - t0) / 1e9;
            memory.gc();
            Map<String, Double> metrics = metrics(http, base);
            series.add(new Point(i, seconds, heapAfterGc(metrics), Math.round(metrics.get("jvm_threads_current"))));
          }
        }
        vm.detach();
        daemon.terminate();
        assertThat(daemon.waitFor()).as(daemon.err()).isZero();
        double total = (System.nanoTime() - start) / 1e9;
        print(series, total, all);
        try (var kept = Files.list(data.resolve("runs"))) {
          assertThat(kept.filter(Files::isDirectory).count()).as("runs kept (data_keep_runs)").isLessThanOrEqualTo(3);
        }
        SecretScan.of(with(sim.issuedSecrets(), PSK)).text("stdout", daemon.out()).text("stderr", daemon.err())
            .tree(data).assertNone();
      }
    }
    assertFlat(series);
  }

  /**
   * Flat: the mean heap after GC of the last 50 collects is within 10% (plus 2 MB) of the mean
   * of collects 20 to 70, and no later collect has more threads than the most seen in collects 20
   * to 70 plus 3. The first 20 are left out: class loading, JIT and the SDK's lazily built
   * clients and caches fill the heap then. The tolerance: after a full GC the live heap of a
   * worker that forgets its runs is the same from run to run up to a few hundred KB (buffers,
   * the kept runs' summaries); a leak of even one run's graph or summary per collect (hundreds of
   * KB for the demo) would add tens of MB over 230 runs, far above 10% of the ~30-60 MB live heap.
   * Threads: pools that grow to their size on demand may add one or two late; a leak adds one per
   * run.
   */
  static void assertFlat(List<Point> series) {
    if (series.size() < 120) {
      System.out.println("fewer than 120 collects: the series is printed, not judged");
      return;
    }
    List<Point> early = series.subList(19, 70);
    List<Point> late = series.subList(series.size() - 50, series.size());
    double earlyHeap = early.stream().mapToLong(Point::heapAfterGc).average().orElseThrow();
    double lateHeap = late.stream().mapToLong(Point::heapAfterGc).average().orElseThrow();
    long earlyThreads = early.stream().mapToLong(Point::threads).max().orElseThrow();
    long lateThreads = late.stream().mapToLong(Point::threads).max().orElseThrow();
    System.out.printf(Locale.ROOT, "heap after GC: mean of collects 20-70 %.1f MB, of the last 50 %.1f MB (%+.1f%%);"
            + " threads: max %d then %d%n", earlyHeap / 1048576, lateHeap / 1048576,
        (lateHeap / earlyHeap - 1) * 100, earlyThreads, lateThreads);
    assertThat(lateHeap).as("mean heap after GC of the last 50 collects")
        .isLessThanOrEqualTo(earlyHeap * 1.10 + 2 * 1048576);
    assertThat(lateThreads).as("threads in the last 50 collects").isLessThanOrEqualTo(earlyThreads + 3);
  }

  private static void print(List<Point> series, double totalSeconds, boolean all) {
    System.out.printf(Locale.ROOT, "soak: %d collects of the demo organisation (%s) in %.1f s%n", series.size(),
        all ? "every kind, every region" : "kinds " + CI_KINDS + " in " + CI_REGIONS, totalSeconds);
    System.out.println("  run  collect s  heap after GC MB  threads");
    for (Point p : series) {
      if (p.run() == 1 || p.run() % 10 == 0 || p.run() == series.size()) {
        System.out.printf(Locale.ROOT, "  %3d  %9.2f  %16.1f  %7d%n", p.run(), p.collectSeconds(),
            p.heapAfterGc() / 1048576.0, p.threads());
      }
    }
    var heap = series.stream().mapToLong(Point::heapAfterGc).summaryStatistics();
    var threads = series.stream().mapToLong(Point::threads).summaryStatistics();
    var seconds = series.stream().mapToDouble(Point::collectSeconds).summaryStatistics();
    System.out.printf(Locale.ROOT, "  heap after GC MB: min %.1f max %.1f first %.1f last %.1f%n",
        heap.getMin() / 1048576.0, heap.getMax() / 1048576.0, series.get(0).heapAfterGc() / 1048576.0,
        series.get(series.size() - 1).heapAfterGc() / 1048576.0);
    System.out.printf(Locale.ROOT, "  threads: min %d max %d first %d last %d%n", threads.getMin(),
        threads.getMax(), series.get(0).threads(), series.get(series.size() - 1).threads());
    System.out.printf(Locale.ROOT, "  collect s (trigger to finished): min %.2f max %.2f mean %.2f%n",
        seconds.getMin(), seconds.getMax(), seconds.getAverage());
  }

  private static Set<String> with(Set<String> secrets, String more) {
    Set<String> all = new HashSet<>(secrets);
    all.add(more);
    return all;
  }

  /** Waits until the daemon has finished {@code n} runs and none is in progress; returns /info. */
  private static JsonNode awaitFinished(HttpClient http, URI base, ObjectMapper json, int n) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      JsonNode info = json.readTree(http.send(HttpRequest.newBuilder(base.resolve("/info")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      if (info.path("runs_finished").asInt() >= n && info.path("current_run").isNull()) {
        assertThat(info.path("runs_finished").asInt()).as("runs finished").isEqualTo(n);
        return info;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("run " + n + " did not finish in 2 minutes: " + info);
      }
      Thread.sleep(10);
    }
  }

  /** The worker's /metrics, unlabelled samples by name and labelled ones by name and labels. */
  static Map<String, Double> metrics(HttpClient http, URI base) throws Exception {
    String text = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Map<String, Double> out = new java.util.TreeMap<>();
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line.strip());
      if (!line.startsWith("#") && m.matches()) {
        out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
      }
    }
    assertThat(out).containsKey("jvm_threads_current");
    return out;
  }

  /** The heap still used after the last GC: jvm_memory_pool_collection_used_bytes over the heap pools. */
  static long heapAfterGc(Map<String, Double> metrics) {
    double sum = 0;
    int pools = 0;
    for (Map.Entry<String, Double> e : metrics.entrySet()) {
      // G1: "G1 Eden Space", "G1 Old Gen", "G1 Survivor Space"; only heap pools have a collection usage
      if (e.getKey().startsWith("jvm_memory_pool_collection_used_bytes{")) {
        sum += e.getValue();
        pools++;
      }
    }
    assertThat(pools).as("heap pools with a collection usage in /metrics").isPositive();
    return Math.round(sum);
  }
}
