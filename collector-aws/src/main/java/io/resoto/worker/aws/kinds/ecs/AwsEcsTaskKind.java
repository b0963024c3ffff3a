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
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * {@code aws_ecs_task}: the tasks of every ECS cluster (ListClusters, then per cluster ListTasks
 * and DescribeTasks for up to 100 at a time with tags; the original collects them inside the
 * cluster with the same calls). id and name are the last part of the task ARN, ctime
 * {@code createdAt}.
 *
 * <p>Edges as the original: its cluster and its task definition point to it; the container
 * instance it runs on points to it (default and delete), and so do the execution and task roles of
 * its overrides (by ARN); it points to its capacity provider.
 */
public final class AwsEcsTaskKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecs_task";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_iam_role")
      .predecessors(EdgeType.DELETE, "aws_iam_role")
      .display("job", "compute")
      .successors(EdgeType.DEFAULT, AwsEcsCapacityProviderKind.KIND)
      .property("task_attachments", OBJECTS, "The resources attached to the task, e.g. its elastic network interface.")
      .property("task_attributes", OBJECTS, "The attributes of the task: name, value, target type and id.")
      .property("task_availability_zone", "string", "The availability zone the task runs in.")
      .property("task_capacity_provider_name", "string", "The capacity provider the task runs on.")
      .property("task_cluster_arn", "string", "The ARN of the cluster the task runs in.")
      .property("task_connectivity", "string", "Whether the task is CONNECTED or DISCONNECTED.")
      .property("task_connectivity_at", "datetime", "When the task's connectivity last changed.")
      .property("task_container_instance_arn", "string", "The ARN of the container instance hosting the task.")
      .property("task_containers", OBJECTS,
          "The task's containers: name, image, status, exit code, network bindings and interfaces, health, CPU, memory.")
      .property("task_cpu", "string", "The CPU units of the task.")
      .property("task_desired_status", "string", "The state ECS wants the task in.")
      .property("task_enable_execute_command", "boolean", "Whether ECS Exec is enabled for the task.")
      .property("task_execution_stopped_at", "datetime", "When the task's execution stopped.")
      .property("task_group", "string", "The task group, e.g. service:name for a service's tasks.")
      .property("task_health_status", "string", "The health of the task: HEALTHY, UNHEALTHY or UNKNOWN.")
      .property("task_inference_accelerators", OBJECTS, "The Elastic Inference accelerators of the task.")
      .property("task_last_status", "string", "The last known state of the task, e.g. RUNNING or STOPPED.")
      .property("task_launch_type", "string", "The launch type: EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES.")
      .property("task_memory", "string", "The memory of the task, in MiB.")
      .property("task_overrides", OBJECT,
          "What the run changed of the task definition: container overrides, CPU, memory, execution and task role ARNs.")
      .property("task_platform_version", "string", "The Fargate platform version the task runs on.")
      .property("task_platform_family", "string", "The operating system family of the Fargate platform.")
      .property("task_pull_started_at", "datetime", "When the first image pull started.")
      .property("task_pull_stopped_at", "datetime", "When the last image pull finished.")
      .property("task_started_at", "datetime", "When the task started.")
      .property("task_started_by", "string", "Who started the task, e.g. ecs-svc/... for a service.")
      .property("task_stop_code", "string", "Why the task stopped, as a code: TaskFailedToStart, EssentialContainerExited, ...")
      .property("task_stopped_at", "datetime", "When the task stopped.")
      .property("task_stopped_reason", "string", "Why the task stopped, in words.")
      .property("task_stopping_at", "datetime", "When the task began stopping.")
      .property("task_definition_arn", "string", "The ARN of the task definition the task runs.")
      .property("task_version", "int64", "The version counter of the task's state, for event ordering.")
      .property("task_ephemeral_storage", "int64", "The ephemeral storage of the task, in GiB.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcsTaskKind() {
    this(100);
  }

  /** The kind listing in pages of this size (1..100). */
  AwsEcsTaskKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecs:ListClusters", "ecs:ListTasks", "ecs:DescribeTasks");
  }

  /** Tags through ecs:TagResource and ecs:UntagResource with the task's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EcsSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    EcsClient ecs = ctx.client(EcsClient.builder());
    for (String cluster : EcsSupport.clusterArns(ctx, ecs, pageSize)) {
      List<String> arns = new ArrayList<>();
      ecs.listTasksPaginator(b -> b.cluster(cluster).maxResults(pageSize)).taskArns().forEach(arns::add);
      for (List<String> batch : EcsSupport.chunks(arns, 100)) {
        if (ctx.isCancelled()) {
          return;
        }
        for (Task t : ecs.describeTasks(b -> b.cluster(cluster).tasks(batch).include(TaskField.TAGS)).tasks()) {
          Node node = ctx.add(node(ctx, t));
          ctx.edgeFrom(AwsEcsClusterKind.KIND, EcsSupport.clusterName(t.clusterArn()), node, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsEcsTaskDefinitionKind.KIND, SdkValues.lastPart(t.taskDefinitionArn()), node, EdgeType.DEFAULT);
          String instance = SdkValues.lastPart(t.containerInstanceArn());
          ctx.edgeFrom(AwsEcsContainerInstanceKind.KIND, instance, node, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsEcsContainerInstanceKind.KIND, instance, node, EdgeType.DELETE);
          ctx.edge(node, AwsEcsCapacityProviderKind.KIND, t.capacityProviderName(), EdgeType.DEFAULT);
          if (t.overrides() != null) {
            for (String role : new String[] {t.overrides().executionRoleArn(), t.overrides().taskRoleArn()}) {
              ctx.edgeFromArn(EcsSupport.IAM_ROLE, role, node, EdgeType.DEFAULT);
              ctx.edgeFromArn(EcsSupport.IAM_ROLE, role, node, EdgeType.DELETE);
            }
          }
        }
      }
    }
  }

  /** Maps a task: id and name = the last part of its ARN. */
  static Node node(KindContext ctx, Task t) {
    String id = SdkValues.lastPart(t.taskArn());
    Node.Builder b = ctx.node(KIND, id).name(id).ctime(t.createdAt()).tags(EcsSupport.tags(t.tags()))
        .categories("compute");
    put(b, "task_attachments", t.attachments());
    put(b, "task_attributes", t.attributes());
    put(b, "task_availability_zone", t.availabilityZone());
    put(b, "task_capacity_provider_name", t.capacityProviderName());
    put(b, "task_cluster_arn", t.clusterArn());
    put(b, "task_connectivity", t.connectivityAsString());
    put(b, "task_connectivity_at", t.connectivityAt());
    put(b, "task_container_instance_arn", t.containerInstanceArn());
    put(b, "task_containers", t.containers());
    put(b, "task_cpu", t.cpu());
    put(b, "task_desired_status", t.desiredStatus());
    put(b, "task_enable_execute_command", t.enableExecuteCommand());
    put(b, "task_execution_stopped_at", t.executionStoppedAt());
    put(b, "task_group", t.group());
    put(b, "task_health_status", t.healthStatusAsString());
    put(b, "task_inference_accelerators", t.inferenceAccelerators());
    put(b, "task_last_status", t.lastStatus());
    put(b, "task_launch_type", t.launchTypeAsString());
    put(b, "task_memory", t.memory());
    put(b, "task_overrides", t.overrides());
    put(b, "task_platform_version", t.platformVersion());
    put(b, "task_platform_family", t.platformFamily());
    put(b, "task_pull_started_at", t.pullStartedAt());
    put(b, "task_pull_stopped_at", t.pullStoppedAt());
    put(b, "task_started_at", t.startedAt());
    put(b, "task_started_by", t.startedBy());
    put(b, "task_stop_code", t.stopCodeAsString());
    put(b, "task_stopped_at", t.stoppedAt());
    put(b, "task_stopped_reason", t.stoppedReason());
    put(b, "task_stopping_at", t.stoppingAt());
    put(b, "task_definition_arn", t.taskDefinitionArn());
    put(b, "task_version", t.version());
    put(b, "task_ephemeral_storage", t.ephemeralStorage() == null ? null : t.ephemeralStorage().sizeInGiB());
    return KindContext.arn(b, t.taskArn()).build();
  }
}
