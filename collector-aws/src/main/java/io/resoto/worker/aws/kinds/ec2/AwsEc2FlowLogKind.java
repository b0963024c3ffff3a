package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2Values.nameTag;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.orElse;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.plain;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.tags;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLog;

/**
 * {@code aws_ec2_flow_log}: the flow logs of a region (EC2 DescribeFlowLogs), under the VPC they record, pointing at the S3 bucket they deliver to.
 */
public final class AwsEc2FlowLogKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_flow_log";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "networking")
      .property("flow_log_status", "string", "The status of the flow log (ACTIVE).")
      .property("flow_log_deliver_logs_error_message", "string", "Why delivering the logs failed, if it did.")
      .property("flow_log_deliver_logs_permission_arn", "string", "The ARN of the IAM role that posts logs to CloudWatch Logs.")
      .property("flow_log_deliver_cross_account_role", "string", "The ARN of the IAM role that delivers logs across accounts.")
      .property("flow_log_deliver_logs_status", "string", "The status of the log delivery (SUCCESS, FAILED).")
      .property("flow_log_log_group_name", "string", "The CloudWatch Logs group the flow log publishes to.")
      .property("flow_log_resource_id", "string", "The id of the VPC, subnet or interface whose traffic is logged.")
      .property("flow_log_traffic_type", "string", "Which traffic is logged (ACCEPT, REJECT, ALL).")
      .property("flow_log_log_destination_type", "string", "Where the logs go (cloud-watch-logs, s3, kinesis-data-firehose).")
      .property("flow_log_log_destination", "string", "The ARN of the destination the logs are published to.")
      .property("flow_log_log_format", "string", "The fields of a flow log record, in order.")
      .property("flow_log_destination_options", "dictionary[string, any]", "The file format and partitioning of logs delivered to S3.")
      .property("flow_log_max_aggregation_interval", "int64", "The longest time in seconds packets are aggregated into one record.")
      .successors(EdgeType.DEFAULT, "aws_s3_bucket")
      .build();

  /** Declares the kind. */
  public AwsEc2FlowLogKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeFlowLogs");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (FlowLog f : ec2.describeFlowLogsPaginator(r -> r.maxResults(1000)).flowLogs()) {
      Node node = ctx.add(node(ctx, f));
      edges(ctx, node, f);
    }
  }

  /** Maps a flow log: id FlowLogId, name the Name tag else the id, ctime CreationTime, ARN from the EC2 template. */
  static Node node(KindContext ctx, FlowLog f) {
    Node.Builder b = ctx.node(KIND, f.flowLogId())
        .name(orElse(nameTag(f.tags()), f.flowLogId()))
        .tags(tags(f.tags()))
        .ctime(f.creationTime())
        .categories("networking")
        .property("flow_log_status", f.flowLogStatus())
        .property("flow_log_deliver_logs_error_message", f.deliverLogsErrorMessage())
        .property("flow_log_deliver_logs_permission_arn", f.deliverLogsPermissionArn())
        .property("flow_log_deliver_cross_account_role", f.deliverCrossAccountRole())
        .property("flow_log_deliver_logs_status", f.deliverLogsStatus())
        .property("flow_log_log_group_name", f.logGroupName())
        .property("flow_log_resource_id", f.resourceId())
        .property("flow_log_traffic_type", f.trafficTypeAsString())
        .property("flow_log_log_destination_type", f.logDestinationTypeAsString())
        .property("flow_log_log_destination", f.logDestination())
        .property("flow_log_log_format", f.logFormat())
        .property("flow_log_destination_options", plain(f.destinationOptions()))
        .property("flow_log_max_aggregation_interval", f.maxAggregationInterval());
    return KindContext.arn(b, Ec2Values.arn(ctx, "flow-log", f.flowLogId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, FlowLog f) {
    ctx.edgeFrom("aws_vpc", f.resourceId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", f.resourceId(), node, EdgeType.DELETE);
    ctx.edge(node, "aws_s3_bucket", bucket(f), EdgeType.DEFAULT);
  }

  /** The bucket an S3 destination names ({@code arn:aws:s3:::bucket/prefix}); null for other destinations. */
  static String bucket(FlowLog f) {
    String d = f.logDestination();
    int start = d == null ? -1 : d.indexOf(":::");
    if (start < 0 || !"s3".equals(f.logDestinationTypeAsString())) {
      return null;
    }
    String rest = d.substring(start + 3);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
