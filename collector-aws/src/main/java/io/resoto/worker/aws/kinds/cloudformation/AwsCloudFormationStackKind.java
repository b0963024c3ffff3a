package io.resoto.worker.aws.kinds.cloudformation;

import static io.resoto.worker.aws.kinds.cloudformation.CloudFormationValues.parameters;
import static io.resoto.worker.aws.kinds.cloudformation.CloudFormationValues.plain;
import static io.resoto.worker.aws.kinds.cloudformation.CloudFormationValues.strings;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagContext;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * {@code aws_cloudformation_stack}: CloudFormation stacks (DescribeStacks, every page), and per
 * stack ListStackResources for its edges. id is the StackId (which is the stack's ARN, so the ARN is
 * that too), name the StackName, ctime and mtime the creation and last-update times, tags the
 * stack's tags.
 *
 * <p>Edges: as in the original, each resource of the stack maps {@code AWS::X::Y} to the kind
 * {@code aws_x_y} and the stack points to the node of that kind whose id is the resource's
 * PhysicalResourceId, if collected (so {@code AWS::EC2::Instance i-...}, {@code AWS::S3::Bucket},
 * {@code AWS::KMS::Key} link up). The original matches the node's name instead; the engine links by
 * id, which is the same for most kinds whose physical id is a name; kinds whose CloudFormation type
 * does not spell their kind (an {@code AWS::EC2::VPC} is {@code aws_vpc}) stay unlinked, as in the
 * original. The original declares {@code list-stacks} but never calls it; it is not called here.
 *
 * <p>Tags change through UpdateStack with the previous template and parameter values and the full
 * new tag set, after DescribeStacks reads the current tags and capabilities (the original's calls);
 * AWS refuses the update while the stack is being changed, and the refusal is the tag call's error
 * (the original instead waits up to five minutes).
 */
public final class AwsCloudFormationStackKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = CloudFormationValues.STACK_KIND;

  private static final String OBJECT = "dictionary[string, any]";
  private static final String OBJECTS = "dictionary[string, any][]";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("stack", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_cloudformation_stack")
      .display("stack", "management")
      .successors(EdgeType.DEFAULT, KindModel.AWS_RESOURCE)
      .property("stack_status", "string", "The stack's status, e.g. CREATE_COMPLETE or UPDATE_ROLLBACK_FAILED.")
      .property("stack_status_reason", "string", "Why the stack is in its status.")
      .property("stack_parameters", "dictionary[string, any]", "The stack's template parameters, key to value.")
      .property("stack_change_set_id", "string", "The ARN of the change set the stack was last changed with.")
      .property("description", "string", "The description of the stack's template.")
      .property("stack_deletion_time", "datetime", "When the stack was deleted.")
      .property("stack_rollback_configuration", OBJECT,
          "The rollback triggers (CloudWatch alarms) CloudFormation watches during an update, and for how long.")
      .property("stack_disable_rollback", "boolean", "Whether a failed creation leaves the stack as it is instead of rolling back.")
      .property("stack_notification_ar_ns", "string[]", "The SNS topics the stack's events are published to.")
      .property("stack_timeout_in_minutes", "int64", "How long the stack's creation may take, in minutes.")
      .property("stack_capabilities", "string[]", "The capabilities the stack was allowed, e.g. CAPABILITY_IAM.")
      .property("stack_outputs", OBJECTS, "The stack's outputs: key, value, description and export name.")
      .property("stack_role_arn", "string", "The IAM role CloudFormation uses to change the stack.")
      .property("stack_enable_termination_protection", "boolean", "Whether the stack is protected from deletion.")
      .property("stack_parent_id", "string", "For a nested stack, the stack id of its direct parent.")
      .property("stack_root_id", "string", "For a nested stack, the stack id of the top-level stack it belongs to.")
      .property("stack_drift_information", OBJECT, "Whether the stack drifted from its template, and when that was last checked.")
      .build();

  /** Declares the kind. */
  public AwsCloudFormationStackKind() {
    super(KIND, Scope.REGIONAL, "cloudformation", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudformation:DescribeStacks", "cloudformation:ListStackResources");
  }

  /** Tags through DescribeStacks and UpdateStack with the whole new tag set, as the original does. */
  @Override
  public Optional<TagSupport> tagSupport() {
    List<String> calls = List.of("cloudformation:DescribeStacks", "cloudformation:UpdateStack");
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
    String name = ctx.name();
    Stack stack = cfn.describeStacks(r -> r.stackName(name)).stacks().get(0);
    Map<String, String> before = CloudFormationValues.tags(stack.tags());
    Map<String, String> after = change.apply(new java.util.LinkedHashMap<>(before));
    if (after.equals(before)) {
      return; // AWS refuses an update that changes nothing
    }
    List<Tag> tags = new ArrayList<>();
    after.forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
    List<Parameter> parameters = stack.parameters().stream()
        .map(p -> Parameter.builder().parameterKey(p.parameterKey()).usePreviousValue(true).build()).toList();
    cfn.updateStack(r -> r.stackName(stack.stackId()).usePreviousTemplate(true).parameters(parameters)
        .capabilities(stack.capabilities()).tags(tags));
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFormationClient cfn = ctx.client(CloudFormationClient.builder());
    for (Stack stack : cfn.describeStacksPaginator(r -> { }).stacks()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, stack));
      ctx.submit(() -> {
        for (StackResourceSummary r : cfn.listStackResourcesPaginator(b -> b.stackName(stack.stackId()))
            .stackResourceSummaries()) {
          String kind = kindOf(r.resourceType());
          if (kind != null) {
            ctx.edge(node, kind, r.physicalResourceId(), EdgeType.DEFAULT);
          }
        }
      });
    }
  }

  /** {@code AWS::EC2::Instance} -> {@code aws_ec2_instance}, as the original maps resource types. */
  static String kindOf(String resourceType) {
    if (resourceType == null || !resourceType.contains("::")) {
      return null;
    }
    return resourceType.replace("::", "_").toLowerCase(Locale.ROOT);
  }

  /** Maps a stack. */
  static Node node(KindContext ctx, Stack s) {
    Node.Builder b = ctx.node(KIND, s.stackId()).name(s.stackName()).ctime(s.creationTime())
        .mtime(s.lastUpdatedTime()).tags(CloudFormationValues.tags(s.tags()));
    put(b, "stack_status", s.stackStatusAsString());
    put(b, "stack_status_reason", s.stackStatusReason());
    put(b, "stack_parameters", parameters(s.parameters()));
    put(b, "stack_change_set_id", s.changeSetId());
    put(b, "description", s.description());
    put(b, "stack_deletion_time", s.deletionTime());
    put(b, "stack_rollback_configuration", plain(s.rollbackConfiguration()));
    put(b, "stack_disable_rollback", s.disableRollback());
    put(b, "stack_notification_ar_ns", strings(s.notificationARNs()));
    put(b, "stack_timeout_in_minutes", s.timeoutInMinutes() == null ? null : s.timeoutInMinutes().longValue());
    put(b, "stack_capabilities", strings(s.capabilitiesAsStrings()));
    put(b, "stack_outputs", plain(s.outputs()));
    put(b, "stack_role_arn", s.roleARN());
    put(b, "stack_enable_termination_protection", s.enableTerminationProtection());
    put(b, "stack_parent_id", s.parentId());
    put(b, "stack_root_id", s.rootId());
    put(b, "stack_drift_information", plain(s.driftInformation()));
    return KindContext.arn(b, Objects.requireNonNull(s.stackId(), "StackId")).build();
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
