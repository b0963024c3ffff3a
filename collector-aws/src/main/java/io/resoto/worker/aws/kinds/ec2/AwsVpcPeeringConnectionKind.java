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
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnection;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;

/**
 * {@code aws_vpc_peering_connection}: the VPC peering connections of a region (EC2 DescribeVpcPeeringConnections), under the requester and accepter VPCs.
 */
public final class AwsVpcPeeringConnectionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_vpc_peering_connection";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("peering_connection", KindModel.AWS_RESOURCE)
      .display("connect", "networking")
      .property("connection_accepter_vpc_info", "dictionary[string, any]", "The accepter side of the peering: VPC, owner, region, CIDR blocks and options.")
      .property("connection_expiration_time", "datetime", "The time an unaccepted peering request expires.")
      .property("connection_requester_vpc_info", "dictionary[string, any]", "The requester side of the peering: VPC, owner, region, CIDR blocks and options.")
      .property("connection_status", "dictionary[string, any]", "The status code and message of the peering connection.")
      .build();

  /** Declares the kind. */
  public AwsVpcPeeringConnectionKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeVpcPeeringConnections");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (VpcPeeringConnection c : ec2.describeVpcPeeringConnectionsPaginator(r -> r.maxResults(1000)).vpcPeeringConnections()) {
      Node node = ctx.add(node(ctx, c));
      edges(ctx, node, c);
    }
  }

  /** Maps a peering connection: id VpcPeeringConnectionId, name the Name tag else the id, ARN from the EC2 template. */
  static Node node(KindContext ctx, VpcPeeringConnection c) {
    Node.Builder b = ctx.node(KIND, c.vpcPeeringConnectionId())
        .name(orElse(nameTag(c.tags()), c.vpcPeeringConnectionId()))
        .tags(tags(c.tags()))
        .categories("networking")
        .property("connection_accepter_vpc_info", plain(c.accepterVpcInfo()))
        .property("connection_expiration_time", c.expirationTime())
        .property("connection_requester_vpc_info", plain(c.requesterVpcInfo()))
        .property("connection_status", plain(c.status()));
    return KindContext.arn(b, Ec2Values.arn(ctx, "vpc-peering-connection", c.vpcPeeringConnectionId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, VpcPeeringConnection c) {
    for (VpcPeeringConnectionVpcInfo side : new VpcPeeringConnectionVpcInfo[] {c.requesterVpcInfo(), c.accepterVpcInfo()}) {
      if (side != null) {
        // a side in another account or region is not in this graph: the edge is then dropped
        ctx.edgeFrom("aws_vpc", side.vpcId(), node, EdgeType.DEFAULT);
        ctx.edgeFrom("aws_vpc", side.vpcId(), node, EdgeType.DELETE);
      }
    }
  }
}
