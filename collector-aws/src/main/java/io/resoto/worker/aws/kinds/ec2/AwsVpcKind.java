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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcCidrBlockAssociation;

/**
 * {@code aws_vpc}: the VPCs of a region (EC2 DescribeVpcs). The network everything else of EC2
 * networking hangs under: its edges to subnets, gateways, ... are made by those kinds, from the
 * VPC id they carry.
 */
public final class AwsVpcKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_vpc";

  private static final String[] CHILDREN = {
      "aws_ec2_flow_log", "aws_ec2_internet_gateway", "aws_ec2_nat_gateway", "aws_ec2_network_acl",
      "aws_ec2_network_interface", "aws_ec2_route_table", "aws_ec2_security_group", "aws_ec2_subnet",
      "aws_vpc_endpoint", "aws_vpc_peering_connection"};

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("network", KindModel.AWS_RESOURCE)
      .display("network", "networking")
      .property("vpc_cidr_block", "string", "The primary IPv4 CIDR block of the VPC.")
      .property("vpc_dhcp_options_id", "string", "The id of the DHCP options set associated with the VPC.")
      .property("vpc_state", "string", "The state of the VPC (pending, available).")
      .property("vpc_owner_id", "string", "The id of the AWS account that owns the VPC.")
      .property("vpc_instance_tenancy", "string", "The allowed tenancy of instances launched into the VPC.")
      .property("vpc_ipv6_cidr_block_association_set", "dictionary[string, any][]",
          "The IPv6 CIDR blocks associated with the VPC, with their association state.")
      .property("vpc_cidr_block_association_set", "dictionary[string, any][]",
          "The IPv4 CIDR blocks associated with the VPC, with their association state.")
      .property("vpc_is_default", "boolean", "Whether this is the region's default VPC.")
      // the VPC owns the network resources inside it; deleting them goes before deleting the VPC
      .successors(EdgeType.DEFAULT, CHILDREN)
      .successors(EdgeType.DELETE, CHILDREN)
      .build();

  /** Declares the kind. */
  public AwsVpcKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeVpcs");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Vpc vpc : ec2.describeVpcsPaginator(b -> b.maxResults(1000)).vpcs()) {
      ctx.add(node(ctx, vpc));
    }
  }

  /** Maps a VPC: id VpcId, name the Name tag else the id, ARN from the EC2 template. */
  static Node node(KindContext ctx, Vpc vpc) {
    List<String> cidrs = new ArrayList<>();
    for (VpcCidrBlockAssociation a : vpc.cidrBlockAssociationSet()) {
      if (a.cidrBlock() != null) {
        cidrs.add(a.cidrBlock());
      }
    }
    if (cidrs.isEmpty() && vpc.cidrBlock() != null) {
      cidrs.add(vpc.cidrBlock());
    }
    Node.Builder b = ctx.node(KIND, vpc.vpcId())
        .name(orElse(nameTag(vpc.tags()), vpc.vpcId()))
        .tags(tags(vpc.tags()))
        .categories("networking")
        .property("cidr_blocks", cidrs)
        .property("vpc_cidr_block", vpc.cidrBlock())
        .property("vpc_dhcp_options_id", vpc.dhcpOptionsId())
        .property("vpc_state", vpc.stateAsString())
        .property("vpc_owner_id", vpc.ownerId())
        .property("vpc_instance_tenancy", vpc.instanceTenancyAsString())
        .property("vpc_ipv6_cidr_block_association_set", plain(vpc.ipv6CidrBlockAssociationSet()))
        .property("vpc_cidr_block_association_set", plain(vpc.cidrBlockAssociationSet()))
        .property("vpc_is_default", vpc.isDefault());
    return KindContext.arn(b, Ec2Values.arn(ctx, "vpc", vpc.vpcId())).build();
  }

}
