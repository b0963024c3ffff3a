package io.resoto.worker.aws.kinds.cloudwatch;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;
import static io.resoto.worker.aws.kinds.PlainValues.strings;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * {@code aws_cloudwatch_alarm}: CloudWatch metric alarms (DescribeAlarms, then ListTagsForResource
 * per alarm, a call the original makes without declaring it). id and name are the alarm name,
 * mtime the time its configuration last changed, the ARN the AlarmArn. An EC2 instance an alarm
 * watches (dimension {@code InstanceId}) points to the alarm, by default and delete edges, as the
 * original links them.
 */
public final class AwsCloudwatchAlarmKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudwatch_alarm";

  private static final String EC2_INSTANCE = "aws_ec2_instance";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_instance")
      .predecessors(EdgeType.DELETE, "aws_ec2_instance")
      .display("alarm", "management")
      .property("cloudwatch_alarm_description", "string", "The alarm's description.")
      .property("cloudwatch_actions_enabled", "boolean", "Whether the alarm's actions run when its state changes.")
      .property("cloudwatch_ok_actions", "string[]", "The actions (ARNs) run when the alarm enters OK.")
      .property("cloudwatch_alarm_actions", "string[]", "The actions (ARNs) run when the alarm enters ALARM.")
      .property("cloudwatch_insufficient_data_actions", "string[]",
          "The actions (ARNs) run when the alarm enters INSUFFICIENT_DATA.")
      .property("cloudwatch_state_value", "string", "The alarm's state: OK, ALARM or INSUFFICIENT_DATA.")
      .property("cloudwatch_state_reason", "string", "Why the alarm is in its state, in words.")
      .property("cloudwatch_state_reason_data", "string", "Why the alarm is in its state, as JSON.")
      .property("cloudwatch_state_updated_timestamp", "datetime", "When the alarm's state last changed.")
      .property("cloudwatch_metric_name", "string", "The name of the metric the alarm watches.")
      .property("cloudwatch_namespace", "string", "The namespace of the metric the alarm watches.")
      .property("cloudwatch_statistic", "string", "The statistic of the metric: Average, Sum, Maximum, ...")
      .property("cloudwatch_extended_statistic", "string", "The percentile statistic of the metric (p0.0 to p100).")
      .property("cloudwatch_dimensions", "dictionary[string, any][]", "The dimensions of the metric: name and value.")
      .property("cloudwatch_period", "int64", "The length of the period the statistic is applied over, in seconds.")
      .property("cloudwatch_unit", "string", "The unit of the metric.")
      .property("cloudwatch_evaluation_periods", "int64", "The number of periods compared with the threshold.")
      .property("cloudwatch_datapoints_to_alarm", "int64", "The number of breaching datapoints that raise the alarm.")
      .property("cloudwatch_threshold", "double", "The value the statistic is compared with.")
      .property("cloudwatch_comparison_operator", "string",
          "How the statistic is compared with the threshold: GreaterThanThreshold, LessThanThreshold, ...")
      .property("cloudwatch_treat_missing_data", "string",
          "How missing data points count: breaching, notBreaching, ignore or missing.")
      .property("cloudwatch_evaluate_low_sample_count_percentile", "string",
          "Whether percentiles of few data points are evaluated (evaluate) or ignored (ignore).")
      .property("cloudwatch_metrics", "dictionary[string, any][]",
          "The metric math queries of the alarm: ids, metric stats, expressions, labels.")
      .property("cloudwatch_threshold_metric_id", "string",
          "The id of the anomaly detection band the alarm compares with, if any.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudwatchAlarmKind() {
    this(100);
  }

  /** The kind listing alarms in pages of this size (1..100; tests page small estates with it). */
  AwsCloudwatchAlarmKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "cloudwatch", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudwatch:DescribeAlarms", "cloudwatch:ListTagsForResource");
  }

  /** Tags through cloudwatch:TagResource and cloudwatch:UntagResource with the alarm's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("cloudwatch:TagResource"),
        (ctx, key, value) -> ctx.client(CloudWatchClient.builder())
            .tagResource(r -> r.resourceARN(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
        List.of("cloudwatch:UntagResource"),
        (ctx, key) -> ctx.client(CloudWatchClient.builder()).untagResource(r -> r.resourceARN(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    CloudWatchClient cw = ctx.client(CloudWatchClient.builder());
    for (MetricAlarm a : cw.describeAlarmsPaginator(b -> b.maxRecords(pageSize)).metricAlarms()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Map<String, String> tags = new LinkedHashMap<>();
        cw.listTagsForResource(b -> b.resourceARN(a.alarmArn())).tags().forEach(t -> tags.put(t.key(), t.value()));
        Node node = ctx.add(node(ctx, a, tags));
        for (Dimension d : a.dimensions()) {
          if ("InstanceId".equals(d.name())) {
            ctx.edgeFrom(EC2_INSTANCE, d.value(), node, EdgeType.DEFAULT);
            ctx.edgeFrom(EC2_INSTANCE, d.value(), node, EdgeType.DELETE);
          }
        }
      });
    }
  }

  /** Maps an alarm: id and name = AlarmName, mtime = AlarmConfigurationUpdatedTimestamp, arn = AlarmArn. */
  static Node node(KindContext ctx, MetricAlarm a, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, a.alarmName()).name(a.alarmName()).mtime(a.alarmConfigurationUpdatedTimestamp())
        .tags(tags);
    put(b, "cloudwatch_alarm_description", a.alarmDescription());
    put(b, "cloudwatch_actions_enabled", a.actionsEnabled());
    put(b, "cloudwatch_ok_actions", strings(a.okActions()));
    put(b, "cloudwatch_alarm_actions", strings(a.alarmActions()));
    put(b, "cloudwatch_insufficient_data_actions", strings(a.insufficientDataActions()));
    put(b, "cloudwatch_state_value", a.stateValueAsString());
    put(b, "cloudwatch_state_reason", a.stateReason());
    put(b, "cloudwatch_state_reason_data", a.stateReasonData());
    put(b, "cloudwatch_state_updated_timestamp", a.stateUpdatedTimestamp());
    put(b, "cloudwatch_metric_name", a.metricName());
    put(b, "cloudwatch_namespace", a.namespace());
    put(b, "cloudwatch_statistic", a.statisticAsString());
    put(b, "cloudwatch_extended_statistic", a.extendedStatistic());
    put(b, "cloudwatch_dimensions", plain(a.dimensions()));
    put(b, "cloudwatch_period", a.period());
    put(b, "cloudwatch_unit", a.unitAsString());
    put(b, "cloudwatch_evaluation_periods", a.evaluationPeriods());
    put(b, "cloudwatch_datapoints_to_alarm", a.datapointsToAlarm());
    put(b, "cloudwatch_threshold", a.threshold());
    put(b, "cloudwatch_comparison_operator", a.comparisonOperatorAsString());
    put(b, "cloudwatch_treat_missing_data", a.treatMissingData());
    put(b, "cloudwatch_evaluate_low_sample_count_percentile", a.evaluateLowSampleCountPercentile());
    put(b, "cloudwatch_metrics", plain(a.metrics()));
    put(b, "cloudwatch_threshold_metric_id", a.thresholdMetricId());
    return KindContext.arn(b, a.alarmArn()).build();
  }
}
