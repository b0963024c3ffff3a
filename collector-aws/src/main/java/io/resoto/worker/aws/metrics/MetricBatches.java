package io.resoto.worker.aws.metrics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Cuts an account's metric queries into GetMetricData calls: one group per region and window
 * (queries of one call share their time frame), each group in calls of at most
 * {@value #MAX_QUERIES} queries (the API takes 500; the original sends 499), every query with an
 * id unique within its call.
 *
 * <p>Calls end at the last whole minute before "now": CloudWatch rounds a start time down to a
 * whole minute, so an end with seconds would add a short last period whose few datapoints would
 * stand for the whole window (the newest period is what a one-period query reads).
 */
public final class MetricBatches {

  /** The most queries in one call. */
  public static final int MAX_QUERIES = 499;

  private MetricBatches() {}

  /** One query of one node, with the region it is asked in. */
  public record Request(String nodeId, String region, MetricQuery query) {
    public Request {
      Objects.requireNonNull(nodeId, "nodeId");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(query, "query");
    }
  }

  /**
   * One GetMetricData call: region, time frame [start, end), and its requests; the query of
   * {@code requests.get(i)} has the id {@code "m" + i}.
   */
  public record Batch(String region, Instant start, Instant end, List<Request> requests) {

    public Batch {
      requests = List.copyOf(requests);
    }

    /** The id of the i-th request's query. */
    public static String id(int i) {
      return "m" + i;
    }

    /** The request whose query has this id, or null. */
    public Request request(String id) {
      if (id == null || !id.startsWith("m")) {
        return null;
      }
      try {
        int i = Integer.parseInt(id.substring(1));
        return i >= 0 && i < requests.size() ? requests.get(i) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** The call, asking newest datapoints first as the original does. */
    public GetMetricDataRequest toRequest() {
      List<MetricDataQuery> queries = new ArrayList<>(requests.size());
      for (int i = 0; i < requests.size(); i++) {
        MetricQuery q = requests.get(i).query();
        List<Dimension> dims = q.dimensions().entrySet().stream()
            .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
        queries.add(MetricDataQuery.builder().id(id(i)).returnData(true)
            .metricStat(s -> s.period((int) q.period().getSeconds()).stat(q.stat()).unit(q.unit())
                .metric(m -> m.namespace(q.namespace()).metricName(q.metricName()).dimensions(dims)))
            .build());
      }
      return GetMetricDataRequest.builder().metricDataQueries(queries).startTime(start).endTime(end)
          .scanBy(ScanBy.TIMESTAMP_DESCENDING).build();
    }
  }

  private record GroupKey(String region, Duration window) {}

  /** The calls for the requests, grouped by region and window in the order first seen. */
  public static List<Batch> plan(List<Request> requests, MetricWindow window) {
    Map<GroupKey, List<Request>> groups = new LinkedHashMap<>();
    for (Request r : requests) {
      groups.computeIfAbsent(new GroupKey(r.region(), window.windowOf(r.query())), k -> new ArrayList<>()).add(r);
    }
    List<Batch> batches = new ArrayList<>();
    Instant end = window.now().truncatedTo(ChronoUnit.MINUTES);
    groups.forEach((key, list) -> {
      Instant start = end.minus(key.window());
      for (int from = 0; from < list.size(); from += MAX_QUERIES) {
        batches.add(new Batch(key.region(), start, end,
            list.subList(from, Math.min(list.size(), from + MAX_QUERIES))));
      }
    });
    return batches;
  }
}
