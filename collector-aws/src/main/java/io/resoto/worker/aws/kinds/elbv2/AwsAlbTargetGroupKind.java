package io.resoto.worker.aws.kinds.elbv2;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkMaps.int64;
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
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * {@code aws_alb_target_group}: ELBv2 target groups (DescribeTargetGroups, then
 * DescribeTargetHealth per group and DescribeTags per 20). id and name are the target group name,
 * the ARN {@code TargetGroupArn}.
 *
 * <p>Edges: each load balancer of the group points to it, and the group to the load balancer over
 * a delete edge (the group goes first); the group points to its registered EC2 instances, which
 * point to it over a delete edge; its VPC points to it (default and delete).
 *
 * <p>Usage metrics (the original's AWS/ApplicationELB target group queries) are not collected yet.
 */
public final class AwsAlbTargetGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_alb_target_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_ec2_instance", "aws_vpc")
      .predecessors(EdgeType.DEFAULT, "aws_vpc")
      .display("load_balancer", "networking")
      .successors(EdgeType.DEFAULT, "aws_ec2_instance")
      .successors(EdgeType.DELETE, AwsAlbKind.KIND)
      .property("target_type", "string", "What the group routes to: instance, ip, lambda or alb.")
      .property("protocol", "string", "The protocol of traffic to the targets, e.g. HTTP, HTTPS, TCP, GENEVE.")
      .property("protocol_version", "string", "The protocol version for HTTP(S): HTTP1, HTTP2 or GRPC.")
      .property("port", "int64", "The port the targets receive traffic on.")
      .property("vpc_id", "string", "The VPC of the targets.")
      .property("ip_address_type", "string", "The address type of the targets: ipv4 or ipv6.")
      .property("health_check_protocol", "string", "The protocol of the health checks.")
      .property("health_check_port", "string", "The port of the health checks, or traffic-port.")
      .property("health_check_enabled", "boolean", "Whether health checks are enabled.")
      .property("health_check_interval_seconds", "int64", "The time between health checks of a target, in seconds.")
      .property("health_check_timeout_seconds", "int64", "How long without answer counts as a failed check, in seconds.")
      .property("healthy_threshold_count", "int64", "How many passed checks in a row make an unhealthy target healthy.")
      .property("unhealthy_threshold_count", "int64", "How many failed checks in a row make a target unhealthy.")
      .property("health_check_path", "string", "The path of HTTP(S) health checks.")
      .property("matcher", OBJECT, "The HTTP or gRPC codes a healthy target answers with.")
      .property("load_balancer_arns", "string[]", "The ARNs of the load balancers that route to the group.")
      .property("target_health", OBJECTS, "The registered targets (id, port, zone) with their health state, reason and description.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsAlbTargetGroupKind() {
    this(400);
  }

  /** The kind listing target groups in pages of this size (1..400; tests page small estates with it). */
  AwsAlbTargetGroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "elasticloadbalancing", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
        "elasticloadbalancing:DescribeTags");
  }

  /** Tags through elasticloadbalancing:AddTags and RemoveTags with the target group's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Elbv2Tags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.builder());
    List<TargetGroup> all = elb.describeTargetGroupsPaginator(b -> b.pageSize(pageSize)).targetGroups().stream().toList();
    Map<String, Map<String, String>> tags = Elbv2Tags.read(elb, all.stream().map(TargetGroup::targetGroupArn).toList());
    for (TargetGroup tg : all) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        List<TargetHealthDescription> health =
            elb.describeTargetHealth(b -> b.targetGroupArn(tg.targetGroupArn())).targetHealthDescriptions();
        Node node = ctx.add(node(ctx, tg, health, tags.getOrDefault(tg.targetGroupArn(), Map.of())));
        for (String lbArn : tg.loadBalancerArns()) {
          String lb = Elbv2Tags.loadBalancerName(lbArn);
          ctx.edgeFrom(AwsAlbKind.KIND, lb, node, EdgeType.DEFAULT);
          ctx.edge(node, AwsAlbKind.KIND, lb, EdgeType.DELETE);
        }
        if (tg.targetType() == TargetTypeEnum.INSTANCE) {
          for (TargetHealthDescription h : health) {
            ctx.edge(node, "aws_ec2_instance", h.target().id(), EdgeType.DEFAULT);
            ctx.edgeFrom("aws_ec2_instance", h.target().id(), node, EdgeType.DELETE);
          }
        }
        ctx.edgeFrom("aws_vpc", text(tg.vpcId()), node, EdgeType.DEFAULT);
        ctx.edgeFrom("aws_vpc", text(tg.vpcId()), node, EdgeType.DELETE);
      });
    }
  }

  /** Maps a target group: id and name = TargetGroupName. */
  static Node node(KindContext ctx, TargetGroup tg, List<TargetHealthDescription> health, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, tg.targetGroupName()).name(tg.targetGroupName()).tags(tags)
        .property("target_type", text(tg.targetTypeAsString()))
        .property("protocol", text(tg.protocolAsString()))
        .property("protocol_version", text(tg.protocolVersion()))
        .property("port", int64(tg.port()))
        .property("vpc_id", text(tg.vpcId()))
        .property("ip_address_type", text(tg.ipAddressTypeAsString()))
        .property("health_check_protocol", text(tg.healthCheckProtocolAsString()))
        .property("health_check_port", text(tg.healthCheckPort()))
        .property("health_check_enabled", tg.healthCheckEnabled())
        .property("health_check_interval_seconds", int64(tg.healthCheckIntervalSeconds()))
        .property("health_check_timeout_seconds", int64(tg.healthCheckTimeoutSeconds()))
        .property("healthy_threshold_count", int64(tg.healthyThresholdCount()))
        .property("unhealthy_threshold_count", int64(tg.unhealthyThresholdCount()))
        .property("health_check_path", text(tg.healthCheckPath()))
        .property("matcher", plain(tg.matcher()))
        .property("load_balancer_arns", orNull(tg.loadBalancerArns()))
        .property("target_health", plain(health));
    return KindContext.arn(b, tg.targetGroupArn()).build();
  }
}
