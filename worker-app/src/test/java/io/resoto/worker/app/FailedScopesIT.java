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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One region denied and one service answering 5xx, with the real jar, a core and the file sink
 * (debug_dump_json): every other part completes, the failed parts are reported with their scope,
 * and their last good data is carried forward, marked, not deleted: in what the core receives and
 * in the run written to data_dir, run after run, until they answer again.
 */
class FailedScopesIT {

  private static final String PSK = "failed-scopes-it-psk-71c2";
  private static final String KEY = "AKIADEMO00000000000A";
  private static final String SECRET = "demo-secret-0000000000000000000000000000";
  private static final String ACCOUNT = "111111111111";
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  @Test
  void aDeniedRegionAndAFailingServiceAreReportedAndTheirLastGoodDataIsCarriedForward() throws Exception {
    Path data = home.resolve("data");
    try (Simulation sim = Simulation.start(Estate.demo());
        TestCore core = TestCore.start(TestCore.Options.psk(PSK))) {
      Map<String, String> env = new HashMap<>(Map.of(
          "RESOTOWORKER_RESOTOCORE_URI", core.uri().toString(),
          "RESOTOWORKER_PSK", PSK,
          "AWS_ACCESS_KEY_ID", KEY,
          "AWS_SECRET_ACCESS_KEY", SECRET,
          "RESOTOWORKER_AWS__ENDPOINT_URL", sim.endpoint().toString(),
          "RESOTOWORKER_AWS__REGION", "us-east-1,eu-central-1",
          "RESOTOWORKER_WEB_HOST", "127.0.0.1",
          "RESOTOWORKER_WEB_PORT", String.valueOf(WorkerJarIT.freePort())));
      env.put("RESOTOWORKER_COLLECTOR", "aws");
      env.put("RESOTOWORKER_DATA_DIR", data.toString());
      env.put("RESOTOWORKER_DEBUG_DUMP_JSON", "true");
      try (WorkerProcess worker = WorkerProcess.start(home, env)) {
        worker.awaitErr("core actions channel connected", WAIT);

        Upload good = collect(core, "task-good", worker);
        Map<String, String> goodKinds = kindsById(good);
        Map<String, String> goodRegions = regionsById(good);
        assertThat(carried(good)).isEmpty();
        Set<String> eu = idsIn(goodKinds, goodRegions, "eu-central-1", null);
        Set<String> sqs = idsIn(goodKinds, goodRegions, null, "aws_sqs_queue");
        assertThat(eu).as("nodes in eu-central-1").hasSizeGreaterThan(3);
        assertThat(sqs).as("SQS queues").isNotEmpty();

        sim.aws().replaceFaults(FaultPlan.fromMaps(List.of(
            Map.of("region", "eu-central-1", "access_denied", true),
            Map.of("service", "sqs", "error_rate", 1.0)), 1));
        for (String task : List.of("task-outage-1", "task-outage-2")) {
          Upload upload = collect(core, task, worker);
          // nothing of the failed parts is lost, nothing else changes
          assertThat(upload.nodes().keySet()).as(task).containsExactlyInAnyOrderElementsOf(good.nodes().keySet());
          assertThat(edgeSet(upload)).as(task).isEqualTo(edgeSet(good));
          Map<String, JsonNode> carried = carried(upload);
          Set<String> expected = new TreeSet<>(eu);
          // the account's global kinds sit under us-east-1's id but are not in the denied region
          expected.addAll(sqs);
          // eu-central-1's region node itself is listed by ec2:DescribeRegions in us-east-1: collected
          expected.removeIf(id -> goodKinds.get(id).equals("aws_region"));
          assertThat(carried.keySet()).as("carried in %s", task).containsExactlyInAnyOrderElementsOf(expected);
          for (JsonNode n : carried.values()) {
            JsonNode mark = n.at("/metadata/carried_forward");
            assertThat(mark.path("collected_at").asText()).isNotEmpty();
            assertThat(mark.path("reason").asText()).isNotEmpty();
          }
          // carried nodes keep the data collected at the good run, also when carried a second time
          JsonNode queue = carried.get(sqs.iterator().next());
          assertThat(queue.get("reported")).isEqualTo(good.nodes().get(sqs.iterator().next()).get("reported"));
        }
        assertThat(core.rejected()).as("uploads the core's import rules reject").isEmpty();

        // the file sink wrote the same: the last run's file holds the carried nodes, the summary the scopes
        Path runs = data.resolve("runs");
        String latest = Files.readString(runs.resolve("latest")).strip();
        Path file = runs.resolve(latest).resolve("aws-" + ACCOUNT + ".ndjson");
        Set<String> written = new TreeSet<>();
        long carriedInFile = 0;
        for (String line : Files.readAllLines(file)) {
          JsonNode j = JSON.readTree(line);
          if (j.has("id")) {
            written.add(j.get("id").asText());
            carriedInFile += j.at("/metadata/carried_forward").isMissingNode() ? 0 : 1;
          }
        }
        assertThat(written).containsExactlyInAnyOrderElementsOf(good.nodes().keySet());
        assertThat(carriedInFile).isEqualTo(carried(core.uploads("task-outage-2").get(0)).size());
        JsonNode summary = JSON.readTree(runs.resolve(latest).resolve("summary.json").toFile());
        assertThat(summary.get("status").asText()).isEqualTo("partial");
        assertThat(summary.at("/accounts/0/carried").asLong()).isEqualTo(carriedInFile);
        List<String> scopes = new ArrayList<>();
        summary.get("errors").forEach(e -> scopes.add(e.path("region").asText() + " " + e.path("kind").asText()));
        assertThat(scopes).contains("eu-central-1 aws_ec2_instance", "us-east-1 aws_sqs_queue");
        assertThat(scopes).allMatch(s -> s.startsWith("eu-central-1 ") || s.contains("sqs"), "only the failed parts");

        // the parts answer again: fresh data, nothing carried
        sim.aws().replaceFaults(new FaultPlan());
        Upload back = collect(core, "task-back", worker);
        assertThat(carried(back)).isEmpty();
        assertThat(back.nodes().keySet()).containsExactlyInAnyOrderElementsOf(good.nodes().keySet());

        worker.terminate();
        assertThat(worker.waitFor()).isZero();
        assertThat(worker.err()).contains("carried forward from the last good data");
        Set<String> secrets = new java.util.HashSet<>(sim.issuedSecrets());
        secrets.add(PSK);
        secrets.add(SECRET);
        SecretScan.of(secrets).text("stdout", worker.out()).text("stderr", worker.err()).tree(data).assertNone();
      }
    }
  }

  private static Upload collect(TestCore core, String task, WorkerProcess worker) throws Exception {
    core.collect(task);
    Await.until(task + " answered", WAIT, () -> core.answers(task).size() == 1);
    assertThat(core.answers(task).get(0).get("kind").asText()).as(worker.err()).isEqualTo("action_done");
    List<Upload> uploads = core.uploads(task);
    assertThat(uploads).hasSize(1);
    return uploads.get(0);
  }

  private static Map<String, JsonNode> carried(Upload u) {
    return u.nodes().entrySet().stream().filter(e -> !e.getValue().at("/metadata/carried_forward").isMissingNode())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  private static Map<String, String> kindsById(Upload u) {
    Map<String, String> kinds = new HashMap<>();
    u.nodes().forEach((id, n) -> kinds.put(id, n.at("/reported/kind").asText()));
    return kinds;
  }

  /** Each node's region: the aws_region node it hangs under (through default edges), if any. */
  private static Map<String, String> regionsById(Upload u) {
    Map<String, List<String>> children = new HashMap<>();
    u.edges().stream().filter(e -> !e.has("edge_type"))
        .forEach(e -> children.computeIfAbsent(e.get("from").asText(), k -> new ArrayList<>()).add(e.get("to").asText()));
    Map<String, String> regions = new HashMap<>();
    u.nodes().forEach((id, n) -> {
      if (n.at("/reported/kind").asText().equals("aws_region")) {
        String name = n.at("/reported/id").asText();
        List<String> todo = new ArrayList<>(List.of(id));
        while (!todo.isEmpty()) {
          String next = todo.remove(todo.size() - 1);
          if (regions.putIfAbsent(next, name) == null) {
            todo.addAll(children.getOrDefault(next, List.of()));
          }
        }
      }
    });
    return regions;
  }

  private static Set<String> idsIn(Map<String, String> kinds, Map<String, String> regions, String region, String kind) {
    return kinds.keySet().stream()
        .filter(id -> region == null || region.equals(regions.get(id)))
        .filter(id -> kind == null || kind.equals(kinds.get(id)))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> edgeSet(Upload u) {
    return u.edges().stream().map(e -> e.get("from").asText() + ">" + e.get("to").asText() + ":"
        + e.path("edge_type").asText("default")).collect(Collectors.toCollection(TreeSet::new));
  }

  @SuppressWarnings("unused")
  private static long count(Stream<?> s) {
    return s.count();
  }
}
