package io.resoto.worker.web;

import io.resoto.worker.run.TriggerResult;
import io.resoto.worker.spi.Secret;
import java.util.List;
import java.util.Map;

/** What the web endpoints ask the running worker. */
public interface WorkerStatus {

  /** Why the worker is not alive (a dead internal thread), or empty. Drives {@code /health}. */
  List<String> healthProblems();

  /** Why the worker cannot do its job right now, or empty. Drives {@code /ready}. */
  List<String> readinessProblems();

  /** The {@code /info} document: JSON-serialisable, and free of secrets. */
  Map<String, Object> info();

  /** Asks for a collect now. */
  TriggerResult trigger(String source);

  /** The PSK that authenticates {@code POST /collect}, or null when none is configured. */
  Secret psk();
}
