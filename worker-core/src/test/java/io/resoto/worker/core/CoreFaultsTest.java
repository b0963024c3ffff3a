package io.resoto.worker.core;

import static io.resoto.worker.core.CoreHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.testcore.Await;
import io.resoto.worker.testing.DemoCloudPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core goes away, answers errors or refuses the worker's token: nothing is lost, the worker keeps running. */
class CoreFaultsTest {

  @TempDir Path dir;
  private CoreHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new CoreHarness(dir);
  }

  @AfterEach
  void stop() throws Exception {
    DemoCloudPlugin.gate.countDown();
    h.close();
  }

  private long spooledFiles() throws Exception {
    Path spool = dir.resolve("data/spool");
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(spool)) {
      return files.filter(f -> f.toString().endsWith(".ndjson")).count();
    }
  }

  /** Starts a collect whose account is held back, and takes the core down once the run started. */
  private void collectWhileTheCoreGoesDown(String task) throws Exception {
    DemoCloudPlugin.gate = new CountDownLatch(1);
    int runs = DemoCloudPlugin.COLLECTS.get();
    h.core.collect(task);
    Await.until("the run started", WAIT, () -> DemoCloudPlugin.COLLECTS.get() == runs + 1);
    h.core.down();
    DemoCloudPlugin.gate.countDown();
    Await.until("the graph is spooled", WAIT, () -> {
      try {
        return spooledFiles() == 1 && !h.worker.coordinator().isRunning();
      } catch (Exception e) {
        return false;
      }
    });
  }

  @Test
  void withTheCoreDownDuringACollectTheGraphArrivesOnceWhenItIsBackAndTheActionIsAnswered() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    collectWhileTheCoreGoesDown("task-down");
    Await.until("/ready says the core is gone", WAIT,
        () -> h.worker.readinessProblems().stream().anyMatch(p -> p.contains("actions channel not connected")));
    // not ready, but alive: a liveness probe must not restart a worker waiting for its core
    assertThat(h.worker.healthProblems()).isEmpty();
    assertThat(h.core.uploads("task-down")).isEmpty();

    h.core.up();
    Await.until("the graph arrived", WAIT, () -> h.core.uploads("task-down").size() == 1);
    // the core pushes the still pending action again; it is answered from the finished run
    Await.until("the action is answered", WAIT, () -> h.core.answers("task-down").size() == 1);
    Await.until("the spool is empty", WAIT, () -> {
      try {
        return spooledFiles() == 0;
      } catch (Exception e) {
        return false;
      }
    });
    h.awaitConnected();
    assertThat(h.core.answers("task-down").get(0).get("kind").asText()).isEqualTo("action_done");
    assertThat(h.core.uploads("task-down")).hasSize(1);
    assertThat(h.core.rejected()).isEmpty();
    assertThat(DemoCloudPlugin.COLLECTS.get()).as("no second run for the re-sent action").isPositive();
    assertThat(h.worker.coordinator().finishedRuns()).isEqualTo(1);
  }

  @Test
  void aSpoolLeftOnDiskIsSentByTheNextWorkerExactlyOnce() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    collectWhileTheCoreGoesDown("task-restart");
    h.worker.close();
    h.worker = null;
    assertThat(spooledFiles()).isEqualTo(1);

    // the core's collect step timed out meanwhile: only the spool brings the graph
    h.core.clearPending();
    h.core.up();
    h.start("  collector: [demo]\n");
    Await.until("the spooled graph arrived", WAIT, () -> h.core.uploads("task-restart").size() == 1);
    Await.until("the spool is empty", WAIT, () -> {
      try {
        return spooledFiles() == 0;
      } catch (Exception e) {
        return false;
      }
    });
    h.awaitConnected();
    assertThat(h.core.uploads("task-restart")).hasSize(1);
    assertThat(h.core.rejected()).isEmpty();
    List<String> replaced = h.core.uploads("task-restart").stream()
        .flatMap(u -> u.replaceNodeIds().stream()).toList();
    assertThat(replaced).containsExactly("2I089qtpcGlDzQys-Te9rg");
    assertThat(h.worker.coordinator().finishedRuns()).as("the new worker collected nothing").isZero();
    try (Stream<Path> left = Files.list(dir.resolve("data/spool"))) {
      assertThat(left).as("the run's spool directory is gone").isEmpty();
    }
  }

  @Test
  void droppedWebsocketsAreReconnectedWithTheRegistrationRedone() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    long registrations = h.core.count("POST", "/subscriber/resoto.worker-collector/collect");
    h.core.dropWebsockets();
    Await.until("reconnected", WAIT, () -> h.core.actionConnects() == 2 && h.core.eventListeners().size() == 1
        && h.core.announcedTasks().size() == 1);
    assertThat(h.core.count("POST", "/subscriber/resoto.worker-collector/collect")).isEqualTo(registrations + 1);
    h.core.collect("task-dropped");
    Await.until("answered", WAIT, () -> h.core.answers("task-dropped").size() == 1);
  }

  @Test
  void mergesAnsweredWith500AreRetriedAndArriveOnce() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    h.core.fail("POST", "/graph/resoto/merge", 500, 4);
    h.core.collect("task-500");
    Await.until("answered", WAIT, () -> h.core.answers("task-500").size() == 1);
    assertThat(h.core.count("POST", "/graph/resoto/merge")).isEqualTo(5);
    assertThat(h.core.uploads("task-500")).hasSize(1);
    assertThat(h.core.answers("task-500").get(0).get("kind").asText()).isEqualTo("action_done");
  }

  @Test
  void aCoreThatAnswers500KeepsTheWorkerRetryingUntilItRecovers() throws Exception {
    h.core.fail("POST", "/subscriber/.*", 500, -1);
    h.start("  collector: [demo]\n");
    Await.until("registration retried", WAIT, () -> h.core.count("POST", "/subscriber/.*") >= 3);
    assertThat(h.worker.readinessProblems()).anyMatch(p -> p.contains("actions channel not connected")
        && p.contains("HTTP 500"));
    h.core.clearFailures();
    h.awaitConnected();
    h.core.collect("task-recovered");
    Await.until("answered", WAIT, () -> h.core.answers("task-recovered").size() == 1);
  }

  @Test
  void aFailedModelUploadAnswersTheActionWithAnError() throws Exception {
    h.start("  collector: [demo]\n");
    h.awaitConnected();
    h.core.fail("PUT", "/graph/resoto/model", 500, 3);
    h.core.collect("task-model");
    Await.until("answered", WAIT, () -> h.core.answers("task-model").size() == 1);
    assertThat(h.core.answers("task-model").get(0).get("kind").asText()).isEqualTo("action_error");
    assertThat(h.core.answers("task-model").get(0).at("/data/error").asText())
        .startsWith("Failed to collect: run could not start: the core at " + h.core.uri()
            + " could not update the model of graph resoto: HTTP 500");
  }

  @Test
  void aWrongPskIsReportedAndTheWorkerKeepsTryingUntilTheCoreAcceptsIt() throws Exception {
    h.psk = "not-the-core-psk";
    h.start("  collector: [demo]\n");
    Await.until("refused", WAIT, () -> h.core.authFailures().size() >= 3);
    assertThat(h.core.authFailures()).allMatch(f -> f.endsWith("signature does not match the PSK"));
    Await.until("the reason in /ready", WAIT, () -> h.worker.readinessProblems().stream()
        .anyMatch(p -> p.contains("the core refused the worker's token; is the worker's PSK the core's")));
    assertThat(h.worker.readinessProblems()).anyMatch(p -> p.contains("core config resoto.worker not read yet"));
    assertThat(h.core.config("resoto.worker")).as("nothing stored over the operator's config").isNull();
  }
}
