package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.awssim.CallCounters;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.testcore.SecretScan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the resilience ITs share: a collect of the simulator's demo organisation by worker.jar as a
 * child process ({@code worker collect -c CONFIG}), the graph it wrote as comparable sets, the
 * simulator's call counts, and the secrets scan of everything the run printed and wrote.
 */
final class ResilienceRuns {

  /** The demo organisation's own keys (every value in it is fake). */
  static final String DEMO_KEY = "AKIADEMO00000000000A";
  static final String DEMO_SECRET = "demo-secret-0000000000000000000000000000";

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ResilienceRuns() {}

  private static Run reference;

  /**
   * An undisturbed collect of the demo organisation (no faults, one-hour sessions), made once per
   * test JVM: the resilience ITs compare their graphs and call counts with it. Its output is
   * scanned for secrets here.
   */
  static synchronized Run demoReference() throws Exception {
    if (reference == null) {
      Path dir = Files.createTempDirectory("resilience-reference");
      try (Simulation plain = Simulation.start(io.resoto.worker.awssim.estate.Estate.demo())) {
        Run r = collect("undisturbed", plain, dir, demoConfig(plain, dir.resolve("data")));
        r.assertCompleteWithoutErrors();
        assertThat(r.throttled()).isZero();
        assertNoSecrets(plain, List.of(r));
        reference = r;
      }
    }
    return reference;
  }

  /** The aws section that collects the demo organisation from the simulator, plus {@code extra} lines. */
  static String demoConfig(Simulation sim, Path dataDir, String... extra) {
    return demoConfig(sim, dataDir, List.of(), List.of(extra));
  }

  /**
   * A config that collects the demo organisation from the simulator (through its ResotoAccess role
   * with the ExternalId), with {@code worker} lines added to the resotoworker section and
   * {@code aws} lines to the aws section.
   */
  static String demoConfig(Simulation sim, Path dataDir, List<String> worker, List<String> aws) {
    StringBuilder b = new StringBuilder("resotoworker:\n  collector: [aws]\n  data_dir: '" + dataDir + "'\n");
    worker.forEach(line -> b.append("  ").append(line).append('\n'));
    b.append("""
        aws:
          endpoint_url: %s
          access_key_id: %s
          secret_access_key: %s
          role: ResotoAccess
          external_id: demo-external-id
          scrape_org: true
        """.formatted(sim.endpoint(), DEMO_KEY, DEMO_SECRET));
    aws.forEach(line -> b.append("  ").append(line).append('\n'));
    return b.toString();
  }

  /** The resotoworker lines of a daemon whose web server listens on a free port of 127.0.0.1. */
  static List<String> daemonLines(String... more) throws IOException {
    List<String> lines = new java.util.ArrayList<>(List.of("web_host: 127.0.0.1", "web_port: " + WorkerJarIT.freePort()));
    lines.addAll(List.of(more));
    return lines;
  }

  /** One finished collect: its output, exit code, wall time, the data dir and the simulator's counts meanwhile. */
  record Run(String name, int exitCode, String out, String err, double wallSeconds, Path dataDir, long calls,
      long throttled, long failed, Map<String, CallCounters.Stats> counts) {

    /** The run's summary.json. */
    JsonNode summary() throws IOException {
      return JSON.readTree(latestRun(dataDir).resolve("summary.json").toFile());
    }

    /** Asserts the run completed with exit code 0, status complete and no error. */
    Run assertCompleteWithoutErrors() throws IOException {
      assertThat(exitCode).as(name + " exit code; stderr:\n" + err).isZero();
      JsonNode summary = summary();
      assertThat(summary.path("status").asText()).as(name + " status").isEqualTo("complete");
      assertThat(summary.path("errors")).as(name + " errors").isEmpty();
      assertThat(out).contains("COMPLETE");
      return this;
    }

    String figures() {
      return String.format(Locale.ROOT, "%-28s %7d calls %6d throttled %4d failed %7.1f s wall", name, calls,
          throttled, failed, wallSeconds);
    }
  }

  /**
   * Runs {@code worker collect -c CONFIG} with the config written into {@code home} (not into the
   * data dir: it holds the demo key) and returns the run with the simulator's counts for it (the
   * counters are reset first).
   */
  static Run collect(String name, Simulation sim, Path home, String config) throws Exception {
    return collect(name, sim, home, config, java.time.Duration.ofMinutes(2));
  }

  /** As {@link #collect(String, Simulation, Path, String)}, waiting at most {@code timeout}. */
  static Run collect(String name, Simulation sim, Path home, String config, java.time.Duration timeout)
      throws Exception {
    Files.createDirectories(home);
    Path file = Files.writeString(home.resolve(name + ".yaml"), config);
    sim.aws().counters().reset();
    long start = System.nanoTime();
    try (WorkerProcess p = WorkerProcess.start(home, Map.of("AWS_EC2_METADATA_DISABLED", "true"), "collect", "-c",
        file.toString())) {
      int code = p.waitFor(timeout);
      double wall = (System.nanoTime() - start) / 1e9;
      Map<String, CallCounters.Stats> counts = sim.aws().counters().snapshot();
      long calls = counts.values().stream().mapToLong(CallCounters.Stats::calls).sum();
      long throttled = counts.values().stream().mapToLong(CallCounters.Stats::throttled).sum();
      long failed = counts.values().stream().mapToLong(CallCounters.Stats::failed).sum();
      String dataDir = config.lines().filter(l -> l.strip().startsWith("data_dir:")).findFirst().orElseThrow()
          .replaceAll(".*data_dir: *'?([^']*)'?", "$1").strip();
      return new Run(name, code, p.out(), p.err(), wall, Path.of(dataDir), calls, throttled, failed, counts);
    }
  }

  /** The directory of the data dir's latest run. */
  static Path latestRun(Path dataDir) throws IOException {
    Path runs = dataDir.resolve("runs");
    return runs.resolve(Files.readString(runs.resolve("latest")).strip());
  }

  /**
   * A run's graph as written ({@code runs/<id>/*.ndjson}): per file, each node's id with its
   * normalised JSON (keys sorted, collection-time values removed, see {@link #normalise}), and
   * each edge line (sorted).
   */
  record Graph(SortedMap<String, String> nodes, List<String> edges) {
    String size() {
      return nodes.size() + " nodes, " + edges.size() + " edges";
    }
  }

  static Graph graph(Path dataDir) throws IOException {
    SortedMap<String, String> nodes = new TreeMap<>();
    List<String> edges = new java.util.ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(latestRun(dataDir))) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList();
    }
    assertThat(files).as("ndjson files in " + dataDir).isNotEmpty();
    for (Path f : files) {
      String file = f.getFileName().toString();
      for (String line : Files.readAllLines(f)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        if (!n.has("reported")) {
          // an edge: by node ids ({"from", "to"}) or by selectors resolved later (from_selector, to_selector)
          edges.add(file + " " + canonical(n));
        } else {
          String previous = nodes.put(file + " " + n.path("id").asText(), canonical(normalise(n)));
          assertThat(previous).as("node written twice in " + file + ": " + n.path("id")).isNull();
        }
      }
    }
    java.util.Collections.sort(edges); // a sorted list, not a set: an edge written twice counts twice
    return new Graph(nodes, List.copyOf(edges));
  }

  /** What a value that is the time of the collect becomes in the comparison. */
  static final String COLLECT_TIME = "<time of the collect>";

  /**
   * Replaces the values that follow from the time of the collect rather than from the estate by
   * {@link #COLLECT_TIME} (where present: a value present in one run and absent in the other still
   * differs), so that two collects of the same estate compare equal. These are (found by diffing
   * undisturbed runs of the demo estate minutes apart, and by reading the kinds that set them):
   *
   * <ul>
   *   <li>{@code metadata.exported_at} of account nodes: when the account's graph was exported;
   *   <li>{@code reported.atime} and {@code reported.mtime} of EBS volumes (AwsEc2VolumeKind, as
   *       the original): an attached volume gets the collect's time; a detached one the last
   *       CloudWatch read/write datapoint in the look-back window ending at the collect, or else
   *       the window's start (collect time minus {@code cloudwatch_metrics_for_atime_mtime_period});
   *   <li>DynamoDB's {@code point_in_time_recovery_description.earliest/latest_restorable_date_time}:
   *       the restore window moves with the clock (AWS answers "now minus the recovery period" and
   *       "now minus 5 minutes"; the simulator does the same with its clock).
   * </ul>
   *
   * Everything else (ids, names, other times, tags, usage metrics, edges) must be equal.
   */
  static JsonNode normalise(JsonNode node) {
    ObjectNode n = node.deepCopy();
    if (n.path("metadata") instanceof ObjectNode metadata) {
      mask(metadata, "exported_at");
    }
    if (n.path("reported") instanceof ObjectNode reported) {
      if ("aws_ec2_volume".equals(reported.path("kind").asText())) {
        mask(reported, "atime", "mtime");
      }
      if (reported.path("dynamodb_continuous_backup").path("point_in_time_recovery_description")
          instanceof ObjectNode pitr) {
        mask(pitr, "earliest_restorable_date_time", "latest_restorable_date_time");
      }
    }
    return n;
  }

  private static void mask(ObjectNode node, String... fields) {
    for (String f : fields) {
      if (node.hasNonNull(f)) {
        node.put(f, COLLECT_TIME);
      }
    }
  }

  private static String canonical(JsonNode n) {
    try {
      return JSON.writeValueAsString(JSON.treeToValue(n, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts the two graphs are equal, node by node (so a difference names the node), then edge by edge. */
  static void assertSameGraph(Graph expected, Graph actual, String what) {
    assertThat(actual.nodes().keySet()).as(what + ": node ids").isEqualTo(expected.nodes().keySet());
    expected.nodes().forEach((id, json) ->
        assertThat(actual.nodes().get(id)).as(what + ": node " + id).isEqualTo(json));
    assertThat(actual.edges()).as(what + ": edges").isEqualTo(expected.edges());
  }

  /** Scans the runs' output and data dirs for the estate's secrets and every session the simulator minted. */
  static void assertNoSecrets(Simulation sim, List<Run> runs) {
    SecretScan scan = SecretScan.of(sim.issuedSecrets());
    for (Run r : runs) {
      scan.text(r.name() + " stdout", r.out()).text(r.name() + " stderr", r.err()).tree(r.dataDir());
    }
    scan.assertNone();
  }
}
