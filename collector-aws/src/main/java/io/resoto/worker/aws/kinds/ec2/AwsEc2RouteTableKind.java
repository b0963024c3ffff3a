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
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * {@code aws_ec2_route_table}: the route tables of a region (EC2 DescribeRouteTables), each under its VPC.
 */
public final class AwsEc2RouteTableKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_route_table";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("routing_table", KindModel.AWS_RESOURCE)
      .display("routing_table", "networking")
      .property("route_table_associations", "dictionary[string, any][]", "The subnets and gateways the route table is associated with.")
      .property("route_table_routes", "dictionary[string, any][]", "The routes of the route table.")
      .property("route_table_propagating_vgws", "dictionary[string, any][]", "The virtual private gateways that propagate routes into the table.")
      .property("owner_id", "string", "The id of the AWS account that owns the route table.")
      // gateway endpoints are reached through the route tables that name them
      .successors(EdgeType.DEFAULT, "aws_vpc_endpoint")
      .successors(EdgeType.DELETE, "aws_vpc_endpoint")
      .build();

  /** Declares the kind. */
  public AwsEc2RouteTableKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeRouteTables");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (RouteTable t : ec2.describeRouteTablesPaginator(r -> r.maxResults(100)).routeTables()) {
      Node node = ctx.add(node(ctx, t));
      edges(ctx, node, t);
    }
  }

  /** Maps a route table: id RouteTableId, name the Name tag else the id, ARN from the EC2 template. */
  static Node node(KindContext ctx, RouteTable t) {
    Node.Builder b = ctx.node(KIND, t.routeTableId())
        .name(orElse(nameTag(t.tags()), t.routeTableId()))
        .tags(tags(t.tags()))
        .categories("networking")
        .property("route_table_associations", plain(t.associations()))
        .property("route_table_routes", plain(t.routes()))
        .property("route_table_propagating_vgws", plain(t.propagatingVgws()))
        .property("owner_id", t.ownerId());
    return KindContext.arn(b, Ec2Values.arn(ctx, "route-table", t.routeTableId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, RouteTable t) {
    ctx.edgeFrom("aws_vpc", t.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", t.vpcId(), node, EdgeType.DELETE);
  }
}
