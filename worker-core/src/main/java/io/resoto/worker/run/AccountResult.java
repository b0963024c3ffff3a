package io.resoto.worker.run;

/**
 * One account graph of a run: what was collected and whether it reached the sink. In
 * {@code graph_merge_kind: cloud} mode one entry stands for the whole cloud and {@code account}
 * is null.
 */
public record AccountResult(
    String cloud,
    String account,
    String name,
    long nodes,
    long edges,
    double durationSeconds,
    boolean delivered,
    String problem) {}
