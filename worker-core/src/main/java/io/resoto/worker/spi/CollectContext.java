package io.resoto.worker.spi;

import io.resoto.worker.graph.Node;
import java.time.Instant;

/**
 * What a collect run offers a plugin while {@link CollectorPlugin#collect} runs. Thread-safe: a
 * plugin may collect accounts in parallel and call every method from any of its threads.
 */
public interface CollectContext {

  /** The run's id, unique per worker and sortable by start time. */
  String runId();

  /** When the run started. */
  Instant startedAt();

  /** When the run times out ({@code resotoworker.timeout} after its start). */
  Instant deadline();

  /** True once the run timed out or the worker is shutting down: stop collecting and return. */
  boolean isCancelled();

  /**
   * Starts an account's graph: the given node becomes its root. The account node must carry its
   * ancestors for the id ({@code cloud} = this plugin's name and {@code account} = its own id).
   * The time between this call and {@link #submit} is the account's duration in the summary.
   */
  AccountGraph newAccountGraph(Node account);

  /**
   * Hands a finished account graph to the worker. The worker adds the root and cloud nodes, marks
   * the account node as the replace node, validates the graph (edges, single root, no cycles,
   * kinds known to the model, {@code max_resources_per_account}) and passes it to the sink. A
   * graph that fails validation is reported and not delivered; the run goes on. Submitting after
   * cancellation discards the graph.
   */
  void submit(AccountGraph graph);

  /**
   * Records a scoped failure: the run goes on and the run summary lists it. Scope parts that do
   * not apply are null. The message is shown to the operator as it is: never put a secret in it.
   *
   * @param account account id, or null
   * @param region region id, or null
   * @param kind the kind (or service) that failed, or null
   * @param message what went wrong, one line
   */
  void error(String account, String region, String kind, String message);

  /**
   * Records a scope left out on purpose, with the reason: a region not enabled in an account, a
   * service not offered in a region. Listed in the run summary; unlike {@link #error} it does not
   * make the run incomplete.
   *
   * @param account account id, or null
   * @param region region id, or null
   * @param kind kind (or service), or null
   * @param reason why it was left out, one line
   */
  void skip(String account, String region, String kind, String reason);

  /**
   * Puts account, region and kind into the logging context (MDC) of the calling thread until the
   * returned scope is closed, so that log lines carry them. Null parts are left out.
   */
  LogScope logScope(String account, String region, String kind);

  /** A logging context to close when the scoped work ends. */
  interface LogScope extends AutoCloseable {
    @Override
    void close();
  }
}
