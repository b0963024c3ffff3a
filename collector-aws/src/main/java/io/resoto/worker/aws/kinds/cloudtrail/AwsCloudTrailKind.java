package io.resoto.worker.aws.kinds.cloudtrail;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;
import software.amazon.awssdk.services.cloudtrail.model.InsightSelector;
import software.amazon.awssdk.services.cloudtrail.model.ResourceTag;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

/**
 * {@code aws_cloud_trail}: CloudTrail trails. DescribeTrails without shadow trails answers the
 * trails homed in the region, with every setting, in one call (the original lists the trails of
 * every region with ListTrails and asks GetTrail per trail); a trail is collected only in its home
 * region and only when it belongs to this account, so each trail is one node. Tags with ListTags,
 * up to 20 trails per call; per trail GetTrailStatus, GetEventSelectors when the trail has
 * custom event selectors and GetInsightSelectors when it has insight selectors. id and name are
 * the trail name, the ARN the API's {@code TrailARN}, ctime the status' start of logging and mtime
 * its latest delivery.
 *
 * <p>A trail points to its S3 bucket (by name), its SNS topic (by ARN, the topic kind's id), its
 * KMS key and its CloudWatch log group (by name). The original also links the CloudWatch Logs
 * role by ARN; IAM roles are identified by their role id here, so that edge is not made.
 * The original also adds a deferred edge from the region to trails listed there but homed
 * elsewhere; those trails are collected in their home region and that edge is left out.
 */
public final class AwsCloudTrailKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloud_trail";

  /** ListTags takes at most this many trail ARNs. */
  private static final int TAGS_PER_CALL = 20;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "management")
      .successors(EdgeType.DEFAULT, "aws_s3_bucket", "aws_sns_topic", AwsKmsKeyKind.KIND, "aws_cloudwatch_log_group")
      .property("trail_s3_bucket_name", "string", "The S3 bucket the trail delivers its log files to.")
      .property("trail_s3_key_prefix", "string", "The key prefix of the log files in the bucket.")
      .property("trail_sns_topic_name", "string", "The name of the SNS topic notified of log file deliveries (deprecated by AWS).")
      .property("trail_sns_topic_arn", "string", "The ARN of the SNS topic notified of log file deliveries.")
      .property("trail_include_global_service_events", "boolean", "Whether events of global services such as IAM are logged.")
      .property("trail_is_multi_region_trail", "boolean", "Whether the trail logs events of every region.")
      .property("trail_home_region", "string", "The region the trail was created in.")
      .property("trail_log_file_validation_enabled", "boolean", "Whether digest files for log file integrity validation are written.")
      .property("trail_cloud_watch_logs_log_group_arn", "string", "The CloudWatch Logs log group the trail also delivers to.")
      .property("trail_cloud_watch_logs_role_arn", "string", "The role CloudTrail assumes to write to the log group.")
      .property("trail_kms_key_id", "string", "The KMS key (ARN) the log files are encrypted with.")
      .property("trail_has_custom_event_selectors", "boolean", "Whether the trail has custom (basic or advanced) event selectors.")
      .property("trail_has_insight_selectors", "boolean", "Whether the trail has CloudTrail Insights enabled.")
      .property("trail_is_organization_trail", "boolean", "Whether the trail logs the events of every account of the organisation.")
      .property("trail_status", OBJECT,
          "The logging status: is_logging, latest delivery and notification times and errors, start and stop of logging, "
              + "digest and CloudWatch Logs deliveries.")
      .property("trail_event_selectors", OBJECT,
          "The event selectors: event_selectors (read/write type, management events, data resources) and "
              + "advanced_event_selectors (name, field selectors).")
      .property("trail_insight_selectors", "string[]", "The Insights event types logged, e.g. ApiCallRateInsight.")
      .build();

  /** Declares the kind. */
  public AwsCloudTrailKind() {
    super(KIND, Scope.REGIONAL, "cloudtrail", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:ListTags",
        "cloudtrail:GetEventSelectors", "cloudtrail:GetInsightSelectors");
  }

  /** Tags through cloudtrail:AddTags and cloudtrail:RemoveTags with the trail's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("cloudtrail:AddTags"),
        (ctx, key, value) -> ctx.client(CloudTrailClient.builder())
            .addTags(r -> r.resourceId(ctx.arn()).tagsList(Tag.builder().key(key).value(value).build())),
        List.of("cloudtrail:RemoveTags"),
        (ctx, key) -> ctx.client(CloudTrailClient.builder())
            .removeTags(r -> r.resourceId(ctx.arn()).tagsList(Tag.builder().key(key).build()))));
  }

  @Override
  public void collect(KindContext ctx) {
    CloudTrailClient cloudtrail = ctx.client(CloudTrailClient.builder());
    List<Trail> trails = new ArrayList<>();
    for (Trail info : cloudtrail.describeTrails(b -> b.includeShadowTrails(false)).trailList()) {
      if (!ctx.region().equals(info.homeRegion()) || info.trailARN() == null
          || !info.trailARN().contains(":" + ctx.account().id() + ":")) {
        continue;
      }
      trails.add(info);
    }
    for (int i = 0; i < trails.size() && !ctx.isCancelled(); i += TAGS_PER_CALL) {
      List<Trail> batch = trails.subList(i, Math.min(i + TAGS_PER_CALL, trails.size()));
      Map<String, Map<String, String>> tags = tags(cloudtrail, batch);
      for (Trail trail : batch) {
        ctx.submit(() -> collectTrail(ctx, cloudtrail, trail, tags.getOrDefault(trail.trailARN(), Map.of())));
      }
    }
  }

  /** The tags of up to {@link #TAGS_PER_CALL} trails (ListTags, every page) by trail ARN. */
  private static Map<String, Map<String, String>> tags(CloudTrailClient cloudtrail, List<Trail> trails) {
    List<String> arns = trails.stream().map(Trail::trailARN).toList();
    Map<String, Map<String, String>> out = new HashMap<>();
    for (ResourceTag rt : cloudtrail.listTagsPaginator(b -> b.resourceIdList(arns)).resourceTagList()) {
      Map<String, String> tags = out.computeIfAbsent(rt.resourceId(), k -> new LinkedHashMap<>());
      rt.tagsList().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
    }
    return out;
  }

  private static void collectTrail(KindContext ctx, CloudTrailClient cloudtrail, Trail trail,
      Map<String, String> tags) {
    String arn = trail.trailARN();
    GetTrailStatusResponse status = cloudtrail.getTrailStatus(b -> b.name(arn));
    GetEventSelectorsResponse selectors = Boolean.TRUE.equals(trail.hasCustomEventSelectors())
        ? cloudtrail.getEventSelectors(b -> b.trailName(arn)) : null;
    List<String> insights = Boolean.TRUE.equals(trail.hasInsightSelectors())
        ? cloudtrail.getInsightSelectors(b -> b.trailName(arn)).insightSelectors().stream()
            .map(InsightSelector::insightTypeAsString).toList()
        : null;
    Node node = ctx.add(node(ctx, trail, status, tags, selectors, insights));
    ctx.edge(node, "aws_s3_bucket", trail.s3BucketName(), EdgeType.DEFAULT);
    ctx.edge(node, "aws_sns_topic", trail.snsTopicARN(), EdgeType.DEFAULT);
    ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(trail.kmsKeyId()), EdgeType.DEFAULT);
    ctx.edge(node, "aws_cloudwatch_log_group", logGroupName(trail.cloudWatchLogsLogGroupArn()), EdgeType.DEFAULT);
  }

  /** Maps a trail: id and name = the trail name. */
  static Node node(KindContext ctx, Trail t, GetTrailStatusResponse status, Map<String, String> tags,
      GetEventSelectorsResponse selectors, List<String> insights) {
    Node.Builder b = ctx.node(KIND, t.name()).name(t.name()).tags(tags);
    if (status != null) {
      b.ctime(status.startLoggingTime()).mtime(status.latestDeliveryTime());
    }
    put(b, "trail_s3_bucket_name", t.s3BucketName());
    put(b, "trail_s3_key_prefix", t.s3KeyPrefix());
    put(b, "trail_sns_topic_name", t.snsTopicName());
    put(b, "trail_sns_topic_arn", t.snsTopicARN());
    put(b, "trail_include_global_service_events", t.includeGlobalServiceEvents());
    put(b, "trail_is_multi_region_trail", t.isMultiRegionTrail());
    put(b, "trail_home_region", t.homeRegion());
    put(b, "trail_log_file_validation_enabled", t.logFileValidationEnabled());
    put(b, "trail_cloud_watch_logs_log_group_arn", t.cloudWatchLogsLogGroupArn());
    put(b, "trail_cloud_watch_logs_role_arn", t.cloudWatchLogsRoleArn());
    put(b, "trail_kms_key_id", t.kmsKeyId());
    put(b, "trail_has_custom_event_selectors", t.hasCustomEventSelectors());
    put(b, "trail_has_insight_selectors", t.hasInsightSelectors());
    put(b, "trail_is_organization_trail", t.isOrganizationTrail());
    put(b, "trail_status", status == null ? null : plain(status));
    if (selectors != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      put(s, "event_selectors", plain(selectors.eventSelectors()));
      put(s, "advanced_event_selectors", plain(selectors.advancedEventSelectors()));
      put(b, "trail_event_selectors", s.isEmpty() ? null : s);
    }
    put(b, "trail_insight_selectors", insights == null || insights.isEmpty() ? null : insights);
    return KindContext.arn(b, t.trailARN()).build();
  }

  /** "arn:aws:logs:us-east-1:111111111111:log-group:audit:*" -> "audit" (the log group kind's id). */
  static String logGroupName(String arn) {
    if (arn == null) {
      return null;
    }
    int at = arn.indexOf(":log-group:");
    if (at < 0) {
      return null;
    }
    String rest = arn.substring(at + ":log-group:".length());
    return rest.endsWith(":*") ? rest.substring(0, rest.length() - 2) : rest;
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }

  private static void put(Map<String, Object> m, String name, Object value) {
    if (value != null) {
      m.put(name, value);
    }
  }
}
