package io.resoto.worker.sink;

import java.time.Instant;

/** The run a sink call belongs to. */
public record RunInfo(String runId, String trigger, Instant startedAt, String graphName) {}
