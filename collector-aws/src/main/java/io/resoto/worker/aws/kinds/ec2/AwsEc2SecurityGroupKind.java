package io.resoto.worker.aws.kinds.ec2;

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
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * {@code aws_ec2_security_group}: the security groups of a region (EC2 DescribeSecurityGroups), each under its VPC.
 */
public final class AwsEc2SecurityGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_security_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("security_group", KindModel.AWS_RESOURCE)
      .display("security_group", "networking")
      .property("description", "string", "The description of the security group.")
      .property("group_ip_permissions", "dictionary[string, any][]", "The inbound rules of the security group.")
      .property("group_ip_permissions_egress", "dictionary[string, any][]", "The outbound rules of the security group.")
      // a group protects the interfaces and endpoints it is attached to
      .successors(EdgeType.DEFAULT, "aws_ec2_network_interface", "aws_vpc_endpoint")
      .successors(EdgeType.DELETE, "aws_vpc_endpoint")
      .build();

  /** Declares the kind. */
  public AwsEc2SecurityGroupKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeSecurityGroups");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (SecurityGroup g : ec2.describeSecurityGroupsPaginator(r -> r.maxResults(1000)).securityGroups()) {
      Node node = ctx.add(node(ctx, g));
      edges(ctx, node, g);
    }
  }

  /** Maps a security group: id GroupId, name GroupName, ARN from the EC2 template. */
  static Node node(KindContext ctx, SecurityGroup g) {
    Node.Builder b = ctx.node(KIND, g.groupId())
        .name(g.groupName())
        .tags(tags(g.tags()))
        .categories("networking")
        .property("description", g.description())
        .property("group_ip_permissions", plain(g.ipPermissions()))
        .property("group_ip_permissions_egress", plain(g.ipPermissionsEgress()));
    return KindContext.arn(b, Ec2Values.arn(ctx, "security-group", g.groupId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, SecurityGroup g) {
    ctx.edgeFrom("aws_vpc", g.vpcId(), node, EdgeType.DEFAULT);
    ctx.edgeFrom("aws_vpc", g.vpcId(), node, EdgeType.DELETE);
  }
}
