package io.resoto.worker.aws.metrics;

import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;

/**
 * Implemented by a kind whose nodes have CloudWatch metrics. After all kinds of an account are
 * listed the engine asks every node of the kind for its queries, sends them per region in
 * GetMetricData calls of at most 499 queries (its own cap and rate limit, key
 * {@code region:cloudwatch}), writes the answers of queries with a {@link Usage} into the node's
 * usage section, and hands the node and the answers of the other queries to
 * {@link #withMetrics}. Both methods are pure and called from several threads.
 *
 * <p>Queries with a {@link Usage} are only sent when {@code collect_usage_metrics} is on; the
 * others always are (they feed the kind's own properties, as the original's volume atime).
 * When CloudWatch cannot be asked (access denied, ...) the answers are missing: usage stays
 * empty and {@link #withMetrics} gets an empty map.
 */
public interface UsageMetrics {

  /** The queries for one node of the kind; empty for none. */
  List<MetricQuery> metricQueries(Node node, MetricWindow window);

  /**
   * The node with what the kind derives from the answers of its queries without a {@link Usage}
   * (e.g. atime and mtime). Called for every node of the kind, also those without such queries
   * or answers. The default changes nothing.
   *
   * @param answers the answers by query, each all pages joined; a query without answer is missing
   */
  default Node withMetrics(Node node, Map<MetricQuery, MetricData> answers, MetricWindow window) {
    return node;
  }
}
