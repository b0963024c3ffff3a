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
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * {@code aws_ec2_subnet}: the subnets of a region (EC2 DescribeSubnets), each under its VPC.
 */
public final class AwsEc2SubnetKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_subnet";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("subnet", KindModel.AWS_RESOURCE)
      .display("subnet", "networking")
      .property("availability_zone", "string", "The availability zone of the subnet.")
      .property("availability_zone_id", "string", "The id of the availability zone of the subnet.")
      .property("available_ip_address_count", "int64", "The number of unused private IPv4 addresses in the subnet.")
      .property("cidr_block", "string", "The IPv4 CIDR block of the subnet.")
      .property("default_for_az", "boolean", "Whether this is the default subnet of its availability zone.")
      .property("enable_lni_at_device_index", "int64", "The device index at which local network interfaces are enabled (Outposts).")
      .property("map_public_ip_on_launch", "boolean", "Whether network interfaces created in the subnet get a public IPv4 address.")
      .property("map_customer_owned_ip_on_launch", "boolean", "Whether network interfaces created in the subnet get a customer-owned IPv4 address.")
      .property("customer_owned_ipv4_pool", "string", "The customer-owned IPv4 address pool of the subnet (Outposts).")
      .property("subnet_state", "string", "The state of the subnet (pending, available).")
      .property("owner_id", "string", "The id of the AWS account that owns the subnet.")
      .property("assign_ipv6_address_on_creation", "boolean", "Whether network interfaces created in the subnet get an IPv6 address.")
      .property("subnet_ipv6_cidr_block_association_set", "dictionary[string, any][]", "The IPv6 CIDR blocks associated with the subnet.")
      .property("enable_dns64", "boolean", "Whether DNS queries for IPv6-only destinations get synthetic IPv6 answers (DNS64).")
      .property("ipv6_native", "boolean", "Whether the subnet is IPv6 only.")
      .property("private_dns_name_options_on_launch", "dictionary[string, any]", "How instances launched in the subnet are named in private DNS.")
      .property("outpost_arn", "string", "The ARN of the Outpost the subnet belongs to.")
      // a subnet holds instances, NAT gateways, network ACL associations, interfaces and endpoints
      .successors(EdgeType.DEFAULT, "aws_ec2_instance", "aws_ec2_nat_gateway", "aws_ec2_network_acl", "aws_ec2_network_interface", "aws_vpc_endpoint")
      .successors(EdgeType.DELETE, "aws_ec2_instance", "aws_ec2_nat_gateway", "aws_vpc_endpoint")
      .build();

  /** Declares the kind. */
  public AwsEc2SubnetKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeSubnets");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Subnet s : ec2.describeSubnetsPaginator(r -> r.maxResults(1000)).subnets()) {
      Node node = ctx.add(node(ctx, s));
      edges(ctx, node, s);
    }
  }

  /** Maps a subnet: id SubnetId, name the Name tag else the id, ARN SubnetArn (else the EC2 template). */
  static Node node(KindContext ctx, Subnet s) {
    Node.Builder b = ctx.node(KIND, s.subnetId())
        .name(orElse(nameTag(s.tags()), s.subnetId()))
        .tags(tags(s.tags()))
        .categories("networking")
        .property("availability_zone", s.availabilityZone())
        .property("availability_zone_id", s.availabilityZoneId())
        .property("available_ip_address_count", s.availableIpAddressCount())
        .property("cidr_block", s.cidrBlock())
        .property("default_for_az", s.defaultForAz())
        .property("enable_lni_at_device_index", s.enableLniAtDeviceIndex())
        .property("map_public_ip_on_launch", s.mapPublicIpOnLaunch())
        .property("map_customer_owned_ip_on_launch", s.mapCustomerOwnedIpOnLaunch())
        .property("customer_owned_ipv4_pool", s.customerOwnedIpv4Pool())
        .property("subnet_state", s.stateAsString())
        .property("owner_id", s.ownerId())
        .property("assign_ipv6_address_on_creation", s.assignIpv6AddressOnCreation())
        .property("subnet_ipv6_cidr_block_association_set", plain(s.ipv6CidrBlockAssociationSet()))
        .property("enable_dns64", s.enableDns64())
        .property("ipv6_native", s.ipv6Native())
        .property("private_dns_name_options_on_launch", plain(s.privateDnsNameOptionsOnLaunch()))
        .property("outpost_arn", s.outpostArn());
    return KindContext.arn(b, orElse(s.subnetArn(), Ec2Values.arn(ctx, "subnet", s.subnetId()))).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, Subnet s) {
    ctx.edgeFrom("aws_vpc", s.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", s.vpcId(), node, EdgeType.DELETE);
  }
}
