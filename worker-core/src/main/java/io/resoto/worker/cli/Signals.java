package io.resoto.worker.cli;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start an orderly shutdown on a thread of its own, so the main thread can
 * finish and exit with 0. A second signal while shutting down exits at once.
 */
final class Signals {

  private static final Logger log = LoggerFactory.getLogger(Signals.class);
  private static volatile boolean received;

  private Signals() {}

  static void onTermination(Consumer<String> shutdown) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), signal -> {
          if (received) {
            log.warn("second SIG{}: exiting now", signal.getName());
            Runtime.getRuntime().halt(130);
          }
          received = true;
          Thread t = new Thread(() -> shutdown.accept("SIG" + signal.getName()), "shutdown");
          t.start();
        });
      } catch (IllegalArgumentException e) {
        log.debug("cannot handle SIG{} on this platform: {}", name, e.getMessage());
      }
    }
  }
}
