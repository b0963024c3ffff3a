package io.resoto.worker.aws.kinds.elbv2;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkMaps.orNull;
import static io.resoto.worker.aws.kinds.SdkMaps.plain;
import static io.resoto.worker.aws.kinds.SdkMaps.text;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * {@code aws_alb}: Elastic Load Balancing v2 load balancers, application, network and gateway
 * (DescribeLoadBalancers, then DescribeListeners per load balancer and DescribeTags per 20). id and
 * name are the load balancer name, ctime its creation time, the ARN {@code LoadBalancerArn}.
 *
 * <p>Edges: its VPC, subnets and security groups point to it (default and delete edges); the
 * target groups' kind links them to their load balancers.
 *
 * <p>Usage metrics (the original's AWS/ApplicationELB queries) are not collected yet.
 */
public final class AwsAlbKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_alb";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("load_balancer", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .display("load_balancer", "networking")
      .successors(EdgeType.DEFAULT, AwsAlbTargetGroupKind.KIND)
      .property("lb_type", "string", "The kind of load balancer: always alb for ELBv2 load balancers.")
      .property("alb_dns_name", "string", "The public DNS name of the load balancer.")
      .property("alb_canonical_hosted_zone_id", "string", "The Route 53 hosted zone of the load balancer's DNS name.")
      .property("alb_scheme", "string", "internet-facing (public addresses) or internal (private addresses only).")
      .property("alb_vpc_id", "string", "The VPC the load balancer is in.")
      .property("alb_state", OBJECT, "The state (provisioning, active, active_impaired, failed) and its reason.")
      .property("alb_type", "string", "The type: application, network or gateway.")
      .property("alb_availability_zones", OBJECTS, "The zones the load balancer serves: zone, subnet, outpost, addresses.")
      .property("alb_security_groups", "string[]", "The ids of the load balancer's security groups.")
      .property("alb_ip_address_type", "string", "The address types of clients: ipv4, dualstack or dualstack-without-public-ipv4.")
      .property("alb_customer_owned_ipv4_pool", "string", "The customer-owned address pool (Outposts), if any.")
      .property("alb_enforce_security_group_inbound_rules_on_private_link_traffic", "string",
          "Whether a network load balancer's security group rules apply to PrivateLink traffic (on or off).")
      .property("alb_listener", OBJECTS, "The listeners: port, protocol, certificates, SSL policy, default actions, ALPN policy.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsAlbKind() {
    this(400);
  }

  /** The kind listing load balancers in pages of this size (1..400; tests page small estates with it). */
  AwsAlbKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "elasticloadbalancing", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeTags");
  }

  /** Tags through elasticloadbalancing:AddTags and RemoveTags with the load balancer's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Elbv2Tags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.builder());
    List<LoadBalancer> all = elb.describeLoadBalancersPaginator(b -> b.pageSize(pageSize)).loadBalancers().stream().toList();
    Map<String, Map<String, String>> tags = Elbv2Tags.read(elb, all.stream().map(LoadBalancer::loadBalancerArn).toList());
    for (LoadBalancer lb : all) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        List<Listener> listeners = elb.describeListenersPaginator(b -> b.loadBalancerArn(lb.loadBalancerArn()).pageSize(pageSize))
            .listeners().stream().toList();
        Node node = ctx.add(node(ctx, lb, listeners, tags.getOrDefault(lb.loadBalancerArn(), Map.of())));
        for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
          ctx.edgeFrom("aws_vpc", text(lb.vpcId()), node, type);
          for (AvailabilityZone az : lb.availabilityZones()) {
            ctx.edgeFrom("aws_ec2_subnet", text(az.subnetId()), node, type);
          }
          lb.securityGroups().forEach(g -> ctx.edgeFrom("aws_ec2_security_group", g, node, type));
        }
      });
    }
  }

  /** Maps a load balancer: id and name = LoadBalancerName, ctime = CreatedTime. */
  static Node node(KindContext ctx, LoadBalancer lb, List<Listener> listeners, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, lb.loadBalancerName()).name(lb.loadBalancerName()).tags(tags)
        .ctime(lb.createdTime())
        .property("lb_type", "alb")
        .property("alb_dns_name", text(lb.dnsName()))
        .property("alb_canonical_hosted_zone_id", text(lb.canonicalHostedZoneId()))
        .property("alb_scheme", text(lb.schemeAsString()))
        .property("alb_vpc_id", text(lb.vpcId()))
        .property("alb_state", plain(lb.state()))
        .property("alb_type", text(lb.typeAsString()))
        .property("alb_availability_zones", plain(lb.availabilityZones()))
        .property("alb_security_groups", orNull(lb.securityGroups()))
        .property("alb_ip_address_type", text(lb.ipAddressTypeAsString()))
        .property("alb_customer_owned_ipv4_pool", text(lb.customerOwnedIpv4Pool()))
        .property("alb_enforce_security_group_inbound_rules_on_private_link_traffic",
            text(lb.enforceSecurityGroupInboundRulesOnPrivateLinkTraffic()))
        .property("alb_listener", plain(listeners));
    return KindContext.arn(b, lb.loadBalancerArn()).build();
  }
}
