package io.resoto.worker.cli;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start an orderly shutdown on a thread of their own, so the main thread can
 * finish and exit with 0. The handlers are installed before anything starts: a signal that
 * arrives while the worker is still starting is kept and acted on once it has started. A second
 * signal while shutting down exits at once.
 */
final class Signals {

  private static final Logger log = LoggerFactory.getLogger(Signals.class);
  private static final AtomicReference<Consumer<String>> target = new AtomicReference<>();
  private static volatile String pending;
  private static volatile boolean received;
  private static volatile String lastSignal;

  private Signals() {}

  /** Installs the handlers; call first thing. */
  static void install() {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> onSignal("SIG" + signal.getName()));
      } catch (IllegalArgumentException e) {
        log.debug("cannot handle SIG{} on this platform: {}", name, e.getMessage());
      }
    }
  }

  private static synchronized void onSignal(String name) {
    if (received) {
      log.warn("second {}: exiting now", name);
      Runtime.getRuntime().halt(130);
    }
    received = true;
    lastSignal = name;
    Consumer<String> shutdown = target.get();
    if (shutdown == null) {
      pending = name;
      return;
    }
    new Thread(() -> shutdown.accept(name), "shutdown").start();
  }

  /**
   * From now on a signal calls {@code shutdown}; one that came earlier calls it now (also one that
   * stopped a worker that was restarting: the worker it restarts as stops too).
   */
  static synchronized void onTermination(Consumer<String> shutdown) {
    target.set(shutdown);
    if (pending != null || lastSignal != null) {
      String name = pending != null ? pending : lastSignal;
      new Thread(() -> shutdown.accept(name), "shutdown").start();
    }
  }
}
