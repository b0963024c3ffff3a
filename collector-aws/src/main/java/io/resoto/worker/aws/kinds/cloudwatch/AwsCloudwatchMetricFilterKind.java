package io.resoto.worker.aws.kinds.cloudwatch;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;

/**
 * {@code aws_cloudwatch_metric_filter}: the metric filters of CloudWatch Logs (DescribeMetricFilters).
 * id and name are the filter's name, ctime its creation time (epoch milliseconds); the ARN follows
 * the original's template {@code arn:{partition}:logs:{region}:{account}:metric-filter/{id}} (AWS
 * gives filters none). The filter's log group points to it, and the filter to the group (delete
 * edge).
 *
 * <p>The original declares an edge to the alarms on the filter's metric and finds them among the
 * collected alarms; kinds here do not read each other's results, so in a region with metric
 * filters the alarms are listed once with cloudwatch:DescribeAlarms (every alarm carries its
 * metric's namespace and name; one listing instead of a DescribeAlarmsForMetric per
 * transformation) and the filter points to each alarm on a transformation's metric.
 */
public final class AwsCloudwatchMetricFilterKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudwatch_metric_filter";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("log", "management")
      .successors(EdgeType.DEFAULT, AwsCloudwatchAlarmKind.KIND)
      .successors(EdgeType.DELETE, AwsCloudwatchLogGroupKind.KIND)
      .property("filter_pattern", "string", "The pattern log events must match to count.")
      .property("filter_transformations", "dictionary[string, any][]",
          "How matching events become metric values: metric name, namespace, value, default, dimensions, unit.")
      .property("filter_log_group_name", "string", "The name of the log group the filter belongs to.")
      .property("filter_apply_on_transformed_logs", "boolean",
          "Whether the filter applies to transformed logs rather than the original events.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudwatchMetricFilterKind() {
    this(50);
  }

  /** The kind listing filters in pages of this size (1..50; tests page small estates with it). */
  AwsCloudwatchMetricFilterKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "logs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("logs:DescribeMetricFilters", "cloudwatch:DescribeAlarms");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.builder());
    Map<String, List<String>> alarmsByMetric = null;
    for (MetricFilter f : logs.describeMetricFiltersPaginator(b -> b.limit(pageSize)).metricFilters()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, f));
      ctx.edgeFrom(AwsCloudwatchLogGroupKind.KIND, f.logGroupName(), node, EdgeType.DEFAULT);
      ctx.edge(node, AwsCloudwatchLogGroupKind.KIND, f.logGroupName(), EdgeType.DELETE);
      for (MetricTransformation t : f.metricTransformations()) {
        if (alarmsByMetric == null) {
          alarmsByMetric = alarmsByMetric(ctx.client(CloudWatchClient.builder()));
        }
        for (String alarm : alarmsByMetric.getOrDefault(metricKey(t.metricNamespace(), t.metricName()), List.of())) {
          ctx.edge(node, AwsCloudwatchAlarmKind.KIND, alarm, EdgeType.DEFAULT);
        }
      }
    }
  }

  /** The region's metric alarms (every page of DescribeAlarms) by metric namespace and name: alarm names. */
  private static Map<String, List<String>> alarmsByMetric(CloudWatchClient cw) {
    Map<String, List<String>> out = new HashMap<>();
    for (MetricAlarm a : cw.describeAlarmsPaginator(b -> b.maxRecords(100)).metricAlarms()) {
      if (a.metricName() != null) {
        out.computeIfAbsent(metricKey(a.namespace(), a.metricName()), k -> new ArrayList<>()).add(a.alarmName());
      }
    }
    return out;
  }

  private static String metricKey(String namespace, String metricName) {
    return namespace + "\n" + metricName;
  }

  /** Maps a filter: id and name = filterName, ctime = creationTime (ms), ARN from the original's template. */
  static Node node(KindContext ctx, MetricFilter f) {
    Node.Builder b = ctx.node(KIND, f.filterName()).name(f.filterName())
        .ctime(f.creationTime() == null ? null : Instant.ofEpochMilli(f.creationTime()));
    put(b, "filter_pattern", f.filterPattern());
    put(b, "filter_transformations", plain(f.metricTransformations()));
    put(b, "filter_log_group_name", f.logGroupName());
    put(b, "filter_apply_on_transformed_logs", f.applyOnTransformedLogs());
    String arn = "arn:" + ctx.partition() + ":logs:" + ctx.regionName() + ":" + ctx.account().id()
        + ":metric-filter/" + f.filterName();
    return KindContext.arn(b, arn).build();
  }
}
