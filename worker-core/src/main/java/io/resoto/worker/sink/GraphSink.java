package io.resoto.worker.sink;

import io.resoto.worker.graph.Model;
import io.resoto.worker.run.RunSummary;
import java.io.IOException;

/**
 * Where collected graphs go: the embedded file sink, or the core. A run calls
 * {@link #runStarted} once, then {@link #deliver} once per graph (concurrently, from the graph
 * sender threads, as soon as each account is finished), then {@link #runFinished} once, also when
 * the run failed or was aborted.
 */
public interface GraphSink {

  /** Prepares the run: sends or writes the model. A failure fails the run before any plugin runs. */
  void runStarted(RunInfo run, Model model) throws IOException;

  /** Delivers one graph. Thread-safe. A failure is recorded against that graph's account. */
  void deliver(RunInfo run, GraphDelivery delivery) throws IOException;

  /**
   * Closes the run with its summary and returns where the run ended up (for the operator), or
   * null.
   */
  String runFinished(RunInfo run, RunSummary summary) throws IOException;

  /** Why the sink cannot take a run right now (for {@code /ready}), or null when it can. */
  String unusableReason();

  /** One line for logs and {@code /info}: what this sink is and where it writes. */
  String describe();
}
