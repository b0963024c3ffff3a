package io.resoto.worker.core;

import static io.resoto.worker.core.CoreHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.resoto.worker.graph.NodeId;
import io.resoto.worker.testcore.Await;
import io.resoto.worker.testcore.TestCore;
import io.resoto.worker.testcore.Upload;
import io.resoto.worker.testing.DemoCloudPlugin;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker against the test core over real HTTP and websockets: registration, collect, upload. */
class CoreProtocolTest {

  @TempDir java.nio.file.Path dir;
  private CoreHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new CoreHarness(dir);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void registersCollectsOnACollectActionAndTheCoreHoldsGraphModelAndProgress() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    TestCore core = h.core;

    // registration: both actions, the worker's timeout, waiting for completion
    JsonNode collect = core.subscriptions().get("resoto.worker-collector").get("collect");
    assertThat(collect.get("timeout").asLong()).isEqualTo(10800);
    assertThat(collect.get("wait_for_completion").asBoolean()).isTrue();
    assertThat(core.subscriptions().get("resoto.worker-collector")).containsKey("cleanup");
    assertThat(core.eventListeners()).containsExactly(java.util.Set.of("config-updated"));

    core.collect("task-1");
    Await.until("collect answered", WAIT, () -> core.answers("task-1").size() == 1);
    JsonNode answer = core.answers("task-1").get(0);
    assertThat(answer.get("kind").asText()).isEqualTo("action_done");
    assertThat(answer.get("message_type").asText()).isEqualTo("collect");
    assertThat(answer.at("/data/step").asText()).isEqualTo("collect");
    assertThat(answer.at("/data/timing").isObject()).as("the action's data is echoed").isTrue();

    // the graph: one account upload, accepted by every import rule, with the task id, streamed
    assertThat(core.rejected()).isEmpty();
    List<Upload> uploads = core.uploads("task-1");
    assertThat(uploads).hasSize(1);
    Upload upload = uploads.get(0);
    assertThat(upload.graph()).isEqualTo("resoto");
    assertThat(upload.contentLength()).as("chunked, no Content-Length").isEqualTo(-1);
    assertThat(upload.nodesHeader()).isEqualTo("6");
    assertThat(upload.edgesHeader()).isEqualTo("7");
    // node ids as the original computes them (values verified with the Python worker, reference §5.2)
    assertThat(upload.nodes().keySet()).containsExactlyInAnyOrder(
        "jhGgCglHlbuWRQy1l0y_FA", "LG1N4T76O9qMVeweryT1ig", "2I089qtpcGlDzQys-Te9rg",
        "ZP6VTvAQImD0yY1NFysx4Q", "JXxZaXq4p9XGKglsivZe9Q", "xLwm6v2l4ESrcmzZI1YfHA");
    assertThat(NodeId.compute(List.of("demo_instance", "demo", "123456789012", "us-east-1", "undefined", "i-0abc")))
        .isEqualTo("JXxZaXq4p9XGKglsivZe9Q");
    assertThat(upload.replaceNodeIds()).containsExactly("2I089qtpcGlDzQys-Te9rg");
    assertThat(upload.edges()).hasSize(7);

    // the model: every kind used, with the bases, and those of installed plugins this run did not
    // use (the core replaces its model with it)
    JsonNode model = core.model("resoto");
    assertThat(model.findValuesAsText("fqn")).contains("demo_instance", "instance", "resource", "graph_root",
        "testcloud_instance");
    assertThat(core.graphs()).containsExactly("resoto");

    // progress: the plugin started (0 of 1), the account delivered (a tree part), the plugin done
    // (1 of 1); the account's delivery and the plugin's end race each other
    List<JsonNode> progress = core.messages("action_progress", "task-1");
    assertThat(progress).extracting(p -> p.at("/data/progress/kind").asText() + " "
            + p.at("/data/progress/name").asText() + " " + p.at("/data/progress/current").asInt(-1))
        .containsExactlyInAnyOrder("progress demo 0", "tree demo -1", "progress demo 1")
        .first().isEqualTo("progress demo 0");
    JsonNode tree = progress.stream().filter(p -> p.at("/data/progress/kind").asText().equals("tree")).findFirst()
        .orElseThrow();
    assertThat(tree.at("/data/context").toString()).isEqualTo("[\"demo\"]");
    assertThat(tree.at("/data/progress/parts/0/name").asText()).isEqualTo("eng-sre (123456789012)");
    assertThat(tree.at("/data/progress/parts/0/current").asInt()).isEqualTo(1);
    assertThat(tree.at("/data/progress/parts/0/total").asInt()).isEqualTo(1);
    assertThat(progress.get(0).at("/data/at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    // a fresh token for every request and handshake
    List<String> tokens = core.authorizations();
    assertThat(tokens.size()).isGreaterThan(8);
    assertThat(new HashSet<>(tokens)).hasSameSizeAs(tokens);
    assertThat(core.authFailures()).isEmpty();
  }

  @Test
  void errorsAreSentAsActionInfoCutTo500CharactersWithTheirContext() throws Exception {
    h.start("  collector: [demo]\ndemo:\n  fail_region: true\n");
    h.awaitConnected();
    h.core.collect("task-e");
    Await.until("collect answered", WAIT, () -> h.core.answers("task-e").size() == 1);
    List<JsonNode> infos = h.core.messages("action_info", "task-e");
    assertThat(infos).hasSize(1);
    assertThat(infos.get(0).at("/data/level").asText()).isEqualTo("error");
    String message = infos.get(0).at("/data/message").asText();
    assertThat(message).startsWith("[demo:123456789012:us-east-1:demo_volume] AccessDenied: not allowed");
    assertThat(message.length()).isEqualTo("[demo:123456789012:us-east-1:demo_volume] ".length() + 500);
    // a scoped error does not fail the collect: the graph arrived
    assertThat(h.core.answers("task-e").get(0).get("kind").asText()).isEqualTo("action_done");
  }

  @Test
  void aRepeatedTaskStepIsAnsweredOnceWithoutASecondRun() throws Exception {
    DemoCloudPlugin.gate = new CountDownLatch(1);
    int before = DemoCloudPlugin.COLLECTS.get();
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    h.core.collect("task-r");
    Await.until("the run started", WAIT, () -> DemoCloudPlugin.COLLECTS.get() == before + 1);
    h.core.collect("task-r");
    h.core.collect("task-r");
    // the repeats are handled (logged, no run) before the run may end
    Await.until("repeats seen", WAIT, () -> coreInfo().get("actions_repeated").equals(2L));
    DemoCloudPlugin.gate.countDown();
    Await.until("answered", WAIT, () -> h.core.answers("task-r").size() == 1);
    Await.until("worker idle", WAIT, () -> !h.worker.coordinator().isRunning());
    assertThat(h.worker.coordinator().finishedRuns()).isEqualTo(1);
    assertThat(DemoCloudPlugin.COLLECTS.get()).isEqualTo(before + 1);
    assertThat(h.core.uploads("task-r")).hasSize(1);
    assertThat(h.core.answers("task-r")).hasSize(1);
    assertThat(h.core.pending("resoto.worker-collector")).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private java.util.Map<String, Object> coreInfo() {
    return (java.util.Map<String, Object>) h.worker.info().get("core");
  }

  @Test
  void withoutACollectorTheActionIsAnsweredAtOnceWithTheReason() throws Exception {
    h.start("  collector: []\n");
    h.awaitConnected();
    h.core.collect("task-n");
    Await.until("answered", WAIT, () -> h.core.answers("task-n").size() == 1);
    JsonNode answer = h.core.answers("task-n").get(0);
    assertThat(answer.get("kind").asText()).isEqualTo("action_error");
    assertThat(answer.at("/data/error").asText()).startsWith("Failed to collect: no collector configured");
    assertThat(answer.at("/data/task").asText()).isEqualTo("task-n");
  }

  @Test
  void cleanupIsAnsweredDoneMalformedFramesAndUnknownActionsAreIgnoredAndTheConnectionKept() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    h.core.sendAction("cleanup", "task-c", "cleanup");
    Await.until("cleanup answered", WAIT, () -> h.core.answers("task-c").size() == 1);
    assertThat(h.core.answers("task-c").get(0).get("kind").asText()).isEqualTo("action_done");

    h.core.sendRawToActions("this is not json");
    h.core.sendRawToActions("[1, 2]");
    h.core.sendRawToActions("{\"kind\":\"action\",\"message_type\":\"collect\",\"data\":{}}");
    h.core.sendRawToActions("{\"kind\":\"action_abort\",\"message_type\":\"collect\",\"data\":{\"task\":\"x\",\"step\":\"collect\"}}");
    h.core.sendRawToActions("{\"kind\":\"action\",\"message_type\":\"teleport\",\"data\":{\"task\":\"t\",\"step\":\"s\"}}");
    h.core.collect("task-after");
    Await.until("collect answered", WAIT, () -> h.core.answers("task-after").size() == 1);
    assertThat(h.core.actionConnects()).as("the connection was kept").isEqualTo(1);
    assertThat(h.core.answers("t")).as("an unknown action is not answered").isEmpty();
    assertThat(h.core.invalidActionFrames()).isEmpty();
    assertThat(h.worker.healthProblems()).isEmpty();
  }
}
