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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.SortOrder;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * {@code aws_ecs_task_definition}: the latest revision of every task definition family
 * (ListTaskDefinitions sorted descending, so the newest revision of a family comes first and older
 * ones are skipped, as the original does; then DescribeTaskDefinition with tags, once per family).
 * id is {@code family:revision} (the last part of the ARN), name the {@code Name} tag or else the
 * ARN, ctime {@code registeredAt}.
 *
 * <p>Edges: the task definition points to the tasks running it (made by {@link AwsEcsTaskKind});
 * services point to it, and so do its task and execution roles (by ARN, default and delete).
 * DescribeTaskDefinition is one call per family and ECS throttles it (about 1 request per second
 * sustained, burst 20 at the time of writing): accounts with many families are slow to collect.
 */
public final class AwsEcsTaskDefinitionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecs_task_definition";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_iam_role")
      .predecessors(EdgeType.DELETE, "aws_iam_role")
      .display("config", "compute")
      .successors(EdgeType.DEFAULT, AwsEcsTaskKind.KIND)
      .property("container_definitions", OBJECTS,
          "The containers of the task: name, image, CPU, memory, ports, environment, mounts, logging, health check, ...")
      .property("family", "string", "The family of the task definition (its name without revision).")
      .property("task_role_arn", "string", "The ARN of the IAM role the task's containers run with.")
      .property("execution_role_arn", "string", "The ARN of the IAM role ECS uses to pull images and write logs.")
      .property("network_mode", "string", "The Docker network mode: bridge, host, awsvpc or none.")
      .property("revision", "int64", "The revision of the task definition within its family.")
      .property("volumes", OBJECTS, "The data volumes the containers may mount: host, Docker, EFS or FSx volumes.")
      .property("status", "string", "The state of the task definition: ACTIVE, INACTIVE or DELETE_IN_PROGRESS.")
      .property("requires_attributes", OBJECTS, "The container instance attributes the task needs.")
      .property("placement_constraints", OBJECTS, "The placement constraints of the task: type and expression.")
      .property("compatibilities", "string[]", "The launch types the task definition is valid for.")
      .property("runtime_platform", OBJECT, "The CPU architecture and operating system family the task needs.")
      .property("requires_compatibilities", "string[]", "The launch types the task definition was validated against.")
      .property("cpu", "string", "The CPU units of the task.")
      .property("memory", "string", "The memory of the task, in MiB.")
      .property("inference_accelerators", OBJECTS, "The Elastic Inference accelerators of the task.")
      .property("pid_mode", "string", "The process namespace of the containers: host or task.")
      .property("ipc_mode", "string", "The IPC namespace of the containers: host, task or none.")
      .property("proxy_configuration", OBJECT, "The App Mesh proxy configuration: type, container name and properties.")
      .property("registered_by", "string", "The principal (ARN) that registered the task definition.")
      .property("ephemeral_storage", "int64", "The ephemeral storage of the task, in GiB.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcsTaskDefinitionKind() {
    this(100);
  }

  /** The kind listing in pages of this size (1..100). */
  AwsEcsTaskDefinitionKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecs:ListTaskDefinitions", "ecs:DescribeTaskDefinition");
  }

  /** Tags through ecs:TagResource and ecs:UntagResource with the task definition's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EcsSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    EcsClient ecs = ctx.client(EcsClient.builder());
    Set<String> families = new HashSet<>();
    for (String arn : ecs.listTaskDefinitionsPaginator(b -> b.sort(SortOrder.DESC).maxResults(pageSize))
        .taskDefinitionArns()) {
      if (ctx.isCancelled()) {
        return;
      }
      if (!families.add(familyKey(arn))) {
        continue; // an older revision of a family already collected (newest first)
      }
      ctx.submit(() -> {
        DescribeTaskDefinitionResponse r = ecs.describeTaskDefinition(b -> b.taskDefinition(arn)
            .include(TaskDefinitionField.TAGS));
        Node node = ctx.add(node(ctx, r.taskDefinition(), EcsSupport.tags(r.tags())));
        for (String role : new String[] {r.taskDefinition().taskRoleArn(), r.taskDefinition().executionRoleArn()}) {
          ctx.edgeFromArn(EcsSupport.IAM_ROLE, role, node, EdgeType.DEFAULT);
          ctx.edgeFromArn(EcsSupport.IAM_ROLE, role, node, EdgeType.DELETE);
        }
      });
    }
  }

  /** The family part of a task definition ARN: everything before the revision ({@code ...:family:12}). */
  static String familyKey(String arn) {
    return arn.substring(0, arn.lastIndexOf(':'));
  }

  /** Maps a task definition: id = family:revision, name = its Name tag or its ARN. */
  static Node node(KindContext ctx, TaskDefinition d, Map<String, String> tags) {
    String arn = d.taskDefinitionArn();
    Node.Builder b = ctx.node(KIND, SdkValues.lastPart(arn)).name(tags.getOrDefault("Name", arn))
        .ctime(d.registeredAt()).tags(tags).categories("compute");
    put(b, "container_definitions", d.containerDefinitions());
    put(b, "family", d.family());
    put(b, "task_role_arn", d.taskRoleArn());
    put(b, "execution_role_arn", d.executionRoleArn());
    put(b, "network_mode", d.networkModeAsString());
    put(b, "revision", d.revision());
    put(b, "volumes", d.volumes());
    put(b, "status", d.statusAsString());
    put(b, "requires_attributes", d.requiresAttributes());
    put(b, "placement_constraints", d.placementConstraints());
    put(b, "compatibilities", d.compatibilitiesAsStrings());
    put(b, "runtime_platform", d.runtimePlatform());
    put(b, "requires_compatibilities", d.requiresCompatibilitiesAsStrings());
    put(b, "cpu", d.cpu());
    put(b, "memory", d.memory());
    put(b, "inference_accelerators", d.inferenceAccelerators());
    put(b, "pid_mode", d.pidModeAsString());
    put(b, "ipc_mode", d.ipcModeAsString());
    put(b, "proxy_configuration", d.proxyConfiguration());
    put(b, "registered_by", d.registeredBy());
    put(b, "ephemeral_storage", d.ephemeralStorage() == null ? null : d.ephemeralStorage().sizeInGiB());
    return KindContext.arn(b, arn).build();
  }
}
