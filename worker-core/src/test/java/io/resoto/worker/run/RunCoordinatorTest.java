package io.resoto.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.testing.Configs;
import io.resoto.worker.testing.RecordingSink;
import io.resoto.worker.testing.TestCloudPlugin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunCoordinatorTest {

  private final List<RunSummary> finished = new CopyOnWriteArrayList<>();
  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void reset() {
    TestCloudPlugin.EVENTS.clear();
  }

  private RunCoordinator coordinator(String yaml) {
    LoadedConfig config = Configs.load("resotoworker:\n  collector: [testcloud]\n" + yaml);
    return new RunCoordinator(() -> config, Configs.REGISTRY, sink, Clock.systemUTC(), List.of(finished::add));
  }

  @Test
  void triggersDuringARunAreQueuedOnceAndRunsNeverOverlap() throws Exception {
    TestCloudPlugin.gate = new CountDownLatch(1);
    RunCoordinator coordinator = coordinator("testcloud:\n  mode: hang\n");

    assertThat(coordinator.trigger("first")).isEqualTo(TriggerResult.STARTED);
    while (!TestCloudPlugin.EVENTS.contains("collect")) {
      Thread.sleep(5);
    }
    assertThat(coordinator.trigger("second")).isEqualTo(TriggerResult.QUEUED);
    assertThat(coordinator.trigger("third")).isEqualTo(TriggerResult.ALREADY_QUEUED);
    assertThat(coordinator.trigger("fourth")).isEqualTo(TriggerResult.ALREADY_QUEUED);
    // the queued run waits at the same gate; open it for both
    TestCloudPlugin.gate.countDown();

    assertThat(coordinator.awaitIdle(Duration.ofSeconds(20))).isTrue();
    assertThat(finished).extracting(RunSummary::trigger).containsExactly("first", "second");
    assertThat(finished).extracting(RunSummary::status).containsOnly(RunStatus.COMPLETE);
    // never overlapping: each run's init comes after the previous run's close
    assertThat(List.copyOf(TestCloudPlugin.EVENTS))
        .containsExactly("init", "collect", "close", "init", "collect", "close");
    assertThat(finished.get(0).runId()).isLessThan(finished.get(1).runId());
  }

  @Test
  void shutdownAbortsARunThatOutlastsTheGraceAndRejectsNewTriggers() throws Exception {
    TestCloudPlugin.gate = new CountDownLatch(1);
    RunCoordinator coordinator = coordinator("testcloud:\n  mode: hang\n");
    coordinator.trigger("first");
    while (!TestCloudPlugin.EVENTS.contains("collect")) {
      Thread.sleep(5);
    }
    coordinator.trigger("queued");

    coordinator.shutdown(Duration.ofMillis(200));

    assertThat(coordinator.isRunning()).isFalse();
    assertThat(finished).extracting(RunSummary::status).containsExactly(RunStatus.ABORTED);
    assertThat(coordinator.trigger("late")).isEqualTo(TriggerResult.REJECTED);
  }

  @Test
  void shutdownLetsARunFinishWithinTheGrace() throws Exception {
    RunCoordinator coordinator = coordinator("testcloud:\n  accounts: 2\n  delay_ms: 200\n");
    coordinator.trigger("first");
    while (!TestCloudPlugin.EVENTS.contains("collect")) {
      Thread.sleep(5);
    }
    coordinator.shutdown(Duration.ofSeconds(20));
    assertThat(finished).extracting(RunSummary::status).containsExactly(RunStatus.COMPLETE);
  }
}
