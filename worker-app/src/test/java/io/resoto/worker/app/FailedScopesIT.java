package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.testcore.Await;
import io.resoto.worker.testcore.SecretScan;
import io.resoto.worker.testcore.TestCore;
import io.resoto.worker.testcore.Upload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One region denied and one service answering 5xx (and one account lost whole), with the real jar,
 * the demo organisation, a core and the file sink (debug_dump_json): every other part completes,
 * the failed parts are reported with their scope, and their last good data is carried forward,
 * marked, not deleted: in what the core receives and in the run written to data_dir, run after
 * run, until they answer again. Four collects of the organisation: in the {@code resilience}
 * profile.
 */
@Tag("resilience-long")
class FailedScopesIT {

  private static final String PSK = "failed-scopes-it-psk-71c2";
  private static final String ACCOUNT = "111111111111";
  /** The account whose every call is denied in the outage: not collected at all. */
  private static final String LOST = "333333333333";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  @Test
  void deniedRegionFailingServiceAndLostAccountAreReportedAndTheirLastGoodDataIsCarriedForward() throws Exception {
    Path data = home.resolve("data");
    try (Simulation sim = Simulation.start(Estate.demo());
        TestCore core = TestCore.start(TestCore.Options.psk(PSK))) {
      Path config = Files.writeString(home.resolve("worker.yaml"), ResilienceRuns.demoConfig(sim, data,
          ResilienceRuns.daemonLines("debug_dump_json: true"), List.of("region: [us-east-1, eu-central-1]")));
      Map<String, String> env = Map.of("RESOTOWORKER_RESOTOCORE_URI", core.uri().toString(), "RESOTOWORKER_PSK", PSK);
      try (WorkerProcess worker = WorkerProcess.start(home, env, "-c", config.toString())) {
        worker.awaitErr("core actions channel connected", WAIT);

        long t0 = System.nanoTime();
        Graph good = collect(core, "task-good", worker);
        System.out.printf("good run: %d nodes in %.1f s%n", good.nodes.size(), (System.nanoTime() - t0) / 1e9);
        assertThat(carried(good)).isEmpty();
        Map<String, String> regions = good.regions();
        Set<String> eu = good.ids(id -> "eu-central-1".equals(regions.get(id)) && ACCOUNT.equals(good.account(id))
            && !good.kind(id).equals("aws_region"));
        Set<String> sqs = good.ids(id -> good.kind(id).equals("aws_sqs_queue") && !LOST.equals(good.account(id)));
        Set<String> lost = good.ids(id -> LOST.equals(good.account(id)));
        assertThat(eu).as("nodes in eu-central-1").hasSizeGreaterThan(3);
        assertThat(sqs).as("SQS queues").isNotEmpty();
        assertThat(lost).as("nodes of account " + LOST).hasSizeGreaterThan(3);

        // eu-central-1 denied in the management account, SQS answering 500 everywhere, one account lost
        sim.aws().replaceFaults(FaultPlan.fromMaps(List.of(
            Map.of("account", ACCOUNT, "region", "eu-central-1", "access_denied", true),
            Map.of("service", "sqs", "error_rate", 1.0),
            Map.of("account", LOST, "access_denied", true)), 1));
        for (String task : List.of("task-outage-1", "task-outage-2")) {
          t0 = System.nanoTime();
          Graph now = collect(core, task, worker);
          Map<String, JsonNode> carried = carried(now);
          System.out.printf("%s: %d nodes, %d carried forward, in %.1f s%n", task, now.nodes.size(), carried.size(),
              (System.nanoTime() - t0) / 1e9);
          // nothing of the failed parts is lost, nothing else changes
          assertThat(now.nodes.keySet()).as(task).containsExactlyInAnyOrderElementsOf(good.nodes.keySet());
          assertThat(now.edges).as(task).isEqualTo(good.edges);
          Set<String> expected = new TreeSet<>(eu);
          expected.addAll(sqs);
          expected.addAll(lost);
          assertThat(carried.keySet()).as("carried in %s", task).containsExactlyInAnyOrderElementsOf(expected);
          for (JsonNode n : carried.values()) {
            JsonNode mark = n.at("/metadata/carried_forward");
            assertThat(mark.path("collected_at").asText()).isNotEmpty();
            assertThat(mark.path("reason").asText()).isNotEmpty();
            // carried nodes keep the data of the good run, also when carried a second time
            assertThat(n.get("reported")).isEqualTo(good.nodes.get(n.get("id").asText()).get("reported"));
          }
        }
        assertThat(core.rejected()).as("uploads the core's import rules reject").isEmpty();

        // the file sink wrote the same: the last run's files hold the carried nodes, the summary the scopes
        Path runs = data.resolve("runs");
        String latest = Files.readString(runs.resolve("latest")).strip();
        Set<String> written = new TreeSet<>();
        long carriedInFiles = 0;
        try (Stream<Path> files = Files.list(runs.resolve(latest))) {
          for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
            for (String line : Files.readAllLines(file)) {
              JsonNode j = JSON.readTree(line);
              if (j.has("id") && !j.at("/reported/kind").asText().matches("graph_root|cloud")) {
                written.add(j.get("id").asText());
                carriedInFiles += j.at("/metadata/carried_forward").isMissingNode() ? 0 : 1;
              }
            }
          }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(good.nodes.keySet());
        JsonNode summary = JSON.readTree(runs.resolve(latest).resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("partial");
        long carriedInSummary = 0;
        for (JsonNode a : summary.get("accounts")) {
          carriedInSummary += a.path("carried").asLong();
        }
        assertThat(carriedInSummary).isEqualTo(carriedInFiles).isEqualTo(carried(collectedLast(core)).size());
        List<String> scopes = new ArrayList<>();
        summary.get("errors").forEach(e -> scopes.add(e.path("account").asText() + " " + e.path("region").asText()
            + " " + e.path("kind").asText()));
        assertThat(scopes).contains(ACCOUNT + " eu-central-1 aws_ec2_instance", ACCOUNT + " us-east-1 aws_sqs_queue",
            "222222222222 us-east-1 aws_sqs_queue");
        assertThat(scopes).anyMatch(s -> s.startsWith(LOST + " "));
        assertThat(scopes).as("only the failed parts").allMatch(s -> s.startsWith(ACCOUNT + " eu-central-1 ")
            || s.contains("sqs") || s.startsWith(LOST + " "));

        // the parts answer again: fresh data, nothing carried
        sim.aws().replaceFaults(new FaultPlan());
        Graph back = collect(core, "task-back", worker);
        assertThat(carried(back)).isEmpty();
        assertThat(back.nodes.keySet()).containsExactlyInAnyOrderElementsOf(good.nodes.keySet());

        worker.terminate();
        assertThat(worker.waitFor()).isZero();
        assertThat(worker.err()).contains("carried forward from the last good data")
            .contains("its last good data was delivered again");
        Set<String> secrets = new java.util.HashSet<>(sim.issuedSecrets());
        secrets.add(PSK);
        secrets.add(ResilienceRuns.DEMO_SECRET);
        SecretScan.of(secrets).text("stdout", worker.out()).text("stderr", worker.err()).tree(data).assertNone();
      }
    }
  }

  /** The nodes and edges of all of a task's uploads (one per account), without root and cloud. */
  private record Graph(Map<String, JsonNode> nodes, Set<String> edges, Map<String, List<String>> children) {

    static Graph of(List<Upload> uploads) {
      Map<String, JsonNode> nodes = new TreeMap<>();
      Set<String> edges = new TreeSet<>();
      Map<String, List<String>> children = new HashMap<>();
      for (Upload u : uploads) {
        u.nodes().forEach((id, n) -> {
          if (!n.at("/reported/kind").asText().matches("graph_root|cloud")) {
            nodes.put(id, n);
          }
        });
        for (JsonNode e : u.edges()) {
          String from = e.get("from").asText();
          String to = e.get("to").asText();
          if (nodes.containsKey(from)) {
            edges.add(from + ">" + to + ":" + e.path("edge_type").asText("default"));
            if (!e.has("edge_type")) {
              children.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            }
          }
        }
      }
      return new Graph(nodes, edges, children);
    }

    String kind(String id) {
      return nodes.get(id).at("/reported/kind").asText();
    }

    /** The account a node hangs under. */
    String account(String id) {
      return below("aws_account").get(id);
    }

    /** The region each node hangs under (through default edges), if any. */
    Map<String, String> regions() {
      return below("aws_region");
    }

    private Map<String, String> below(String kind) {
      Map<String, String> out = new HashMap<>();
      nodes.forEach((id, n) -> {
        if (kind(id).equals(kind)) {
          String name = n.at("/reported/id").asText();
          List<String> todo = new ArrayList<>(List.of(id));
          while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (out.putIfAbsent(next, name) == null) {
              todo.addAll(children.getOrDefault(next, List.of()));
            }
          }
        }
      });
      return out;
    }

    Set<String> ids(java.util.function.Predicate<String> p) {
      return nodes.keySet().stream().filter(p).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Graph collect(TestCore core, String task, WorkerProcess worker) throws Exception {
    core.collect(task);
    Await.until(task + " answered", WAIT, () -> core.answers(task).size() == 1);
    assertThat(core.answers(task).get(0).get("kind").asText()).as(worker.err()).isEqualTo("action_done");
    List<Upload> uploads = core.uploads(task);
    assertThat(uploads).hasSize(3);
    return Graph.of(uploads);
  }

  private static Graph collectedLast(TestCore core) {
    return Graph.of(core.uploads("task-outage-2"));
  }

  private static Map<String, JsonNode> carried(Graph g) {
    return g.nodes.entrySet().stream().filter(e -> !e.getValue().at("/metadata/carried_forward").isMissingNode())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
  }
}
