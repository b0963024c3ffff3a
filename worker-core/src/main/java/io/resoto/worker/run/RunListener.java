package io.resoto.worker.run;

import io.resoto.worker.sink.RunInfo;

/** Told about runs: for logs, metrics and {@code /info}. Called on the run's thread; must not throw. */
public interface RunListener {
  default void runStarted(RunInfo run) {}

  void runFinished(RunSummary summary);
}
