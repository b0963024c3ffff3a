package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2Values.nameTag;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.orElse;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.plain;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.strings;
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
import software.amazon.awssdk.services.ec2.model.SecurityGroupIdentifier;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * {@code aws_vpc_endpoint}: the VPC endpoints of a region (EC2 DescribeVpcEndpoints), under their VPC, subnets, route tables and security groups, pointing at their network interfaces.
 */
public final class AwsVpcEndpointKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_vpc_endpoint";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("endpoint", KindModel.AWS_RESOURCE)
      .display("endpoint", "networking")
      .property("vpc_endpoint_type", "string", "The type of the endpoint (Interface, Gateway, GatewayLoadBalancer).")
      .property("service_name", "string", "The name of the service the endpoint connects to.")
      .property("vpc_endpoint_state", "string", "The state of the endpoint.")
      .property("vpc_endpoint_policy_document", "string", "The policy document of the endpoint (JSON).")
      .property("route_table_ids", "string[]", "The route tables of a gateway endpoint.")
      .property("subnet_ids", "string[]", "The subnets of an interface endpoint.")
      .property("vpc_endpoint_groups", "dictionary[string, any][]", "The security groups of an interface endpoint.")
      .property("vpc_endpoint_ip_address_type", "string", "The IP address type of the endpoint.")
      .property("vpc_endpoint_dns_options", "dictionary[string, any]", "The DNS options of the endpoint.")
      .property("private_dns_enabled", "boolean", "Whether the endpoint has a private hosted zone for the service name.")
      .property("requester_managed", "boolean", "Whether an AWS service manages the endpoint.")
      .property("network_interface_ids", "string[]", "The network interfaces of an interface endpoint.")
      .property("dns_entries", "dictionary[string, any][]", "The DNS names and hosted zones of the endpoint.")
      .property("vpc_endpoint_creation_timestamp", "datetime", "The time the endpoint was created.")
      .property("owner_id", "string", "The id of the AWS account that owns the endpoint.")
      .property("last_error", "dictionary[string, any]", "The last error of the endpoint.")
      .successors(EdgeType.DEFAULT, "aws_ec2_network_interface")
      .build();

  /** Declares the kind. */
  public AwsVpcEndpointKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeVpcEndpoints");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (VpcEndpoint e : ec2.describeVpcEndpointsPaginator(r -> r.maxResults(1000)).vpcEndpoints()) {
      Node node = ctx.add(node(ctx, e));
      edges(ctx, node, e);
    }
  }

  /** Maps a VPC endpoint: id VpcEndpointId, name the Name tag (else the id), no ctime (as the original; the creation time is a property), ARN from the EC2 template. */
  static Node node(KindContext ctx, VpcEndpoint e) {
    Node.Builder b = ctx.node(KIND, e.vpcEndpointId())
        .name(orElse(nameTag(e.tags()), e.vpcEndpointId()))
        .tags(tags(e.tags()))
        .categories("networking")
        .property("vpc_endpoint_type", e.vpcEndpointTypeAsString())
        .property("service_name", e.serviceName())
        .property("vpc_endpoint_state", e.stateAsString())
        .property("vpc_endpoint_policy_document", e.policyDocument())
        .property("route_table_ids", strings(e.routeTableIds()))
        .property("subnet_ids", strings(e.subnetIds()))
        .property("vpc_endpoint_groups", plain(e.groups()))
        .property("vpc_endpoint_ip_address_type", e.ipAddressTypeAsString())
        .property("vpc_endpoint_dns_options", plain(e.dnsOptions()))
        .property("private_dns_enabled", e.privateDnsEnabled())
        .property("requester_managed", e.requesterManaged())
        .property("network_interface_ids", strings(e.networkInterfaceIds()))
        .property("dns_entries", plain(e.dnsEntries()))
        .property("vpc_endpoint_creation_timestamp", e.creationTimestamp())
        .property("owner_id", e.ownerId())
        .property("last_error", plain(e.lastError()));
    return KindContext.arn(b, Ec2Values.arn(ctx, "vpc-endpoint", e.vpcEndpointId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, VpcEndpoint e) {
    ctx.edgeFrom("aws_vpc", e.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", e.vpcId(), node, EdgeType.DELETE);
    for (String rt : e.routeTableIds()) {
      ctx.edgeFrom(AwsEc2RouteTableKind.KIND, rt, node, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsEc2RouteTableKind.KIND, rt, node, EdgeType.DELETE);
    }
    for (String subnet : e.subnetIds()) {
      ctx.edgeFrom(AwsEc2SubnetKind.KIND, subnet, node, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsEc2SubnetKind.KIND, subnet, node, EdgeType.DELETE);
    }
    for (SecurityGroupIdentifier g : e.groups()) {
      ctx.edgeFrom(AwsEc2SecurityGroupKind.KIND, g.groupId(), node, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsEc2SecurityGroupKind.KIND, g.groupId(), node, EdgeType.DELETE);
    }
    for (String eni : e.networkInterfaceIds()) {
      // the endpoint owns its interfaces: they go when it goes
      ctx.edge(node, AwsEc2NetworkInterfaceKind.KIND, eni, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsEc2NetworkInterfaceKind.KIND, eni, node, EdgeType.DELETE);
    }
  }
}
