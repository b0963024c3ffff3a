package io.resoto.worker.aws.kinds.cloudwatch;

import static io.resoto.worker.aws.kinds.PlainValues.put;
import static io.resoto.worker.aws.kinds.PlainValues.strings;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeResourcePoliciesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourcePolicy;

/**
 * {@code aws_cloudwatch_log_group}: CloudWatch Logs log groups (DescribeResourcePolicies once per
 * region, DescribeLogGroups, then ListTagsForResource per group). id and name are the group's name,
 * ctime its creation time (epoch milliseconds), the ARN the group's ARN without the trailing
 * {@code :*} (the form the tag calls take). A group encrypted with a KMS key points to the key, the
 * key to the group (delete edge).
 *
 * <p>Differences from the original, on purpose: DescribeLogGroups carries no tags, so the original
 * reports none; here they are read with ListTagsForResource, as the kind's tag calls need them. The
 * original declares DescribeResourcePolicies under the service {@code cloudwatch}; it is
 * {@code logs:DescribeResourcePolicies}. A group's {@code group_resource_policies} are the policies
 * scoped to the group and the account-level policies one of whose {@code Resource} patterns covers
 * the group's ARN.
 */
public final class AwsCloudwatchLogGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudwatch_log_group";

  private static final Pattern RESOURCE = Pattern.compile("\"(arn:[^\"]*:logs:[^\"]*)\"");

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("log", "management")
      .successors(EdgeType.DEFAULT, AwsCloudwatchMetricFilterKind.KIND, AwsKmsKeyKind.KIND)
      .property("group_retention_in_days", "int64", "How long the group keeps log events, in days; unset: forever.")
      .property("group_metric_filter_count", "int64", "The number of metric filters of the group.")
      .property("group_stored_bytes", "int64", "The bytes the group stores.")
      .property("group_data_protection_status", "string",
          "Whether a data protection policy masks sensitive data: ACTIVATED, DELETED, ARCHIVED or DISABLED.")
      .property("group_inherited_properties", "string[]",
          "The properties the group inherits from account-level settings (ACCOUNT_DATA_PROTECTION).")
      .property("group_kms_key_id", "string", "The ARN of the KMS key that encrypts the group's data, if any.")
      .property("group_class", "string", "The group's log class: STANDARD, INFREQUENT_ACCESS or DELIVERY.")
      .property("group_resource_policies", "dictionary[string, string]",
          "The resource policies that cover the group, by policy name: their JSON documents.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudwatchLogGroupKind() {
    this(50);
  }

  /** The kind listing groups in pages of this size (1..50; tests page small estates with it). */
  AwsCloudwatchLogGroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "logs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("logs:DescribeResourcePolicies", "logs:DescribeLogGroups", "logs:ListTagsForResource");
  }

  /** Tags through logs:TagResource and logs:UntagResource with the group's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("logs:TagResource"),
        (ctx, key, value) -> ctx.client(CloudWatchLogsClient.builder())
            .tagResource(r -> r.resourceArn(ctx.arn()).tags(Map.of(key, value))),
        List.of("logs:UntagResource"),
        (ctx, key) -> ctx.client(CloudWatchLogsClient.builder())
            .untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    CloudWatchLogsClient logs = ctx.client(CloudWatchLogsClient.builder());
    List<ResourcePolicy> policies = new ArrayList<>();
    // the SDK has no paginator for DescribeResourcePolicies: follow nextToken by hand
    String token = null;
    do {
      String next = token;
      DescribeResourcePoliciesResponse page = logs.describeResourcePolicies(b -> b.limit(pageSize).nextToken(next));
      policies.addAll(page.resourcePolicies());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    for (LogGroup g : logs.describeLogGroupsPaginator(b -> b.limit(pageSize)).logGroups()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        String arn = arn(g);
        Map<String, String> tags = logs.listTagsForResource(b -> b.resourceArn(arn)).tags();
        Node node = ctx.add(node(ctx, g, arn, tags, policiesOf(arn, policies)));
        String key = AwsKmsKeyKind.keyId(g.kmsKeyId());
        ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
        ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
      });
    }
  }

  /** The group's ARN without {@code :*}: logGroupArn, else {@code arn} with the suffix cut. */
  static String arn(LogGroup g) {
    if (g.logGroupArn() != null) {
      return g.logGroupArn();
    }
    String arn = g.arn();
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }

  /** The policies scoped to the group, and the account's whose Resource patterns cover the group. */
  static Map<String, String> policiesOf(String groupArn, List<ResourcePolicy> policies) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ResourcePolicy p : policies) {
      if (p.resourceArn() != null ? groupArn.equals(p.resourceArn()) : covers(p.policyDocument(), groupArn)) {
        out.put(p.policyName(), p.policyDocument());
      }
    }
    return out;
  }

  private static boolean covers(String document, String groupArn) {
    if (document == null) {
      return false;
    }
    Matcher m = RESOURCE.matcher(document);
    while (m.find()) {
      String regex = ("\\Q" + m.group(1).replace("*", "\\E.*\\Q") + "\\E").replace("\\Q\\E", "");
      if (groupArn.matches(regex) || (groupArn + ":*").matches(regex)) {
        return true;
      }
    }
    return false;
  }

  /** Maps a group: id and name = logGroupName, ctime = creationTime (ms). */
  static Node node(KindContext ctx, LogGroup g, String arn, Map<String, String> tags, Map<String, String> policies) {
    Node.Builder b = ctx.node(KIND, g.logGroupName()).name(g.logGroupName()).tags(tags)
        .ctime(g.creationTime() == null ? null : Instant.ofEpochMilli(g.creationTime()));
    put(b, "group_retention_in_days", g.retentionInDays());
    put(b, "group_metric_filter_count", g.metricFilterCount());
    put(b, "group_stored_bytes", g.storedBytes());
    put(b, "group_data_protection_status", g.dataProtectionStatusAsString());
    put(b, "group_inherited_properties", strings(g.inheritedPropertiesAsStrings()));
    put(b, "group_kms_key_id", g.kmsKeyId());
    put(b, "group_class", g.logGroupClassAsString());
    put(b, "group_resource_policies", policies);
    return KindContext.arn(b, arn).build();
  }
}
