package io.resoto.worker.aws.kinds.elb;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkMaps.orNull;
import static io.resoto.worker.aws.kinds.SdkMaps.plain;
import static io.resoto.worker.aws.kinds.SdkMaps.text;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.Instance;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.TagKeyOnly;

/**
 * {@code aws_elb}: classic load balancers (DescribeLoadBalancers, DescribeTags per 20 names and
 * DescribeLoadBalancerAttributes per load balancer). As in the original, the id is the DNS name
 * and the name the load balancer name; ctime is the creation time. The API gives no ARN; the
 * original formats {@code loadbalancer/<id>} (the DNS name), which is not the ARN AWS uses: this
 * kind formats AWS's own, {@code arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/<name>}.
 *
 * <p>Edges: the load balancer points to its instances, which point to it over delete edges; its
 * VPC, subnets and security groups point to it (default and delete).
 *
 * <p>Usage metrics (the original's AWS/ELB queries) are not collected yet.
 */
public final class AwsElbKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_elb";

  private static final int TAG_BATCH = 20;

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("load_balancer", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_ec2_instance", "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .display("load_balancer", "networking")
      .successors(EdgeType.DEFAULT, "aws_ec2_instance")
      .property("lb_type", "string", "The kind of load balancer: always elb for classic load balancers.")
      .property("backends", "string[]", "The ids of the EC2 instances registered with the load balancer.")
      .property("elb_canonical_hosted_zone_name", "string", "The DNS name of the load balancer's Route 53 hosted zone.")
      .property("elb_canonical_hosted_zone_name_id", "string", "The id of the load balancer's Route 53 hosted zone.")
      .property("elb_listener_descriptions", OBJECTS, "The listeners (protocols, ports, certificate) with their policy names.")
      .property("elb_policies", OBJECT, "The policies: application and load-balancer cookie stickiness, and others by name.")
      .property("elb_backend_server_descriptions", OBJECTS, "The policies per back-end instance port.")
      .property("elb_availability_zones", "string[]", "The availability zones of the load balancer.")
      .property("elb_subnets", "string[]", "The ids of the subnets of a load balancer in a VPC.")
      .property("elb_vpc_id", "string", "The VPC of the load balancer, if in one.")
      .property("elb_instances", "string[]", "The ids of the registered instances.")
      .property("elb_health_check", OBJECT, "The health check: target, interval, timeout, healthy and unhealthy thresholds.")
      .property("elb_source_security_group", OBJECT, "The security group to allow in back-end instances' rules: owner alias and group name.")
      .property("elb_security_groups", "string[]", "The ids of the load balancer's security groups.")
      .property("elb_scheme", "string", "internet-facing or internal.")
      .property("elb_attributes", OBJECT, "The attributes: cross-zone balancing, access log, connection draining, idle timeout, additional ones.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsElbKind() {
    this(400);
  }

  /** The kind listing load balancers in pages of this size (1..400; tests page small estates with it). */
  AwsElbKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "elasticloadbalancing", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags",
        "elasticloadbalancing:DescribeLoadBalancerAttributes");
  }

  /** Tags through elasticloadbalancing:AddTags and RemoveTags with the load balancer's name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("elasticloadbalancing:AddTags"),
        (ctx, key, value) -> ctx.client(ElasticLoadBalancingClient.builder())
            .addTags(r -> r.loadBalancerNames(ctx.name()).tags(Tag.builder().key(key).value(value).build())),
        List.of("elasticloadbalancing:RemoveTags"),
        (ctx, key) -> ctx.client(ElasticLoadBalancingClient.builder())
            .removeTags(r -> r.loadBalancerNames(ctx.name()).tags(TagKeyOnly.builder().key(key).build()))));
  }

  @Override
  public void collect(KindContext ctx) {
    ElasticLoadBalancingClient elb = ctx.client(ElasticLoadBalancingClient.builder());
    List<LoadBalancerDescription> all =
        elb.describeLoadBalancersPaginator(b -> b.pageSize(pageSize)).loadBalancerDescriptions().stream().toList();
    Map<String, Map<String, String>> tags = new HashMap<>();
    for (int i = 0; i < all.size(); i += TAG_BATCH) {
      List<String> names = all.subList(i, Math.min(all.size(), i + TAG_BATCH)).stream()
          .map(LoadBalancerDescription::loadBalancerName).toList();
      for (TagDescription d : elb.describeTags(r -> r.loadBalancerNames(names)).tagDescriptions()) {
        tags.put(d.loadBalancerName(), SdkMaps.tags(d.tags(), Tag::key, Tag::value));
      }
    }
    for (LoadBalancerDescription lb : all) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        LoadBalancerAttributes attributes =
            elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(lb.loadBalancerName())).loadBalancerAttributes();
        Node node = ctx.add(node(ctx, lb, attributes, tags.getOrDefault(lb.loadBalancerName(), Map.of())));
        for (Instance i : lb.instances()) {
          ctx.edge(node, "aws_ec2_instance", i.instanceId(), EdgeType.DEFAULT);
          ctx.edgeFrom("aws_ec2_instance", i.instanceId(), node, EdgeType.DELETE);
        }
        for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
          ctx.edgeFrom("aws_vpc", text(lb.vpcId()), node, type);
          lb.subnets().forEach(s -> ctx.edgeFrom("aws_ec2_subnet", s, node, type));
          lb.securityGroups().forEach(g -> ctx.edgeFrom("aws_ec2_security_group", g, node, type));
        }
      });
    }
  }

  /** Maps a load balancer: id = DNSName, name = LoadBalancerName, ctime = CreatedTime. */
  static Node node(KindContext ctx, LoadBalancerDescription lb, LoadBalancerAttributes attributes,
      Map<String, String> tags) {
    List<String> instances = lb.instances().stream().map(Instance::instanceId).toList();
    Node.Builder b = ctx.node(KIND, lb.dnsName()).name(lb.loadBalancerName()).tags(tags)
        .ctime(lb.createdTime())
        .property("lb_type", "elb")
        .property("backends", orNull(instances))
        .property("elb_canonical_hosted_zone_name", text(lb.canonicalHostedZoneName()))
        .property("elb_canonical_hosted_zone_name_id", text(lb.canonicalHostedZoneNameID()))
        .property("elb_listener_descriptions", plain(lb.listenerDescriptions()))
        .property("elb_policies", plain(lb.policies()))
        .property("elb_backend_server_descriptions", plain(lb.backendServerDescriptions()))
        .property("elb_availability_zones", orNull(lb.availabilityZones()))
        .property("elb_subnets", orNull(lb.subnets()))
        .property("elb_vpc_id", text(lb.vpcId()))
        .property("elb_instances", orNull(instances))
        .property("elb_health_check", plain(lb.healthCheck()))
        .property("elb_source_security_group", plain(lb.sourceSecurityGroup()))
        .property("elb_security_groups", orNull(lb.securityGroups()))
        .property("elb_scheme", text(lb.scheme()))
        .property("elb_attributes", plain(attributes));
    String arn = "arn:" + ctx.partition() + ":elasticloadbalancing:" + ctx.region() + ":" + ctx.account().id()
        + ":loadbalancer/" + lb.loadBalancerName();
    return KindContext.arn(b, arn).build();
  }
}
