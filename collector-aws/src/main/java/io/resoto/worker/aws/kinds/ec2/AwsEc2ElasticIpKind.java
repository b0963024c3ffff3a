package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2Values.nameTag;
import static io.resoto.worker.aws.kinds.ec2.Ec2Values.orElse;
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
import software.amazon.awssdk.services.ec2.model.Address;

/**
 * {@code aws_ec2_elastic_ip}: the elastic IP addresses of a region (EC2 DescribeAddresses, which has no pagination), under the instance or network interface they are associated with.
 */
public final class AwsEc2ElasticIpKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_elastic_ip";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("ip_address", KindModel.AWS_RESOURCE)
      .display("network_address", "networking")
      .property("ip_address", "string", "The public IPv4 address.")
      .property("ip_address_family", "string", "The address family: ipv4.")
      .property("instance_id", "string", "The id of the instance the address is associated with.")
      .property("allocation_id", "string", "The id of the allocation of the address.")
      .property("association_id", "string", "The id of the association of the address with an instance or interface.")
      .property("domain", "string", "Whether the address is for use in a VPC (vpc) or EC2-Classic (standard).")
      .property("network_interface_id", "string", "The id of the network interface the address is associated with.")
      .property("network_interface_owner_id", "string", "The id of the AWS account that owns the network interface.")
      .property("private_ip_address", "string", "The private IPv4 address the address is mapped to.")
      .property("public_ipv4_pool", "string", "The pool the address was allocated from.")
      .property("network_border_group", "string", "The network border group the address is advertised from.")
      .property("customer_owned_ip", "string", "The customer-owned IP address (Outposts).")
      .property("customer_owned_ipv4_pool", "string", "The customer-owned IPv4 address pool (Outposts).")
      .property("carrier_ip", "string", "The carrier IP address (Wavelength zones).")
      .successors(EdgeType.DELETE, "aws_ec2_instance", "aws_ec2_network_interface")
      .build();

  /** Declares the kind. */
  public AwsEc2ElasticIpKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the allocation id (the node id is the address). */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ALLOCATION_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeAddresses");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Address a : ec2.describeAddresses(r -> {}).addresses()) {
      Node node = ctx.add(node(ctx, a));
      edges(ctx, node, a);
    }
  }

  /** Maps an address: id PublicIp, name the instance id, else the Name tag, else the interface id (else the address), ARN from the EC2 template with the name. */
  static Node node(KindContext ctx, Address a) {
    Node.Builder b = ctx.node(KIND, a.publicIp())
        .name(orElse(a.instanceId(), nameTag(a.tags()), a.networkInterfaceId(), a.publicIp()))
        .tags(tags(a.tags()))
        .categories("networking")
        .property("ip_address", a.publicIp())
        .property("ip_address_family", "ipv4")
        .property("instance_id", a.instanceId())
        .property("allocation_id", a.allocationId())
        .property("association_id", a.associationId())
        .property("domain", a.domainAsString())
        .property("network_interface_id", a.networkInterfaceId())
        .property("network_interface_owner_id", a.networkInterfaceOwnerId())
        .property("private_ip_address", a.privateIpAddress())
        .property("public_ipv4_pool", a.publicIpv4Pool())
        .property("network_border_group", a.networkBorderGroup())
        .property("customer_owned_ip", a.customerOwnedIp())
        .property("customer_owned_ipv4_pool", a.customerOwnedIpv4Pool())
        .property("carrier_ip", a.carrierIp());
    return KindContext.arn(b, Ec2Values.arn(ctx, "elastic-ip", orElse(a.instanceId(), nameTag(a.tags()), a.networkInterfaceId(), a.publicIp()))).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, Address a) {
    // what the address is associated with reaches it; it must be released before that goes
    ctx.edgeFrom("aws_ec2_instance", a.instanceId(), node, EdgeType.DEFAULT);
    ctx.edge(node, "aws_ec2_instance", a.instanceId(), EdgeType.DELETE);
    ctx.edgeFrom(AwsEc2NetworkInterfaceKind.KIND, a.networkInterfaceId(), node, EdgeType.DEFAULT);
    ctx.edge(node, AwsEc2NetworkInterfaceKind.KIND, a.networkInterfaceId(), EdgeType.DELETE);
  }
}
