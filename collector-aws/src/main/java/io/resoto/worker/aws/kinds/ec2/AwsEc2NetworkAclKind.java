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
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;

/**
 * {@code aws_ec2_network_acl}: the network ACLs of a region (EC2 DescribeNetworkAcls), under their VPC and the subnets they are associated with.
 */
public final class AwsEc2NetworkAclKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_network_acl";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("network_acl", KindModel.AWS_RESOURCE)
      .display("access_control", "networking")
      .property("acl_associations", "dictionary[string, any][]", "The subnets the network ACL is associated with.")
      .property("is_default", "boolean", "Whether this is the default network ACL of its VPC.")
      .property("acl_entries", "dictionary[string, any][]", "The inbound and outbound rules of the network ACL.")
      .successors(EdgeType.DELETE, "aws_ec2_subnet")
      .build();

  /** Declares the kind. */
  public AwsEc2NetworkAclKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeNetworkAcls");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (NetworkAcl a : ec2.describeNetworkAclsPaginator(r -> r.maxResults(100)).networkAcls()) {
      Node node = ctx.add(node(ctx, a));
      edges(ctx, node, a);
    }
  }

  /** Maps a network ACL: id NetworkAclId, name the Name tag (else the id), ARN from the EC2 template. */
  static Node node(KindContext ctx, NetworkAcl a) {
    Node.Builder b = ctx.node(KIND, a.networkAclId())
        .name(orElse(nameTag(a.tags()), a.networkAclId()))
        .tags(tags(a.tags()))
        .categories("networking")
        .property("acl_associations", plain(a.associations()))
        .property("is_default", a.isDefault())
        .property("acl_entries", plain(a.entries()));
    return KindContext.arn(b, Ec2Values.arn(ctx, "network-acl", a.networkAclId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, NetworkAcl a) {
    ctx.edgeFrom("aws_vpc", a.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", a.vpcId(), node, EdgeType.DELETE);
    for (NetworkAclAssociation assoc : a.associations()) {
      // as the original: subnet -> acl for the structure, acl -> subnet for deletion order
      ctx.edgeFrom(AwsEc2SubnetKind.KIND, assoc.subnetId(), node, EdgeType.DEFAULT);
      ctx.edge(node, AwsEc2SubnetKind.KIND, assoc.subnetId(), EdgeType.DELETE);
    }
  }
}
