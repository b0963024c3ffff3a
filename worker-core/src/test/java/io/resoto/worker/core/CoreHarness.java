package io.resoto.worker.core;

import io.resoto.worker.core.tasks.TaskHandlerFactory;
import io.resoto.worker.daemon.Worker;
import io.resoto.worker.daemon.WorkerOptions;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.testcore.TestCore;
import io.resoto.worker.testing.DemoCloudPlugin;
import io.resoto.worker.testing.TestCloudPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A test core and a worker started against it, with short backoffs. */
final class CoreHarness implements AutoCloseable {

  static final String PSK = "core-psk-7c1e-never-print";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final PluginRegistry REGISTRY = PluginRegistry.of(List.of(new DemoCloudPlugin(), new TestCloudPlugin()));
  static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(200));

  final Path dir;
  final TestCore core;
  final Map<String, String> env = new HashMap<>();
  Worker worker;
  TaskHandlerFactory handlers = TaskHandlerFactory.NONE;
  PluginRegistry registry = REGISTRY;
  CoreFlavor flavor = CoreFlavor.RESOTO;
  String psk = PSK;
  /** Changes the core options before the worker starts (TLS flags, certificate files, ...). */
  java.util.function.UnaryOperator<CoreOptions> coreOptions = o -> o;

  CoreHarness(Path dir) throws Exception {
    this(dir, TestCore.Options.psk(PSK));
  }

  CoreHarness(Path dir, TestCore.Options options) throws Exception {
    this.dir = dir;
    this.core = TestCore.start(options);
  }

  /** A config file with the given extra lines of the resotoworker section (and more sections after). */
  Path config(String extra) throws Exception {
    return Files.writeString(dir.resolve("worker.yaml"), "resotoworker:\n  web_host: 127.0.0.1\n  web_port: 0\n"
        + "  data_dir: " + dir.resolve("data") + "\n" + extra);
  }

  WorkerOptions options(Path configFile) {
    CoreOptions co = CoreOptions.of(core.uri(), psk == null ? null : Secret.of(psk))
        .withFlavor(flavor, null)
        .withBackoff(FAST, Duration.ofMillis(20))
        .withReadyTimeout(Duration.ofSeconds(10))
        .withTaskHandlers(handlers);
    co = coreOptions.apply(co);
    return new WorkerOptions(configFile, env, List.of(), psk == null ? null : Secret.of(psk), false,
        Clock.systemUTC(), dir.resolve("home"), Duration.ofMillis(50), co);
  }

  Worker start(String extra) throws Exception {
    worker = Worker.start(options(config(extra)), registry);
    return worker;
  }

  /** Waits until the worker's three channels are up. */
  void awaitConnected() {
    io.resoto.worker.testcore.Await.until("the worker's channels connected", WAIT,
        () -> worker.readinessProblems().isEmpty() && !core.connectedSubscribers().isEmpty()
            && !core.announcedTasks().isEmpty() && !core.eventListeners().isEmpty());
  }

  @Override
  public void close() throws Exception {
    if (worker != null) {
      worker.close();
    }
    core.close();
    DemoCloudPlugin.gate = new java.util.concurrent.CountDownLatch(0);
  }
}
