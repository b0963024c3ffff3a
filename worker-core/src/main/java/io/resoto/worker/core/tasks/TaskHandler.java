package io.resoto.worker.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One kind of task the worker takes from the core's task queue ({@code /work/queue}), e.g.
 * {@code tag}. The queue connection announces every handler (name, filter, whether the answer is a
 * node) when it connects, and runs {@link #handle} for each task of that name, on a pool.
 */
public interface TaskHandler {

  /** The task name the core sends, e.g. {@code tag}. */
  String name();

  /** Shown by the core's CLI help. */
  String description();

  /**
   * Which tasks the core routes here, by the node's ancestors: e.g. {@code {"cloud": ["aws"]}}.
   * Empty: every task of this name.
   */
  Map<String, List<String>> filter();

  /** Whether the answer is a node the core patches into its graph (true for {@code tag}). */
  boolean expectNodeResult();

  /**
   * Runs one task and returns the answer's {@code data}.
   *
   * @param data the task's {@code data} object as the core sent it
   * @throws Exception any failure; the queue answers the core with {@code result: error} and the
   *     exception's message, never silence
   */
  JsonNode handle(JsonNode data) throws Exception;
}
