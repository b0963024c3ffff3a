package io.resoto.worker.aws.kinds.cloudformation;

import static io.resoto.worker.aws.kinds.cloudformation.CloudFormationValues.parameters;
import static io.resoto.worker.aws.kinds.cloudformation.CloudFormationValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagContext;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.StackSet;
import software.amazon.awssdk.services.cloudformation.model.StackSetStatus;
import software.amazon.awssdk.services.cloudformation.model.StackSetSummary;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * {@code aws_cloudformation_stack_set}: the account's active stack sets (ListStackSets with
 * {@code Status=ACTIVE}, every page), each completed by DescribeStackSet. id is the StackSetId, name
 * the StackSetName, the ARN the set's StackSetARN.
 *
 * <p>The original maps tags and parameters from the ListStackSets summary, which carries neither,
 * so its stack sets never had tags or parameters (and its tag update, which rewrites the whole tag
 * set, dropped every other tag). DescribeStackSet, one call per set, gives both here. The set points
 * to its stack instance summaries ({@code aws_cloud_formation_stack_instance_summary}, which the
 * original links too without declaring it).
 *
 * <p>Tags change through UpdateStackSet with the previous template and parameter values and the
 * full new tag set, after DescribeStackSet reads the current tags and capabilities.
 */
public final class AwsCloudFormationStackSetKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudformation_stack_set";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("stack", "management")
      .successors(EdgeType.DEFAULT, AwsCloudFormationStackInstanceSummaryKind.KIND)
      .property("description", "string", "The description of the stack set.")
      .property("stack_set_status", "string", "The stack set's status: ACTIVE or DELETED.")
      .property("stack_set_auto_deployment", "dictionary[string, any]",
          "For service-managed sets: whether accounts added to the target organization units get the stacks"
              + " (enabled), and whether stacks stay when an account leaves (retain_stacks_on_account_removal).")
      .property("stack_set_permission_model", "string",
          "How the set's IAM roles are made: SELF_MANAGED or SERVICE_MANAGED (by AWS Organizations).")
      .property("stack_set_drift_status", "string", "Whether the set's stacks drifted from its template: DRIFTED, IN_SYNC, NOT_CHECKED.")
      .property("stack_set_last_drift_check_timestamp", "datetime", "When drift was last checked for the set.")
      .property("stack_set_managed_execution", "boolean",
          "Whether CloudFormation runs non-conflicting operations of the set concurrently.")
      .property("stack_set_parameters", "dictionary[string, any]", "The set's template parameters, key to value.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFormationStackSetKind() {
    this(100);
  }

  /** The kind listing stack sets in pages of this size (1..100; tests page small estates with it). */
  AwsCloudFormationStackSetKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "cloudformation", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudformation:ListStackSets", "cloudformation:DescribeStackSet");
  }

  /** Tags through DescribeStackSet and UpdateStackSet with the whole new tag set. */
  @Override
  public Optional<TagSupport> tagSupport() {
    List<String> calls = List.of("cloudformation:DescribeStackSet", "cloudformation:UpdateStackSet");
    return Optional.of(TagSupport.of(
        calls, (ctx, key, value) -> retag(ctx, tags -> {
          tags.put(key, value);
          return tags;
        }),
        calls, (ctx, key) -> retag(ctx, tags -> {
          tags.remove(key);
          return tags;
        })));
  }

  private static void retag(TagContext ctx, UnaryOperator<Map<String, String>> change) {
    CloudFormationClient cfn = ctx.client(CloudFormationClient.builder());
    StackSet set = cfn.describeStackSet(r -> r.stackSetName(ctx.name())).stackSet();
    Map<String, String> before = CloudFormationValues.tags(set.tags());
    Map<String, String> after = change.apply(new LinkedHashMap<>(before));
    if (after.equals(before)) {
      return;
    }
    List<Tag> tags = new ArrayList<>();
    after.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
    List<Parameter> parameters = set.parameters().stream()
        .map(p -> Parameter.builder().parameterKey(p.parameterKey()).usePreviousValue(true).build()).toList();
    cfn.updateStackSet(r -> r.stackSetName(set.stackSetName()).usePreviousTemplate(true).parameters(parameters)
        .capabilities(set.capabilities()).tags(tags));
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFormationClient cfn = ctx.client(CloudFormationClient.builder());
    for (StackSetSummary summary : cfn.listStackSetsPaginator(r -> r.status(StackSetStatus.ACTIVE)
        .maxResults(pageSize)).summaries()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        StackSet set = cfn.describeStackSet(r -> r.stackSetName(summary.stackSetName())).stackSet();
        ctx.add(node(ctx, summary, set));
      });
    }
  }

  /** Maps a stack set from its summary and its description. */
  static Node node(KindContext ctx, StackSetSummary s, StackSet set) {
    Node.Builder b = ctx.node(KIND, s.stackSetId()).name(s.stackSetName())
        .tags(CloudFormationValues.tags(set.tags()));
    put(b, "description", s.description());
    put(b, "stack_set_status", s.statusAsString());
    put(b, "stack_set_auto_deployment", plain(s.autoDeployment()));
    put(b, "stack_set_permission_model", s.permissionModelAsString());
    put(b, "stack_set_drift_status", s.driftStatusAsString());
    put(b, "stack_set_last_drift_check_timestamp", s.lastDriftCheckTimestamp());
    put(b, "stack_set_managed_execution", s.managedExecution() == null ? null : s.managedExecution().active());
    put(b, "stack_set_parameters", parameters(set.parameters()));
    String arn = set.stackSetARN() != null ? set.stackSetARN()
        : CloudFormationValues.arn(ctx, "stack-set/" + s.stackSetName() + "/" + s.stackSetId());
    return KindContext.arn(b, arn).build();
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
