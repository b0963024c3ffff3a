package io.resoto.worker.core;

import static io.resoto.worker.core.CoreHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.core.tasks.TaskHandler;
import io.resoto.worker.daemon.Worker;
import io.resoto.worker.testcore.Await;
import io.resoto.worker.testcore.TestCore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task queue transport, the config kept in the core, its precedence, changes and restarts, the Fix names. */
class CoreTasksAndConfigTest {

  @TempDir Path dir;
  private CoreHarness h;

  @AfterEach
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
  }

  /** A handler that answers with what it got, or fails when the data says so. */
  private static final class Echo implements TaskHandler {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public String description() {
      return "Answers with the task's data";
    }

    @Override
    public Map<String, List<String>> filter() {
      return Map.of("cloud", List.of("demo"));
    }

    @Override
    public boolean expectNodeResult() {
      return true;
    }

    @Override
    public JsonNode handle(JsonNode data) throws Exception {
      if (data.path("fail").asBoolean()) {
        throw new IllegalStateException("the cloud said no");
      }
      return data;
    }
  }

  @Test
  void theTaskQueueAnnouncesItsHandlersRunsTasksAndAnswersUnknownOnesWithAnError() throws Exception {
    h = new CoreHarness(dir);
    h.handlers = (registry, config) -> List.of(new Echo());
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    JsonNode announced = h.core.announcedTasks().get(0);
    assertThat(announced.toString()).isEqualTo("[{\"name\":\"echo\",\"info\":\"Answers with the task's data\","
        + "\"description\":\"Answers with the task's data\",\"filter\":{\"cloud\":[\"demo\"]},"
        + "\"expect_node_result\":true,\"args_description\":{},\"allowed_on_kind\":null}]");

    ObjectNode data = TestCore.object().put("x", 1);
    TestCore.SentTask ok = h.core.sendTask("echo", Map.of("cloud", "demo"), data, false);
    JsonNode done = ok.result().get(10, TimeUnit.SECONDS);
    assertThat(done.get("result").asText()).isEqualTo("done");
    assertThat(done.get("data")).isEqualTo(data);

    TestCore.SentTask failing = h.core.sendTask("echo", Map.of("cloud", "demo"),
        TestCore.object().put("fail", true), false);
    JsonNode error = failing.result().get(10, TimeUnit.SECONDS);
    assertThat(error.get("result").asText()).isEqualTo("error");
    assertThat(error.get("error").asText()).isEqualTo("the cloud said no");

    TestCore.SentTask unknown = h.core.sendTask("tag", Map.of("cloud", "demo"), TestCore.object(), true);
    JsonNode refused = unknown.result().get(10, TimeUnit.SECONDS);
    assertThat(refused.get("result").asText()).isEqualTo("error");
    assertThat(refused.get("error").asText()).isEqualTo("this worker has no handler for task 'tag'; it handles [echo]");
  }

  @Test
  void aTagTaskFromTheQueueRunsTheTagHandlerAndAnswersWithTheUpdatedNode() throws Exception {
    io.resoto.worker.testing.TagCloudPlugin.reset();
    h = new CoreHarness(dir);
    h.registry = io.resoto.worker.plugin.PluginRegistry.of(
        List.of(new io.resoto.worker.testing.TagCloudPlugin(), new io.resoto.worker.testing.DemoCloudPlugin()));
    h.handlers = io.resoto.worker.core.tasks.WorkerTaskHandlers.INSTALLED;
    h.core.editConfig("resoto.worker", TestCore.json("{\"resotoworker\": {\"collector\": [\"demo\"]}}"));
    h.start("");
    h.awaitConnected();
    assertThat(h.core.announcedTasks().get(0).toString()).contains("\"name\":\"tag\"", "\"filter\":{\"cloud\":[]}");
    long connects = h.core.count("GET", "/work/queue");

    // the core's config names the cloud: the tag handler's filter follows, and the queue
    // announces it again (the core reads the announcement only as the first frame)
    ObjectNode edited = h.core.config("resoto.worker").deepCopy();
    ((ObjectNode) edited.get("resotoworker")).putArray("collector").add("tagcloud");
    assertThat(h.core.editConfig("resoto.worker", edited)).isNull();
    Await.until("tag announced for tagcloud", WAIT, () -> h.core.announcedTasks().stream()
        .anyMatch(a -> a.toString().contains("\"name\":\"tag\"") && a.toString().contains("\"filter\":{\"cloud\":[\"tagcloud\"]}")));
    assertThat(h.core.count("GET", "/work/queue")).isGreaterThan(connects);

    JsonNode node = TestCore.json("""
        {"id": "core-node-id-1",
         "reported": {"kind": "tagcloud_instance", "id": "i-1", "name": "web-1", "tags": {"owner": "ops"}},
         "metadata": {"python_type": "tagcloud.Instance", "categories": ["compute"]},
         "ancestors": {"cloud": {"reported": {"id": "tagcloud", "name": "tagcloud"}},
                       "account": {"reported": {"id": "123456789012", "name": "prod"}},
                       "region": {"reported": {"id": "us-east-1", "name": "us-east-1"}}}}""");
    ObjectNode data = TestCore.object();
    data.putObject("update").put("owner", "lukas");
    data.set("node", node);
    TestCore.SentTask task = h.core.sendTask("tag",
        Map.of("cloud", "tagcloud", "account", "123456789012", "region", "us-east-1"), data, false);
    JsonNode answer = task.result().get(10, TimeUnit.SECONDS);
    assertThat(answer.get("result").asText()).as(answer.toString()).isEqualTo("done");
    assertThat(answer.at("/data/id").asText()).isEqualTo("core-node-id-1");
    assertThat(answer.at("/data/reported/tags/owner").asText()).isEqualTo("lukas");
    assertThat(io.resoto.worker.testing.TagCloudPlugin.CALLS).anyMatch(c -> c.endsWith(" update owner=lukas"));
  }

  @Test
  void theConfigIsCreatedInTheCoreWithAModelThatValidatesItsKeys() throws Exception {
    h = new CoreHarness(dir);
    h.start("  collector: [demo]\n");
    JsonNode stored = h.core.config("resoto.worker");
    assertThat(stored.at("/resotoworker/timeout").asInt()).isEqualTo(10800);
    assertThat(stored.at("/resotoworker/graph").asText()).isEqualTo("resoto");
    assertThat(stored.at("/resotoworker/collector").isNull()).as("the file's value stays local").isTrue();
    assertThat(stored.at("/demo/fail_region").asBoolean(true)).isFalse();
    assertThat(stored.has("testcloud")).isTrue();

    JsonNode kind = h.core.configKind("resotoworker");
    JsonNode timeout = property(kind, "timeout");
    assertThat(timeout.get("kind").asText()).isEqualTo("int64");
    assertThat(timeout.get("required").asBoolean()).isTrue();
    assertThat(timeout.get("description").asText()).isEqualTo("Timeout of a collect run, in seconds.");
    assertThat(property(kind, "collector").get("kind").asText()).isEqualTo("string[]");
    assertThat(property(kind, "collector").get("required").asBoolean()).isFalse();
    assertThat(property(kind, "graph_merge_kind").get("kind").asText()).isEqualTo("resotoworker_graph_merge_kind");
    assertThat(property(kind, "write_files_to_home_dir").get("kind").asText()).isEqualTo("resotoworker_home_dir_file[]");
    assertThat(property(kind, "files_in_home_dir").get("kind").asText()).isEqualTo("dictionary[string, string]");
    assertThat(h.core.configKind("resotoworker_graph_merge_kind").get("enum").toString())
        .isEqualTo("[\"account\",\"cloud\"]");

    // the core now validates edits with the worker's model, as `config edit resoto.worker` would
    ObjectNode bad = stored.deepCopy();
    ((ObjectNode) bad.get("resotoworker")).put("timeout", "soon");
    assertThat(h.core.editConfig("resoto.worker", bad)).isEqualTo("resotoworker.timeout: expected int64, got \"soon\"");
    ObjectNode typo = stored.deepCopy();
    ((ObjectNode) typo.get("resotoworker")).put("timeoutt", 5);
    assertThat(h.core.editConfig("resoto.worker", typo)).isEqualTo("resotoworker.timeoutt: not a property of resotoworker");
  }

  private static JsonNode property(JsonNode kind, String name) {
    for (JsonNode p : kind.get("properties")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no property " + name + " in " + kind);
  }

  @Test
  void coreValuesBeatDefaultsLocalLayersBeatTheCoreAndUnknownKeysAreDropped() throws Exception {
    h = new CoreHarness(dir);
    h.core.editConfig("resoto.worker", TestCore.json("""
        {"resotoworker": {"timeout": 1234, "pool_size": 3, "graph_sender_pool_size": 2, "max_resources_per_account": 50,
                          "unknown_key": 1, "tempdir": "$(NOT_SET_ANYWHERE)"},
         "gcp": {"project": "x"}}"""));
    h.env.put("RESOTOWORKER_GRAPH_SENDER_POOL_SIZE", "4");
    Worker w = h.start("  collector: [demo]\n  pool_size: 7\n");
    assertThat(w.config().worker().timeout()).as("core beats the default").isEqualTo(1234);
    assertThat(w.config().worker().poolSize()).as("the file beats the core").isEqualTo(7);
    assertThat(w.config().worker().graphSenderPoolSize()).as("the environment beats the core").isEqualTo(4);
    assertThat(w.config().worker().tempdir()).as("an unresolved $(VAR) falls back to the default").isNull();
    assertThat(w.config().sourceOf("resotoworker.timeout")).isEqualTo("core config resoto.worker");
    assertThat(w.config().sourceOf("resotoworker.pool_size")).endsWith("worker.yaml:6:14");
    h.awaitConnected();
    assertThat(h.core.subscriptions().get("resoto.worker-collector").get("collect").get("timeout").asLong())
        .isEqualTo(1234);
    JsonNode stored = h.core.config("resoto.worker");
    assertThat(stored.at("/resotoworker/timeout").asInt()).isEqualTo(1234);
    assertThat(stored.at("/resotoworker/unknown_key").isMissingNode()).as("unknown keys are dropped").isTrue();
    assertThat(stored.at("/gcp/project").asText()).as("other plugins' sections are kept").isEqualTo("x");
    assertThat(stored.at("/resotoworker/pool_size").asInt()).as("local values are never written back").isEqualTo(3);
  }

  @Test
  void aChangedConfigAppliesFromTheNextCollectAndARestartKeyRestartsTheWorker() throws Exception {
    h = new CoreHarness(dir);
    List<Worker> started = new CopyOnWriteArrayList<>();
    Path file = h.config("  collector: [demo]\n");
    Thread runner = new Thread(() -> {
      try {
        Worker.runUntilStopped(h.options(file), CoreHarness.REGISTRY, started::add);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    runner.start();
    Await.until("started", WAIT, () -> started.size() == 1);
    h.worker = started.get(0);
    h.awaitConnected();
    Worker first = started.get(0);

    ObjectNode edited = h.core.config("resoto.worker").deepCopy();
    ((ObjectNode) edited.get("resotoworker")).put("max_resources_per_account", 9);
    assertThat(h.core.editConfig("resoto.worker", edited)).isNull();
    Await.until("the change applied", WAIT, () -> Integer.valueOf(9).equals(first.config().worker().maxResourcesPerAccount()));
    assertThat(started).hasSize(1);

    int oldPort = first.webPort();
    ObjectNode moved = h.core.config("resoto.worker").deepCopy();
    ((ObjectNode) moved.get("resotoworker")).put("web_port", 0).put("web_path", "/worker");
    assertThat(h.core.editConfig("resoto.worker", moved)).isNull();
    Await.until("restarted", WAIT, () -> started.size() == 2);
    Worker second = started.get(1);
    h.worker = second;
    assertThat(first.restartRequested()).isTrue();
    assertThat(second.config().worker().webPath()).isEqualTo("/worker");
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + second.webPort() + "/worker/info")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(second.config().worker().maxResourcesPerAccount()).isEqualTo(9);
    h.awaitConnected();
    h.core.collect("task-after-restart");
    Await.until("answered", WAIT, () -> h.core.answers("task-after-restart").size() == 1);
    second.shutdown("test over");
    runner.join(10_000);
    assertThat(runner.isAlive()).isFalse();
    assertThat(oldPort).isPositive();
  }

  @Test
  void withTheFixFlavorTheFixNamesAreUsed() throws Exception {
    h = new CoreHarness(dir, TestCore.Options.psk(CoreHarness.PSK).withFlavor("fix"));
    h.flavor = CoreFlavor.FIX;
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    assertThat(h.core.subscriptions()).containsOnlyKeys("fix.worker-collector");
    assertThat(h.core.config("fix.worker").at("/fixworker/graph").asText()).isEqualTo("fix");
    assertThat(h.core.config("fix.worker").has("resotoworker")).isFalse();
    assertThat(h.core.configKind("fixworker")).isNotNull();
    h.core.collect("task-fix");
    Await.until("answered", WAIT, () -> h.core.answers("task-fix").size() == 1);
    assertThat(h.core.uploads("task-fix")).hasSize(1);
    assertThat(h.core.uploads("task-fix").get(0).graph()).isEqualTo("fix");
  }
}
