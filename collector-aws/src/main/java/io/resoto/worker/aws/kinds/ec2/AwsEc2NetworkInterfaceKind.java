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
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;

/**
 * {@code aws_ec2_network_interface}: the network interfaces of a region (EC2 DescribeNetworkInterfaces), under their VPC, subnet, security groups and instance.
 */
public final class AwsEc2NetworkInterfaceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_network_interface";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("network_interface", KindModel.AWS_RESOURCE)
      .display("network_interface", "networking")
      .property("network_interface_status", "string", "The status of the interface (available, in-use, ...).")
      .property("network_interface_type", "string", "The type of the interface (interface, nat_gateway, vpc_endpoint, ...).")
      .property("mac", "string", "The MAC address of the interface.")
      .property("private_ips", "string[]", "The private IPv4 addresses of the interface.")
      .property("public_ips", "string[]", "The public IPv4 addresses associated with the interface.")
      .property("v6_ips", "string[]", "The IPv6 addresses of the interface.")
      .property("description", "string", "The description of the interface.")
      .property("nic_association", "dictionary[string, any]", "The public IPv4 address (elastic IP) associated with the interface.")
      .property("nic_attachment", "dictionary[string, any]", "The instance the interface is attached to, and how.")
      .property("nic_availability_zone", "string", "The availability zone of the interface.")
      .property("nic_groups", "dictionary[string, any][]", "The security groups of the interface.")
      .property("nic_outpost_arn", "string", "The ARN of the Outpost of the interface.")
      .property("nic_owner_id", "string", "The id of the AWS account that owns the interface.")
      .property("nic_private_dns_name", "string", "The private DNS name of the interface.")
      .property("nic_private_ip_address", "string", "The primary private IPv4 address of the interface.")
      .property("nic_private_ip_addresses", "dictionary[string, any][]", "The private IPv4 addresses of the interface with their public associations.")
      .property("nic_ipv4_prefixes", "dictionary[string, any][]", "The IPv4 prefixes delegated to the interface.")
      .property("nic_ipv6_prefixes", "dictionary[string, any][]", "The IPv6 prefixes delegated to the interface.")
      .property("nic_requester_id", "string", "The id of the service or account that created the interface on your behalf.")
      .property("nic_requester_managed", "boolean", "Whether an AWS service manages the interface.")
      .property("nic_source_dest_check", "boolean", "Whether source/destination checking is enabled.")
      .property("nic_deny_all_igw_traffic", "boolean", "Whether traffic to and from internet gateways is denied (IPv6-only subnets).")
      .property("nic_ipv6_native", "boolean", "Whether the interface is IPv6 only.")
      .property("nic_ipv6_address", "string", "The primary IPv6 address of the interface.")
      // an elastic IP is reached through the interface it is associated with
      .successors(EdgeType.DEFAULT, "aws_ec2_elastic_ip")
      .successors(EdgeType.DELETE, "aws_ec2_instance", "aws_ec2_nat_gateway", "aws_vpc_endpoint")
      .build();

  /** Declares the kind. */
  public AwsEc2NetworkInterfaceKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeNetworkInterfaces");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (NetworkInterface n : ec2.describeNetworkInterfacesPaginator(r -> r.maxResults(1000)).networkInterfaces()) {
      Node node = ctx.add(node(ctx, n));
      edges(ctx, node, n);
    }
  }

  /** Maps a network interface: id NetworkInterfaceId, name the Name tag (else the id), tags TagSet, ARN from the EC2 template. */
  static Node node(KindContext ctx, NetworkInterface n) {
    Node.Builder b = ctx.node(KIND, n.networkInterfaceId())
        .name(orElse(nameTag(n.tagSet()), n.networkInterfaceId()))
        .tags(tags(n.tagSet()))
        .categories("networking")
        .property("network_interface_status", n.statusAsString())
        .property("network_interface_type", n.interfaceTypeAsString())
        .property("mac", n.macAddress())
        .property("private_ips", n.privateIpAddresses().stream().map(p -> p.privateIpAddress()).toList())
        .property("public_ips", publicIps(n))
        .property("v6_ips", n.ipv6Addresses().stream().map(p -> p.ipv6Address()).toList())
        .property("description", n.description())
        .property("nic_association", plain(n.association()))
        .property("nic_attachment", plain(n.attachment()))
        .property("nic_availability_zone", n.availabilityZone())
        .property("nic_groups", plain(n.groups()))
        .property("nic_outpost_arn", n.outpostArn())
        .property("nic_owner_id", n.ownerId())
        .property("nic_private_dns_name", n.privateDnsName())
        .property("nic_private_ip_address", n.privateIpAddress())
        .property("nic_private_ip_addresses", plain(n.privateIpAddresses()))
        .property("nic_ipv4_prefixes", plain(n.ipv4Prefixes()))
        .property("nic_ipv6_prefixes", plain(n.ipv6Prefixes()))
        .property("nic_requester_id", n.requesterId())
        .property("nic_requester_managed", n.requesterManaged())
        .property("nic_source_dest_check", n.sourceDestCheck())
        .property("nic_deny_all_igw_traffic", n.denyAllIgwTraffic())
        .property("nic_ipv6_native", n.ipv6Native())
        .property("nic_ipv6_address", n.ipv6Address());
    return KindContext.arn(b, Ec2Values.arn(ctx, "network-interface", n.networkInterfaceId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, NetworkInterface n) {
    ctx.edgeFrom("aws_vpc", n.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", n.vpcId(), node, EdgeType.DELETE);
    ctx.edgeFrom(AwsEc2SubnetKind.KIND, n.subnetId(), node, EdgeType.DEFAULT);
    for (GroupIdentifier g : n.groups()) {
      ctx.edgeFrom(AwsEc2SecurityGroupKind.KIND, g.groupId(), node, EdgeType.DEFAULT);
    }
    if (n.attachment() != null) {
      // the instance uses the interface; the interface must go before the instance can
      ctx.edgeFrom("aws_ec2_instance", n.attachment().instanceId(), node, EdgeType.DEFAULT);
      ctx.edge(node, "aws_ec2_instance", n.attachment().instanceId(), EdgeType.DELETE);
    }
  }

  /** The public IPv4 addresses of the interface: its own association's and those of its private addresses. */
  static List<String> publicIps(NetworkInterface n) {
    List<String> out = new ArrayList<>();
    if (n.association() != null && n.association().publicIp() != null) {
      out.add(n.association().publicIp());
    }
    for (NetworkInterfacePrivateIpAddress p : n.privateIpAddresses()) {
      if (p.association() != null && p.association().publicIp() != null && !out.contains(p.association().publicIp())) {
        out.add(p.association().publicIp());
      }
    }
    return out;
  }
}
