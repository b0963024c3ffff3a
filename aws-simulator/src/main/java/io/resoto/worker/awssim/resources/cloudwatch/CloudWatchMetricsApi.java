package io.resoto.worker.awssim.resources.cloudwatch;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * CloudWatch's GetMetricData, answered from the metric series of the caller's account and the
 * call's region: {@code resources.<account>.<region>.cloudwatch.MetricSeries} (see
 * {@link MetricSeries} for an entry's keys). A metric the estate does not name has no data, as a
 * metric nobody publishes.
 *
 * <p>As CloudWatch: each {@code MetricStat} query aggregates the raw datapoints in
 * [StartTime, EndTime) into buckets of its period starting at StartTime (rounded down to a whole
 * minute, to a whole second for high-resolution periods) with its statistic (Minimum, Maximum,
 * Average, Sum, SampleCount); empty buckets are left out; ScanBy orders each result (default
 * TimestampDescending); ReturnData false leaves a query out. A page carries at most
 * {@code MaxDatapoints} datapoints (AWS: 100,800; lower with the estate's
 * {@code settings.metric_datapoints_per_page}); a result cut by the page end is
 * {@code PartialData} and goes on under the same id on the next page (NextToken). More than 500
 * queries, a malformed or repeated id, a period that is not 1, 5, 10, 30 or a multiple of 60, an
 * unknown statistic or StartTime not before EndTime are a {@code ValidationError}. Metric math
 * expressions are not evaluated (also a ValidationError, saying so).
 */
public final class CloudWatchMetricsApi implements ResourceApi {

  /** The estate collection holding the series. */
  public static final String COLLECTION = "MetricSeries";
  /** The most queries one GetMetricData call takes. */
  public static final int MAX_QUERIES = 500;

  private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");
  private static final Set<String> STATS = Set.of("Minimum", "Maximum", "Average", "Sum", "SampleCount");

  private final Map<String, Map<MetricSeries.Key, MetricSeries>> seriesCache = new ConcurrentHashMap<>();

  /** Declares the group. */
  public CloudWatchMetricsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(GetMetricDataRequest.class, (ctx, req) -> getMetricData(store, ctx, req));
  }

  private GetMetricDataResponse getMetricData(ResourceStore store, CallContext ctx, GetMetricDataRequest req) {
    List<MetricDataQuery> queries = req.metricDataQueries();
    validate(req, queries);
    Map<MetricSeries.Key, MetricSeries> series = series(store, ctx);
    boolean ascending = req.scanBy() == ScanBy.TIMESTAMP_ASCENDING;
    int pageSize = store.settings().metricDataPageSize();
    if (req.maxDatapoints() != null) {
      if (req.maxDatapoints() < 1) {
        throw validation("MaxDatapoints must be at least 1, got " + req.maxDatapoints());
      }
      pageSize = Math.min(pageSize, req.maxDatapoints());
    }
    String listing = ctx.caller().accountId() + "|" + ctx.region() + "|" + req.startTime() + "|" + req.endTime()
        + "|" + queries.hashCode() + "|" + req.scanByAsString();
    int[] position = req.nextToken() == null || req.nextToken().isEmpty() ? new int[] {0, 0}
        : decode(listing, req.nextToken(), queries.size());

    List<MetricDataResult> results = new ArrayList<>();
    int room = pageSize;
    String next = null;
    for (int q = position[0]; q < queries.size(); q++) {
      MetricDataQuery query = queries.get(q);
      if (Boolean.FALSE.equals(query.returnData())) {
        continue;
      }
      if (room == 0) {
        next = encode(listing, q, 0);
        break;
      }
      List<Instant> times = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      datapoints(series, query.metricStat(), req.startTime(), req.endTime(), ascending, times, values);
      int from = q == position[0] ? Math.min(position[1], times.size()) : 0;
      int to = Math.min(times.size(), from + room);
      room -= to - from;
      boolean partial = to < times.size();
      results.add(MetricDataResult.builder().id(query.id())
          .label(query.label() != null ? query.label() : query.metricStat().metric().metricName())
          .timestamps(times.subList(from, to)).values(values.subList(from, to))
          .statusCode(partial ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE).build());
      if (partial) {
        next = encode(listing, q, to);
        break;
      }
    }
    return GetMetricDataResponse.builder().metricDataResults(results).nextToken(next).build();
  }

  private static void validate(GetMetricDataRequest req, List<MetricDataQuery> queries) {
    if (queries == null || queries.isEmpty()) {
      throw validation("1 validation error detected: Value null at 'metricDataQueries' failed to satisfy constraint:"
          + " Member must not be null");
    }
    if (queries.size() > MAX_QUERIES) {
      throw validation("1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint:"
          + " Member must have length less than or equal to " + MAX_QUERIES);
    }
    if (req.startTime() == null || req.endTime() == null) {
      throw validation("StartTime and EndTime are required");
    }
    if (!req.startTime().isBefore(req.endTime())) {
      throw validation("The parameter StartTime must be less than the parameter EndTime.");
    }
    Set<String> ids = new HashSet<>();
    for (MetricDataQuery q : queries) {
      if (q.id() == null || !ID.matcher(q.id()).matches()) {
        throw validation("The value " + q.id() + " for parameter MetricDataQueries.member.Id is not valid: it must"
            + " start with a lower-case letter and hold only letters, digits and underscores.");
      }
      if (!ids.add(q.id())) {
        throw validation("The value " + q.id() + " for parameter MetricDataQueries.member.Id is used twice.");
      }
      if (q.expression() != null) {
        throw validation("Query " + q.id() + ": the simulator does not evaluate metric math expressions.");
      }
      MetricStat stat = q.metricStat();
      if (stat == null || stat.metric() == null || stat.metric().namespace() == null
          || stat.metric().metricName() == null) {
        throw validation("Query " + q.id() + " needs a MetricStat with Namespace and MetricName.");
      }
      Integer period = stat.period();
      if (period == null || period < 1 || !(period % 60 == 0 || List.of(1, 5, 10, 30).contains(period))) {
        throw validation("The parameter MetricDataQueries.member.MetricStat.Period of query " + q.id()
            + " must be 1, 5, 10, 30 or a multiple of 60, got " + period + ".");
      }
      if (!STATS.contains(stat.stat())) {
        throw validation("The statistic " + stat.stat() + " of query " + q.id() + " is not simulated (one of "
            + STATS.stream().sorted().toList() + ").");
      }
    }
  }

  /** The buckets of one query with data, in scan order. */
  private static void datapoints(Map<MetricSeries.Key, MetricSeries> all, MetricStat stat, Instant start,
      Instant end, boolean ascending, List<Instant> times, List<Double> values) {
    Map<String, String> dims = new HashMap<>();
    for (Dimension d : stat.metric().dimensions()) {
      dims.put(d.name(), d.value());
    }
    MetricSeries series = all.get(new MetricSeries.Key(stat.metric().namespace(), stat.metric().metricName(), dims));
    if (series == null || (stat.unitAsString() != null && series.unit() != null
        && !series.unit().equals(stat.unitAsString()))) {
      return;
    }
    long period = stat.period();
    long first = period >= 60 ? Math.floorDiv(start.getEpochSecond(), 60) * 60 : start.getEpochSecond();
    int buckets = (int) Math.max(0, Math.floorDiv(end.getEpochSecond() - first + period - 1
        + (end.getNano() > 0 ? 1 : 0), period));
    double[] sum = new double[buckets];
    double[] min = new double[buckets];
    double[] max = new double[buckets];
    int[] count = new int[buckets];
    series.forEach(Instant.ofEpochSecond(first), end, (t, v) -> {
      int b = (int) ((t - first) / period);
      if (count[b] == 0) {
        min[b] = v;
        max[b] = v;
      } else {
        min[b] = Math.min(min[b], v);
        max[b] = Math.max(max[b], v);
      }
      sum[b] += v;
      count[b]++;
    });
    for (int i = 0; i < buckets; i++) {
      int b = ascending ? i : buckets - 1 - i;
      if (count[b] == 0) {
        continue;
      }
      times.add(Instant.ofEpochSecond(first + b * period));
      values.add(switch (stat.stat()) {
        case "Minimum" -> min[b];
        case "Maximum" -> max[b];
        case "Sum" -> sum[b];
        case "SampleCount" -> (double) count[b];
        default -> sum[b] / count[b];
      });
    }
  }

  private Map<MetricSeries.Key, MetricSeries> series(ResourceStore store, CallContext ctx) {
    List<?> raw = store.regionalRaw(ctx, "cloudwatch", COLLECTION);
    return seriesCache.computeIfAbsent(ctx.caller().accountId() + "/" + ctx.region(), k -> {
      Map<MetricSeries.Key, MetricSeries> out = new HashMap<>();
      String path = "resources." + ctx.caller().accountId() + "." + ctx.region() + ".cloudwatch." + COLLECTION;
      for (int i = 0; i < raw.size(); i++) {
        MetricSeries s = MetricSeries.parse(raw.get(i), path + "[" + i + "]");
        if (out.put(s.key(), s) != null) {
          throw new IllegalArgumentException(path + "[" + i + "]: the metric " + s.key() + " is given twice");
        }
      }
      return Map.copyOf(out);
    });
  }

  private static AwsError validation(String message) {
    return AwsError.of(400, "ValidationError", message);
  }

  private static String encode(String listing, int query, int datapoint) {
    String raw = query + ":" + datapoint + "|" + Integer.toHexString(listing.hashCode());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static int[] decode(String listing, String token, int queries) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      int colon = raw.indexOf(':');
      if (bar < 0 || colon < 0 || colon > bar
          || !raw.substring(bar + 1).equals(Integer.toHexString(listing.hashCode()))) {
        throw new IllegalArgumentException("other request");
      }
      int q = Integer.parseInt(raw.substring(0, colon));
      int d = Integer.parseInt(raw.substring(colon + 1, bar));
      if (q < 0 || q >= queries || d < 0) {
        throw new IllegalArgumentException("out of range");
      }
      return new int[] {q, d};
    } catch (IllegalArgumentException e) {
      throw AwsError.of(400, "InvalidNextToken", "The service cannot process the NextToken: it does not belong to"
          + " this request.");
    }
  }
}
