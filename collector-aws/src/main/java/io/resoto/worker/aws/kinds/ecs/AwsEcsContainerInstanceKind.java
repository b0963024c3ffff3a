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
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerInstance;
import software.amazon.awssdk.services.ecs.model.ContainerInstanceField;

/**
 * {@code aws_ecs_container_instance}: the container instances of every ECS cluster (ListClusters,
 * then per cluster ListContainerInstances and DescribeContainerInstances for up to 100 at a time,
 * with tags and health; the original collects them inside the cluster with the same calls). id is
 * the last part of the ARN, name the ARN, ctime {@code registeredAt}.
 *
 * <p>Edges as the original: its cluster points to it; it points to its EC2 instance (default and
 * delete). Tasks placed on it are linked by {@link AwsEcsTaskKind}.
 */
public final class AwsEcsContainerInstanceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecs_container_instance";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("instance", "compute")
      .successors(EdgeType.DEFAULT, EcsSupport.EC2_INSTANCE, AwsEcsTaskKind.KIND)
      .successors(EdgeType.DELETE, EcsSupport.EC2_INSTANCE, AwsEcsTaskKind.KIND)
      .property("ec2_instance_id", "string", "The id of the EC2 instance the container instance runs on.")
      .property("capacity_provider_name", "string", "The capacity provider the container instance belongs to.")
      .property("version", "string", "The version counter of the container instance's state, for event ordering.")
      .property("version_info", OBJECT, "The versions of the ECS container agent (version and hash) and of Docker.")
      .property("remaining_resources", OBJECTS,
          "The resources not yet used by tasks: CPU, memory, ports; each with name, type and value.")
      .property("registered_resources", OBJECTS, "The resources the container instance registered with: CPU, memory, ports.")
      .property("status", "string", "The state: ACTIVE, DRAINING, REGISTERING, DEREGISTERING, INACTIVE, ...")
      .property("status_reason", "string", "Why the container instance is in its state.")
      .property("agent_connected", "boolean", "Whether the ECS container agent is connected to ECS.")
      .property("running_tasks_count", "int64", "The number of tasks in the RUNNING state on the instance.")
      .property("pending_tasks_count", "int64", "The number of tasks in the PENDING state on the instance.")
      .property("agent_update_status", "string", "The state of the last agent update: PENDING, STAGING, UPDATED, FAILED, ...")
      .property("attributes", OBJECTS, "The attributes of the instance: name, value, target type and id.")
      .property("attachments", OBJECTS, "The resources attached to the instance, e.g. trunk network interfaces.")
      .property("health_status", OBJECT, "The overall health and the results of each health check.")
      .property("cluster_link", "string", "The ARN of the cluster the container instance is registered with.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcsContainerInstanceKind() {
    this(100);
  }

  /** The kind listing in pages of this size (1..100). */
  AwsEcsContainerInstanceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecs:ListClusters", "ecs:ListContainerInstances", "ecs:DescribeContainerInstances");
  }

  /** Tags through ecs:TagResource and ecs:UntagResource with the container instance's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EcsSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    EcsClient ecs = ctx.client(EcsClient.builder());
    for (String cluster : EcsSupport.clusterArns(ctx, ecs, pageSize)) {
      List<String> arns = new ArrayList<>();
      ecs.listContainerInstancesPaginator(b -> b.cluster(cluster).maxResults(pageSize)).containerInstanceArns()
          .forEach(arns::add);
      for (List<String> batch : EcsSupport.chunks(arns, 100)) {
        if (ctx.isCancelled()) {
          return;
        }
        for (ContainerInstance ci : ecs.describeContainerInstances(b -> b.cluster(cluster).containerInstances(batch)
            .include(ContainerInstanceField.TAGS, ContainerInstanceField.CONTAINER_INSTANCE_HEALTH))
            .containerInstances()) {
          Node node = ctx.add(node(ctx, ci, cluster));
          ctx.edgeFrom(AwsEcsClusterKind.KIND, EcsSupport.clusterName(cluster), node, EdgeType.DEFAULT);
          ctx.edge(node, EcsSupport.EC2_INSTANCE, ci.ec2InstanceId(), EdgeType.DEFAULT);
          ctx.edge(node, EcsSupport.EC2_INSTANCE, ci.ec2InstanceId(), EdgeType.DELETE);
        }
      }
    }
  }

  /** Maps a container instance: id = the last part of its ARN, name = the ARN. */
  static Node node(KindContext ctx, ContainerInstance ci, String clusterArn) {
    String arn = ci.containerInstanceArn();
    Node.Builder b = ctx.node(KIND, SdkValues.lastPart(arn)).name(arn).ctime(ci.registeredAt())
        .tags(EcsSupport.tags(ci.tags())).categories("compute");
    put(b, "ec2_instance_id", ci.ec2InstanceId());
    put(b, "capacity_provider_name", ci.capacityProviderName());
    put(b, "version", ci.version() == null ? null : String.valueOf(ci.version()));
    put(b, "version_info", ci.versionInfo());
    put(b, "remaining_resources", ci.remainingResources());
    put(b, "registered_resources", ci.registeredResources());
    put(b, "status", ci.status());
    put(b, "status_reason", ci.statusReason());
    put(b, "agent_connected", ci.agentConnected());
    put(b, "running_tasks_count", ci.runningTasksCount());
    put(b, "pending_tasks_count", ci.pendingTasksCount());
    put(b, "agent_update_status", ci.agentUpdateStatusAsString());
    put(b, "attributes", ci.attributes());
    put(b, "attachments", ci.attachments());
    put(b, "health_status", ci.healthStatus());
    put(b, "cluster_link", clusterArn);
    return KindContext.arn(b, arn).build();
  }
}
