package io.resoto.worker.aws.kinds.autoscaling;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECTS;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.strings;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * {@code aws_autoscaling_group}: EC2 Auto Scaling groups (DescribeAutoScalingGroups, which carries
 * the tags too). id and name are the group name, ctime its creation time, the ARN the API's
 * {@code AutoScalingGroupARN}. A group points to the instances it runs (and each instance to the
 * group over a delete edge: the group goes first) and to the launch template it launches from.
 */
public final class AwsAutoScalingGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_autoscaling_group";

  private static final String INSTANCE = "aws_ec2_instance";
  private static final String LAUNCH_TEMPLATE = "aws_ec2_launch_template";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("autoscaling_group", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_ec2_instance")
      .display("autoscaling_group", "compute")
      .successors(EdgeType.DEFAULT, INSTANCE, LAUNCH_TEMPLATE)
      .property("min_size", "int64", "The minimum number of instances the group keeps.")
      .property("max_size", "int64", "The maximum number of instances the group may run.")
      .property("autoscaling_desired_capacity", "int64", "The number of instances the group aims to run.")
      .property("autoscaling_launch_configuration_name", "string", "The launch configuration the group launches from, if any.")
      .property("autoscaling_launch_template", OBJECT,
          "The launch template the group launches from: launch_template_id, launch_template_name, version.")
      .property("autoscaling_mixed_instances_policy", OBJECT,
          "The mix of instance types and purchase options (on-demand, spot) with their launch template overrides.")
      .property("autoscaling_predicted_capacity", "int64", "The capacity predictive scaling forecasts.")
      .property("autoscaling_default_cooldown", "int64", "The time after a scaling activity before another may start, in seconds.")
      .property("autoscaling_availability_zones", "string[]", "The availability zones the group launches into.")
      .property("autoscaling_load_balancer_names", "string[]", "The Classic Load Balancers the group registers with.")
      .property("autoscaling_target_group_ar_ns", "string[]", "The ARNs of the load balancer target groups the group registers with.")
      .property("autoscaling_health_check_type", "string", "How instance health is checked: EC2, ELB, VPC_LATTICE, EBS.")
      .property("autoscaling_health_check_grace_period", "int64",
          "How long a new instance may run before its health is checked, in seconds.")
      .property("autoscaling_instances", OBJECTS,
          "The group's instances: instance_id, instance_type, availability_zone, lifecycle_state, health_status, "
              + "launch template or configuration, protected_from_scale_in, weighted_capacity.")
      .property("autoscaling_suspended_processes", OBJECTS, "The scaling processes suspended, with the reason.")
      .property("autoscaling_placement_group", "string", "The placement group the instances are launched into.")
      .property("autoscaling_vpc_zone_identifier", "string", "The subnets the group launches into, comma separated.")
      .property("autoscaling_enabled_metrics", OBJECTS, "The group metrics enabled for CloudWatch, with their granularity.")
      .property("autoscaling_status", "string", "The group's status, e.g. Delete in progress.")
      .property("autoscaling_termination_policies", "string[]", "The policies that choose which instances scale-in terminates.")
      .property("autoscaling_new_instances_protected_from_scale_in", "boolean",
          "Whether new instances are protected from termination by scale-in.")
      .property("autoscaling_service_linked_role_arn", "string", "The service-linked role the group calls other services with.")
      .property("autoscaling_max_instance_lifetime", "int64", "The longest an instance may serve before it is replaced, in seconds.")
      .property("autoscaling_capacity_rebalance", "boolean", "Whether capacity rebalancing replaces spot instances at risk.")
      .property("autoscaling_warm_pool_configuration", OBJECT,
          "The warm pool of pre-initialised instances: sizes, pool state, status, instance reuse policy.")
      .property("autoscaling_warm_pool_size", "int64", "The number of instances in the warm pool.")
      .property("autoscaling_context", "string", "Reserved by AWS.")
      .property("autoscaling_desired_capacity_type", "string", "The unit of the desired capacity: units, vcpu or memory-mib.")
      .property("autoscaling_default_instance_warmup", "int64",
          "How long a new instance takes to warm up before it counts in metrics, in seconds.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsAutoScalingGroupKind() {
    this(100);
  }

  /** The kind listing groups in pages of this size (1..100; tests page small estates with it). */
  AwsAutoScalingGroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "autoscaling", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("autoscaling:DescribeAutoScalingGroups");
  }

  /** Tags through autoscaling:CreateOrUpdateTags and autoscaling:DeleteTags with the group name. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("autoscaling:CreateOrUpdateTags"),
        (ctx, key, value) -> ctx.client(AutoScalingClient.builder()).createOrUpdateTags(r -> r.tags(
            Tag.builder().resourceId(ctx.name()).resourceType("auto-scaling-group").key(key).value(value)
                .propagateAtLaunch(false).build())),
        List.of("autoscaling:DeleteTags"),
        (ctx, key) -> ctx.client(AutoScalingClient.builder()).deleteTags(r -> r.tags(
            Tag.builder().resourceId(ctx.name()).resourceType("auto-scaling-group").key(key).build()))));
  }

  @Override
  public void collect(KindContext ctx) {
    AutoScalingClient autoscaling = ctx.client(AutoScalingClient.builder());
    for (AutoScalingGroup group : autoscaling.describeAutoScalingGroupsPaginator(b -> b.maxRecords(pageSize))
        .autoScalingGroups()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, group));
      for (Instance instance : group.instances()) {
        ctx.edge(node, INSTANCE, instance.instanceId(), EdgeType.DEFAULT);
        ctx.edgeFrom(INSTANCE, instance.instanceId(), node, EdgeType.DELETE);
      }
      if (group.launchTemplate() != null) {
        ctx.edge(node, LAUNCH_TEMPLATE, group.launchTemplate().launchTemplateId(), EdgeType.DEFAULT);
      }
    }
  }

  /** Maps a group: id and name = the group name. */
  static Node node(KindContext ctx, AutoScalingGroup g) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (TagDescription t : g.tags()) {
      tags.put(t.key(), t.value() == null ? "" : t.value());
    }
    Node.Builder b = ctx.node(KIND, g.autoScalingGroupName()).name(g.autoScalingGroupName()).tags(tags)
        .ctime(g.createdTime());
    put(b, "min_size", g.minSize());
    put(b, "max_size", g.maxSize());
    put(b, "autoscaling_desired_capacity", g.desiredCapacity());
    put(b, "autoscaling_launch_configuration_name", g.launchConfigurationName());
    put(b, "autoscaling_launch_template", plain(g.launchTemplate()));
    put(b, "autoscaling_mixed_instances_policy", plain(g.mixedInstancesPolicy()));
    put(b, "autoscaling_predicted_capacity", g.predictedCapacity());
    put(b, "autoscaling_default_cooldown", g.defaultCooldown());
    put(b, "autoscaling_availability_zones", strings(g.availabilityZones()));
    put(b, "autoscaling_load_balancer_names", strings(g.loadBalancerNames()));
    put(b, "autoscaling_target_group_ar_ns", strings(g.targetGroupARNs()));
    put(b, "autoscaling_health_check_type", g.healthCheckType());
    put(b, "autoscaling_health_check_grace_period", g.healthCheckGracePeriod());
    put(b, "autoscaling_instances", plain(g.instances()));
    put(b, "autoscaling_suspended_processes", plain(g.suspendedProcesses()));
    put(b, "autoscaling_placement_group", g.placementGroup());
    put(b, "autoscaling_vpc_zone_identifier", g.vpcZoneIdentifier());
    put(b, "autoscaling_enabled_metrics", plain(g.enabledMetrics()));
    put(b, "autoscaling_status", g.status());
    put(b, "autoscaling_termination_policies", strings(g.terminationPolicies()));
    put(b, "autoscaling_new_instances_protected_from_scale_in", g.newInstancesProtectedFromScaleIn());
    put(b, "autoscaling_service_linked_role_arn", g.serviceLinkedRoleARN());
    put(b, "autoscaling_max_instance_lifetime", g.maxInstanceLifetime());
    put(b, "autoscaling_capacity_rebalance", g.capacityRebalance());
    put(b, "autoscaling_warm_pool_configuration", plain(g.warmPoolConfiguration()));
    put(b, "autoscaling_warm_pool_size", g.warmPoolSize());
    put(b, "autoscaling_context", g.context());
    put(b, "autoscaling_desired_capacity_type", g.desiredCapacityType());
    put(b, "autoscaling_default_instance_warmup", g.defaultInstanceWarmup());
    // AWS always answers the ARN (it holds the group's UUID, which no template can rebuild)
    return KindContext.arn(b, g.autoScalingGroupARN()).build();
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
