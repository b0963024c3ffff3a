package io.resoto.worker.run;

/**
 * One account graph of a run: what was collected and whether it reached the sink. In
 * {@code graph_merge_kind: cloud} mode one entry stands for the whole cloud and {@code account}
 * is null.
 *
 * @param nodes nodes collected by this run
 * @param carried nodes of parts the run could not collect, carried forward from the last good
 *     data and delivered besides {@code nodes}
 */
public record AccountResult(
    String cloud,
    String account,
    String name,
    long nodes,
    long edges,
    double durationSeconds,
    boolean delivered,
    String problem,
    long carried) {

  /** A result without carried nodes. */
  public AccountResult(String cloud, String account, String name, long nodes, long edges, double durationSeconds,
      boolean delivered, String problem) {
    this(cloud, account, name, nodes, edges, durationSeconds, delivered, problem, 0);
  }
}
