package io.resoto.worker.aws.kinds.ecs;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.TaskSet;

/**
 * {@code aws_ecs_service}: the services of every ECS cluster (ListClusters, then per cluster
 * ListServices and DescribeServices for up to 10 at a time with tags; the original collects them
 * inside the cluster with the same calls). id and name are the service name, ctime
 * {@code createdAt}.
 *
 * <p>Edges as the original: its cluster points to it; it points to its load balancer target groups
 * and classic load balancers (which point back for deletion), to its task definition and to the
 * capacity providers of its, its task sets' and its deployments' strategies; the subnets and
 * security groups of those network configurations point to it (default and delete), and so does
 * its IAM role (by ARN).
 */
public final class AwsEcsServiceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecs_service";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_ec2_subnet", "aws_iam_role")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group", "aws_ec2_subnet", "aws_iam_role")
      .display("service", "compute")
      .successors(EdgeType.DEFAULT, EcsSupport.ALB_TARGET_GROUP, EcsSupport.ELB, AwsEcsCapacityProviderKind.KIND,
          AwsEcsTaskDefinitionKind.KIND)
      .property("status", "string", "The service's state: ACTIVE, DRAINING or INACTIVE.")
      .property("cluster_arn", "string", "The ARN of the cluster the service runs in.")
      .property("service_load_balancers", OBJECTS,
          "The load balancers serving the service: target group ARN or classic load balancer name, container name and port.")
      .property("service_registries", OBJECTS, "The Cloud Map service registries of the service.")
      .property("service_desired_count", "int64", "The number of tasks the service should run.")
      .property("service_running_count", "int64", "The number of tasks in the RUNNING state.")
      .property("service_pending_count", "int64", "The number of tasks in the PENDING state.")
      .property("service_launch_type", "string", "The launch type: EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES.")
      .property("service_capacity_provider_strategy", OBJECTS,
          "The capacity provider strategy: capacity provider, weight and base.")
      .property("service_platform_version", "string", "The Fargate platform version the tasks run on.")
      .property("service_platform_family", "string", "The operating system family of the Fargate platform.")
      .property("service_task_definition", "string", "The task definition the service runs (ARN or family:revision).")
      .property("service_deployment_configuration", OBJECT,
          "How deployments run: circuit breaker, maximum percent and minimum healthy percent.")
      .property("service_task_sets", OBJECTS, "The task sets of an EXTERNAL or CODE_DEPLOY deployment.")
      .property("service_deployments", OBJECTS, "The current deployments: status, task definition, counts, rollout state.")
      .property("service_role_arn", "string", "The ARN of the IAM role that lets ECS call the load balancer for the service.")
      .property("service_events", OBJECTS, "The latest events of the service: id, time and message.")
      .property("service_placement_constraints", OBJECTS, "The placement constraints: type and expression.")
      .property("service_placement_strategy", OBJECTS, "The placement strategy: type and field.")
      .property("service_network_configuration", OBJECT,
          "The awsvpc network settings: subnets, security groups and whether a public IP is assigned.")
      .property("service_health_check_grace_period_seconds", "int64",
          "How long load balancer health checks are ignored after a task starts, in seconds.")
      .property("service_scheduling_strategy", "string", "The scheduling strategy: REPLICA or DAEMON.")
      .property("service_deployment_controller", "string", "The deployment controller type: ECS, CODE_DEPLOY or EXTERNAL.")
      .property("service_created_by", "string", "The principal (ARN) that created the service.")
      .property("service_enable_ecs_managed_tags", "boolean", "Whether ECS tags the service's tasks with managed tags.")
      .property("service_propagate_tags", "string", "Where task tags are copied from: TASK_DEFINITION, SERVICE or NONE.")
      .property("service_enable_execute_command", "boolean", "Whether ECS Exec is enabled for the service's tasks.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcsServiceKind() {
    this(100);
  }

  /** The kind listing in pages of this size (1..100). */
  AwsEcsServiceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecs:ListClusters", "ecs:ListServices", "ecs:DescribeServices");
  }

  /** Tags through ecs:TagResource and ecs:UntagResource with the service's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EcsSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    EcsClient ecs = ctx.client(EcsClient.builder());
    for (String cluster : EcsSupport.clusterArns(ctx, ecs, pageSize)) {
      List<String> arns = new ArrayList<>();
      ecs.listServicesPaginator(b -> b.cluster(cluster).maxResults(pageSize)).serviceArns().forEach(arns::add);
      for (List<String> batch : EcsSupport.chunks(arns, 10)) {
        if (ctx.isCancelled()) {
          return;
        }
        for (Service s : ecs.describeServices(b -> b.cluster(cluster).services(batch).include(ServiceField.TAGS))
            .services()) {
          Node node = ctx.add(node(ctx, s));
          ctx.edgeFrom(AwsEcsClusterKind.KIND, EcsSupport.clusterName(s.clusterArn()), node, EdgeType.DEFAULT);
          edges(ctx, node, s);
        }
      }
    }
  }

  private static void edges(KindContext ctx, Node node, Service s) {
    for (LoadBalancer lb : s.loadBalancers()) {
      ctx.edgeToArn(node, EcsSupport.ALB_TARGET_GROUP, lb.targetGroupArn(), EdgeType.DEFAULT);
      ctx.edgeFromArn(EcsSupport.ALB_TARGET_GROUP, lb.targetGroupArn(), node, EdgeType.DELETE);
      ctx.edge(node, EcsSupport.ELB, lb.loadBalancerName(), EdgeType.DEFAULT);
      ctx.edgeFrom(EcsSupport.ELB, lb.loadBalancerName(), node, EdgeType.DELETE);
    }
    ctx.edge(node, AwsEcsTaskDefinitionKind.KIND, taskDefinitionId(s.taskDefinition()), EdgeType.DEFAULT);
    ctx.edgeFromArn(EcsSupport.IAM_ROLE, s.roleArn(), node, EdgeType.DEFAULT);
    ctx.edgeFromArn(EcsSupport.IAM_ROLE, s.roleArn(), node, EdgeType.DELETE);
    List<NetworkConfiguration> networks = new ArrayList<>();
    Set<String> providers = new LinkedHashSet<>();
    networks.add(s.networkConfiguration());
    s.capacityProviderStrategy().forEach(i -> providers.add(i.capacityProvider()));
    for (TaskSet t : s.taskSets()) {
      networks.add(t.networkConfiguration());
      t.capacityProviderStrategy().forEach(i -> providers.add(i.capacityProvider()));
    }
    for (Deployment d : s.deployments()) {
      networks.add(d.networkConfiguration());
      d.capacityProviderStrategy().stream().map(CapacityProviderStrategyItem::capacityProvider).forEach(providers::add);
    }
    Set<String> groups = new LinkedHashSet<>();
    Set<String> subnets = new LinkedHashSet<>();
    for (NetworkConfiguration n : networks) {
      AwsVpcConfiguration vpc = n == null ? null : n.awsvpcConfiguration();
      if (vpc != null) {
        groups.addAll(vpc.securityGroups());
        subnets.addAll(vpc.subnets());
      }
    }
    for (String group : groups) {
      ctx.edgeFrom(EcsSupport.EC2_SECURITY_GROUP, group, node, EdgeType.DEFAULT);
      ctx.edgeFrom(EcsSupport.EC2_SECURITY_GROUP, group, node, EdgeType.DELETE);
    }
    for (String subnet : subnets) {
      ctx.edgeFrom(EcsSupport.EC2_SUBNET, subnet, node, EdgeType.DEFAULT);
      ctx.edgeFrom(EcsSupport.EC2_SUBNET, subnet, node, EdgeType.DELETE);
    }
    providers.forEach(p -> ctx.edge(node, AwsEcsCapacityProviderKind.KIND, p, EdgeType.DEFAULT));
  }

  /** A task definition named by ARN or as family:revision, as the id of its node (family:revision). */
  static String taskDefinitionId(String taskDefinition) {
    return taskDefinition == null ? null : SdkValues.lastPart(taskDefinition);
  }

  /** Maps a service: id and name = the service name. */
  static Node node(KindContext ctx, Service s) {
    Node.Builder b = ctx.node(KIND, s.serviceName()).name(s.serviceName()).ctime(s.createdAt())
        .tags(EcsSupport.tags(s.tags())).categories("compute");
    put(b, "status", s.status());
    put(b, "cluster_arn", s.clusterArn());
    put(b, "service_load_balancers", s.loadBalancers());
    put(b, "service_registries", s.serviceRegistries());
    put(b, "service_desired_count", s.desiredCount());
    put(b, "service_running_count", s.runningCount());
    put(b, "service_pending_count", s.pendingCount());
    put(b, "service_launch_type", s.launchTypeAsString());
    put(b, "service_capacity_provider_strategy", s.capacityProviderStrategy());
    put(b, "service_platform_version", s.platformVersion());
    put(b, "service_platform_family", s.platformFamily());
    put(b, "service_task_definition", s.taskDefinition());
    put(b, "service_deployment_configuration", s.deploymentConfiguration());
    put(b, "service_task_sets", s.taskSets());
    put(b, "service_deployments", s.deployments());
    put(b, "service_role_arn", s.roleArn());
    put(b, "service_events", s.events());
    put(b, "service_placement_constraints", s.placementConstraints());
    put(b, "service_placement_strategy", s.placementStrategy());
    put(b, "service_network_configuration", s.networkConfiguration());
    put(b, "service_health_check_grace_period_seconds", s.healthCheckGracePeriodSeconds());
    put(b, "service_scheduling_strategy", s.schedulingStrategyAsString());
    put(b, "service_deployment_controller", s.deploymentController() == null ? null
        : s.deploymentController().typeAsString());
    put(b, "service_created_by", s.createdBy());
    put(b, "service_enable_ecs_managed_tags", s.enableECSManagedTags());
    put(b, "service_propagate_tags", s.propagateTagsAsString());
    put(b, "service_enable_execute_command", s.enableExecuteCommand());
    return KindContext.arn(b, s.serviceArn()).build();
  }
}
