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
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

/**
 * {@code aws_ec2_internet_gateway}: the internet gateways of a region (EC2 DescribeInternetGateways), under the VPCs they are attached to.
 */
public final class AwsEc2InternetGatewayKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_internet_gateway";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("gateway", KindModel.AWS_RESOURCE)
      .display("gateway", "networking")
      .property("internet_gateway_attachments", "dictionary[string, any][]", "The VPCs the gateway is attached to, with the state of each attachment.")
      .build();

  /** Declares the kind. */
  public AwsEc2InternetGatewayKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeInternetGateways");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (InternetGateway g : ec2.describeInternetGatewaysPaginator(r -> r.maxResults(1000)).internetGateways()) {
      Node node = ctx.add(node(ctx, g));
      edges(ctx, node, g);
    }
  }

  /** Maps an internet gateway: id InternetGatewayId, name the Name tag else the id, ARN from the EC2 template. */
  static Node node(KindContext ctx, InternetGateway g) {
    Node.Builder b = ctx.node(KIND, g.internetGatewayId())
        .name(orElse(nameTag(g.tags()), g.internetGatewayId()))
        .tags(tags(g.tags()))
        .categories("networking")
        .property("internet_gateway_attachments", plain(g.attachments()));
    return KindContext.arn(b, Ec2Values.arn(ctx, "internet-gateway", g.internetGatewayId())).build();
  }

  /** The original's edges of this kind, by the other end's resource id. */
  static void edges(KindContext ctx, Node node, InternetGateway g) {
    for (InternetGatewayAttachment a : g.attachments()) {
      ctx.edgeFrom("aws_vpc", a.vpcId(), node, EdgeType.DEFAULT);
      ctx.edgeFrom("aws_vpc", a.vpcId(), node, EdgeType.DELETE);
    }
  }
}
