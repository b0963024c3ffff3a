package io.resoto.worker.awssim.resources.cloudwatch;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/**
 * CloudWatch metric alarms (query protocol, beside {@link CloudWatchMetricsApi}): DescribeAlarms,
 * DescribeAlarmsForMetric, ListTagsForResource, TagResource and UntagResource, from the estate's regional {@code cloudwatch}
 * collections {@code MetricAlarms} ({@link MetricAlarm}, DescribeAlarms' shape) and {@code Tags}
 * ({@link TagResourceRequest}: ResourceARN, Tags).
 *
 * <p>As in AWS: DescribeAlarms pages by {@code MaxRecords} (1..100, default 50) and
 * {@code NextToken} ({@code InvalidNextToken} for a foreign one), filters by {@code AlarmNames},
 * {@code AlarmNamePrefix}, {@code StateValue} and {@code ActionPrefix}, and answers metric alarms
 * unless {@code AlarmTypes} leaves them out (composite alarms are not simulated);
 * DescribeAlarmsForMetric answers every alarm on the metric (no paging), narrowed by statistic,
 * period, unit and dimensions when given; an unknown alarm
 * ARN is {@code ResourceNotFoundException}; tag keys starting with {@code aws:} are refused
 * ({@code InvalidParameterValue}); an alarm holds at most 50 tags ({@code LimitExceeded}).
 */
public final class CloudWatchAlarmsApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final ItemKey<MetricAlarm> ALARM_ARN = ItemKey.of("AlarmArn", MetricAlarm::alarmArn);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("ResourceARN", TagResourceRequest::resourceARN);

  /** Registered in {@code ResourceApis.ALL}. */
  public CloudWatchAlarmsApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeAlarmsRequest.class, (ctx, req) -> {
      if (req.hasAlarmNames() && req.alarmNamePrefix() != null) {
        throw AwsError.of(400, "InvalidParameterCombination", "AlarmNames and AlarmNamePrefix are mutually exclusive.");
      }
      boolean metric = !req.hasAlarmTypes() || req.alarmTypes().contains(AlarmType.METRIC_ALARM);
      List<MetricAlarm> alarms = !metric ? List.of()
          : store.regional(ctx, "cloudwatch", "MetricAlarms", MetricAlarm.class).stream()
              .filter(a -> !req.hasAlarmNames() || req.alarmNames().contains(a.alarmName()))
              .filter(a -> req.alarmNamePrefix() == null || a.alarmName().startsWith(req.alarmNamePrefix()))
              .filter(a -> req.stateValue() == null || req.stateValueAsString().equals(a.stateValueAsString()))
              .filter(a -> req.actionPrefix() == null || hasAction(a, req.actionPrefix()))
              .toList();
      Page<MetricAlarm> page;
      try {
        page = Page.of(alarms, "cloudwatch:DescribeAlarms:" + ctx.caller().accountId() + ":" + ctx.region() + ":"
            + req.alarmNames() + req.alarmNamePrefix() + req.stateValueAsString() + req.actionPrefix() + metric,
            req.nextToken(), req.maxRecords(), 50, 100);
      } catch (AwsError e) {
        throw "InvalidNextToken".equals(e.code()) ? AwsError.of(400, "InvalidNextToken", "The service "
            + "returned an error: the next token is invalid.")
            : AwsError.of(400, "InvalidParameterValue", "The parameter MaxRecords must be between 1 and 100.");
      }
      return DescribeAlarmsResponse.builder().metricAlarms(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeAlarmsForMetricRequest.class, (ctx, req) -> {
      if (req.metricName() == null || req.namespace() == null) {
        throw AwsError.of(400, "MissingParameter", "The request must contain the parameters MetricName and Namespace.");
      }
      List<MetricAlarm> alarms = store.regional(ctx, "cloudwatch", "MetricAlarms", MetricAlarm.class).stream()
          .filter(a -> req.metricName().equals(a.metricName()) && req.namespace().equals(a.namespace()))
          .filter(a -> req.statistic() == null || req.statisticAsString().equals(a.statisticAsString()))
          .filter(a -> req.extendedStatistic() == null || req.extendedStatistic().equals(a.extendedStatistic()))
          .filter(a -> req.period() == null || req.period().equals(a.period()))
          .filter(a -> req.unit() == null || req.unitAsString().equals(a.unitAsString()))
          .filter(a -> !req.hasDimensions() || a.dimensions().containsAll(req.dimensions()))
          .toList();
      return DescribeAlarmsForMetricResponse.builder().metricAlarms(alarms).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) -> {
      String arn = alarmArn(store, ctx, req.resourceARN());
      TagResourceRequest entry = store.findRegional(ctx, "cloudwatch", "Tags", TagResourceRequest.class, TAGS, arn);
      return ListTagsForResourceResponse.builder().tags(entry == null ? List.of() : entry.tags()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = alarmArn(store, ctx, req.resourceARN());
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())
            || !TagRules.isValue(t.value())) {
          throw AwsError.of(400, "InvalidParameterValue", "The tag " + t.key() + " is not valid.");
        }
      }
      store.updateRegional(ctx, "cloudwatch", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "LimitExceeded", "The alarm " + arn + " would have more than " + MAX_TAGS
              + " tags.");
        }
        return TagResourceRequest.builder().resourceARN(arn).tags(asList(tags)).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = alarmArn(store, ctx, req.resourceARN());
      store.updateRegional(ctx, "cloudwatch", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().resourceARN(arn).tags(asList(tags)).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static boolean hasAction(MetricAlarm a, String prefix) {
    List<String> all = new ArrayList<>(a.alarmActions());
    all.addAll(a.okActions());
    all.addAll(a.insufficientDataActions());
    return all.stream().anyMatch(x -> x.startsWith(prefix));
  }

  private static String alarmArn(ResourceStore store, CallContext ctx, String arn) {
    if (arn == null || arn.isEmpty()) {
      throw AwsError.of(400, "MissingParameter", "The request must contain the parameter ResourceARN.");
    }
    if (store.findRegional(ctx, "cloudwatch", "MetricAlarms", MetricAlarm.class, ALARM_ARN, arn) == null) {
      throw AwsError.of(404, "ResourceNotFoundException", "Alarm " + arn + " does not exist.");
    }
    return arn;
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static List<Tag> asList(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }
}
