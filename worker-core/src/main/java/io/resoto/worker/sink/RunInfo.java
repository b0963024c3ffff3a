package io.resoto.worker.sink;

import java.time.Instant;

/**
 * The run a sink call belongs to.
 *
 * @param coreTask the id of the core's task the run serves (its collect action's {@code task}), or
 *     null for a run the core did not ask for
 */
public record RunInfo(String runId, String trigger, Instant startedAt, String graphName, String coreTask) {

  /** A run that serves no core task. */
  public RunInfo(String runId, String trigger, Instant startedAt, String graphName) {
    this(runId, trigger, startedAt, graphName, null);
  }
}
