package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2Values.nameTag;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.orElse;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.plain;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.tags;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.metrics.MetricQuery;
import io.resoto.worker.aws.metrics.MetricWindow;
import io.resoto.worker.aws.metrics.Usage;
import io.resoto.worker.aws.metrics.UsageMetrics;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;

/**
 * {@code aws_ec2_nat_gateway}: the NAT gateways of a region (EC2 DescribeNatGateways), under their VPC and subnet, pointing at the network interfaces they own.
 *
 * <p>Usage, as the original asks CloudWatch (AWS/NATGateway, by NatGatewayId): the Minimum,
 * Average and Maximum over the window of the connection and packet counts
 * ({@code active_connection_count}, {@code packets_drop_count}, ...) and of the byte counts
 * ({@code bytes_out_to_destination_bytes}, ...).
 */
public final class AwsEc2NatGatewayKind extends DeclaredKind implements UsageMetrics {

  /** The CloudWatch metric and the usage name of each counted metric. */
  private static final List<String[]> COUNTS = List.of(
      new String[] {"ActiveConnectionCount", "active_connection"},
      new String[] {"ConnectionAttemptCount", "connection_attempt"},
      new String[] {"ConnectionEstablishedCount", "connection_established"},
      new String[] {"ErrorPortAllocation", "error_port_allocation"},
      new String[] {"IdleTimeoutCount", "idle_timeout"},
      new String[] {"PacketsDropCount", "packets_drop"},
      new String[] {"PacketsInFromDestination", "packets_in_from_destination"},
      new String[] {"PacketsInFromSource", "packets_in_from_source"},
      new String[] {"PacketsOutToDestination", "packets_out_to_destination"},
      new String[] {"PacketsOutToSource", "packets_out_to_source"});
  private static final List<String[]> BYTES = List.of(
      new String[] {"BytesInFromDestination", "bytes_in_from_destination"},
      new String[] {"BytesInFromSource", "bytes_in_from_source"},
      new String[] {"BytesOutToDestination", "bytes_out_to_destination"},
      new String[] {"BytesOutToSource", "bytes_out_to_source"});

  /** The kind name. */
  public static final String KIND = "aws_ec2_nat_gateway";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("gateway", KindModel.AWS_RESOURCE)
      .display("gateway", "networking")
      .property("nat_delete_time", "datetime", "The time the NAT gateway was deleted, if it was.")
      .property("nat_failure_code", "string", "The error code of a failed NAT gateway.")
      .property("nat_failure_message", "string", "The error message of a failed NAT gateway.")
      .property("nat_gateway_addresses", "dictionary[string, any][]", "The IP addresses and network interfaces of the NAT gateway.")
      .property("nat_provisioned_bandwidth", "dictionary[string, any]", "The provisioned bandwidth of the NAT gateway (Direct Connect).")
      .property("nat_state", "string", "The state of the NAT gateway (pending, available, deleting, deleted, failed).")
      .property("nat_connectivity_type", "string", "Whether the NAT gateway is public or private.")
      .successors(EdgeType.DEFAULT, "aws_ec2_network_interface")
      .build();

  /** Declares the kind. */
  public AwsEc2NatGatewayKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudwatch:GetMetricData", "ec2:DescribeNatGateways");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (NatGateway n : ec2.describeNatGatewaysPaginator(r -> r.maxResults(1000)).natGateways()) {
      Node node = ctx.add(node(ctx, n));
      edges(ctx, node, n);
    }
  }

  @Override
  public List<MetricQuery> metricQueries(Node node, MetricWindow window) {
    List<MetricQuery> queries = new ArrayList<>();
    for (String stat : List.of("Minimum", "Average", "Maximum")) {
      for (String[] m : COUNTS) {
        queries.add(MetricQuery.of("AWS/NATGateway", m[0], "NatGatewayId", node.resourceId(), window.usage(), stat,
            "Count").usage(Usage.latest(m[1], Usage.COUNT)));
      }
      for (String[] m : BYTES) {
        queries.add(MetricQuery.of("AWS/NATGateway", m[0], "NatGatewayId", node.resourceId(), window.usage(), stat,
            "Bytes").usage(Usage.latest(m[1], Usage.BYTES)));
      }
    }
    return queries;
  }

  /** Maps a NAT gateway: id NatGatewayId, name the Name tag (else the id), ctime CreateTime, ARN from the EC2 template. */
  static Node node(KindContext ctx, NatGateway n) {
    Node.Builder b = ctx.node(KIND, n.natGatewayId())
        .name(orElse(nameTag(n.tags()), n.natGatewayId()))
        .tags(tags(n.tags()))
        .ctime(n.createTime())
        .categories("networking")
        .property("nat_delete_time", n.deleteTime())
        .property("nat_failure_code", n.failureCode())
        .property("nat_failure_message", n.failureMessage())
        .property("nat_gateway_addresses", plain(n.natGatewayAddresses()))
        .property("nat_provisioned_bandwidth", plain(n.provisionedBandwidth()))
        .property("nat_state", n.stateAsString())
        .property("nat_connectivity_type", n.connectivityTypeAsString());
    return KindContext.arn(b, Ec2Values.arn(ctx, "nat-gateway", n.natGatewayId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, NatGateway n) {
    ctx.edgeFrom("aws_vpc", n.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", n.vpcId(), node, EdgeType.DELETE);
    ctx.edgeFrom("aws_ec2_subnet", n.subnetId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_ec2_subnet", n.subnetId(), node, EdgeType.DELETE);
    for (NatGatewayAddress a : n.natGatewayAddresses()) {
      // the gateway owns its interfaces: they go when it goes
      ctx.edge(node, AwsEc2NetworkInterfaceKind.KIND, a.networkInterfaceId(), EdgeType.DEFAULT);
      ctx.edgeFrom(AwsEc2NetworkInterfaceKind.KIND, a.networkInterfaceId(), node, EdgeType.DELETE);
    }
  }
}
