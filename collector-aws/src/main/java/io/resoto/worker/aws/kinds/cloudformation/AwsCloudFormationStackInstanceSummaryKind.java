package io.resoto.worker.aws.kinds.cloudformation;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.DeferredEdge;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackSetStatus;
import software.amazon.awssdk.services.cloudformation.model.StackSetSummary;

/**
 * {@code aws_cloud_formation_stack_instance_summary}: the stack instances of the account's active
 * stack sets (ListStackSets with {@code Status=ACTIVE}, then ListStackInstances per set, every
 * page), as the original collects them under their set. id is
 * {@code <stack set id>/<stack uuid>/<account>/<region>}, as in the original.
 *
 * <p>Edges: the stack set points to each of its instances. The instance's stack usually lives in
 * another account or region, so the edge to it is deferred to the core ({@code aws_cloudformation_stack}
 * with that stack id). The original makes that deferred edge from the stack set; here it leaves
 * from the instance summary, which names the stack, so the set still reaches the stack through it.
 */
public final class AwsCloudFormationStackInstanceSummaryKind extends DeclaredKind {

  /** The kind name (the original's spelling, "cloud_formation"). */
  public static final String KIND = "aws_cloud_formation_stack_instance_summary";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("stack", "management")
      .successors(EdgeType.DEFAULT, CloudFormationValues.STACK_KIND)
      .property("stack_instance_stack_set_id", "string", "The id of the stack set the instance belongs to.")
      .property("stack_instance_region", "string", "The region the instance's stack is in.")
      .property("stack_instance_account", "string", "The account the instance's stack is in.")
      .property("stack_instance_stack_id", "string", "The stack id (ARN) of the instance's stack.")
      .property("stack_instance_status", "string", "The instance's status: CURRENT, OUTDATED or INOPERABLE.")
      .property("stack_instance_status_reason", "string", "Why the instance is in its status.")
      .property("stack_instance_stack_instance_status", "string",
          "The detailed status of the instance's last operation, e.g. SUCCEEDED, FAILED or PENDING.")
      .property("stack_instance_organizational_unit_id", "string",
          "For service-managed sets: the organization unit the instance's account was targeted through.")
      .property("stack_instance_drift_status", "string", "Whether the instance's stack drifted from the set's template.")
      .property("stack_instance_last_drift_check_timestamp", "datetime", "When drift was last checked for the instance.")
      .property("stack_instance_last_operation_id", "string", "The id of the last stack set operation on the instance.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFormationStackInstanceSummaryKind() {
    this(100);
  }

  /** The kind listing in pages of this size (1..100; tests page small estates with it). */
  AwsCloudFormationStackInstanceSummaryKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "cloudformation", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudformation:ListStackSets", "cloudformation:ListStackInstances");
  }

  /** The set points to its instances; one without a set is still attached to its region. */
  @Override
  public boolean attachToRegion() {
    return false;
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFormationClient cfn = ctx.client(CloudFormationClient.builder());
    for (StackSetSummary set : cfn.listStackSetsPaginator(r -> r.status(StackSetStatus.ACTIVE)
        .maxResults(pageSize)).summaries()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        for (StackInstanceSummary i : cfn.listStackInstancesPaginator(r -> r.stackSetName(set.stackSetName())
            .maxResults(pageSize)).summaries()) {
          Node node = ctx.add(node(ctx, i));
          ctx.edgeFrom(AwsCloudFormationStackSetKind.KIND, set.stackSetId(), node, EdgeType.DEFAULT);
          if (i.stackId() != null) {
            ctx.deferredEdge(node, DeferredEdge.Selector.kindAndId(CloudFormationValues.STACK_KIND, i.stackId()),
                EdgeType.DEFAULT);
          }
        }
      });
    }
  }

  /** The original's id: set id, the stack's uuid, account and region. */
  static String id(StackInstanceSummary i) {
    String stack = i.stackId() == null ? "" : i.stackId().substring(i.stackId().lastIndexOf('/') + 1);
    return nz(i.stackSetId()) + "/" + stack + "/" + nz(i.account()) + "/" + nz(i.region());
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Maps a stack instance summary. */
  static Node node(KindContext ctx, StackInstanceSummary i) {
    String id = id(i);
    Node.Builder b = ctx.node(KIND, id).name(id);
    put(b, "stack_instance_stack_set_id", i.stackSetId());
    put(b, "stack_instance_region", i.region());
    put(b, "stack_instance_account", i.account());
    put(b, "stack_instance_stack_id", i.stackId());
    put(b, "stack_instance_status", i.statusAsString());
    put(b, "stack_instance_status_reason", i.statusReason());
    put(b, "stack_instance_stack_instance_status",
        i.stackInstanceStatus() == null ? null : i.stackInstanceStatus().detailedStatusAsString());
    put(b, "stack_instance_organizational_unit_id", i.organizationalUnitId());
    put(b, "stack_instance_drift_status", i.driftStatusAsString());
    put(b, "stack_instance_last_drift_check_timestamp", i.lastDriftCheckTimestamp());
    put(b, "stack_instance_last_operation_id", i.lastOperationId());
    return KindContext.arn(b, CloudFormationValues.arn(ctx, "stack-instance/" + id)).build();
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
