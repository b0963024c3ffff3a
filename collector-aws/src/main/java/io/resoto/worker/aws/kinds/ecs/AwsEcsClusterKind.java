package io.resoto.worker.aws.kinds.ecs;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ExecuteCommandConfiguration;

/**
 * {@code aws_ecs_cluster}: ECS clusters (ListClusters, then DescribeClusters for up to 100 at a
 * time with attachments, configurations, settings, statistics and tags). id and name are the
 * cluster name; ECS gives clusters no creation time.
 *
 * <p>Edges as the original: the cluster points to its capacity providers (by name), to the KMS key
 * of its execute-command configuration (the key points back for deletion) and to the S3 bucket that
 * command's logs go to. Its container instances, services and tasks are linked to it by their
 * kinds, which know their cluster.
 */
public final class AwsEcsClusterKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecs_cluster";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("cluster", "compute")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND, EcsSupport.S3_BUCKET, AwsEcsContainerInstanceKind.KIND,
          AwsEcsServiceKind.KIND, AwsEcsTaskKind.KIND, AwsEcsCapacityProviderKind.KIND)
      .property("cluster_configuration", OBJECT,
          "The execute-command configuration: KMS key, logging mode and the CloudWatch/S3 log destination.")
      .property("cluster_status", "string", "The cluster's state: ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE.")
      .property("cluster_registered_container_instances_count", "int64",
          "The number of container instances registered with the cluster.")
      .property("cluster_running_tasks_count", "int64", "The number of tasks in the RUNNING state.")
      .property("cluster_pending_tasks_count", "int64", "The number of tasks in the PENDING state.")
      .property("cluster_active_services_count", "int64", "The number of services in the ACTIVE state.")
      .property("cluster_statistics", OBJECTS, "Further counts by launch type, as name/value pairs.")
      .property("cluster_settings", OBJECTS, "The cluster settings, e.g. containerInsights, as name/value pairs.")
      .property("cluster_capacity_providers", "string[]", "The names of the capacity providers associated with the cluster.")
      .property("cluster_default_capacity_provider_strategy", OBJECTS,
          "The default capacity provider strategy: capacity provider, weight and base.")
      .property("cluster_attachments", OBJECTS, "The resources attached to the cluster (e.g. auto scaling plans): id, type, status, details.")
      .property("cluster_attachments_status", "string", "The state of the cluster's attachments, e.g. UPDATE_COMPLETE.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcsClusterKind() {
    this(100);
  }

  /** The kind listing clusters in pages of this size (1..100; tests page small estates with it). */
  AwsEcsClusterKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecs:ListClusters", "ecs:DescribeClusters");
  }

  /** Tags through ecs:TagResource and ecs:UntagResource with the cluster's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EcsSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    EcsClient ecs = ctx.client(EcsClient.builder());
    for (List<String> batch : EcsSupport.chunks(EcsSupport.clusterArns(ctx, ecs, pageSize), 100)) {
      List<Cluster> clusters = ecs.describeClusters(b -> b.clusters(batch).include(ClusterField.ATTACHMENTS,
          ClusterField.CONFIGURATIONS, ClusterField.SETTINGS, ClusterField.STATISTICS, ClusterField.TAGS)).clusters();
      for (Cluster c : clusters) {
        Node node = ctx.add(node(ctx, c));
        c.capacityProviders().forEach(p -> ctx.edge(node, AwsEcsCapacityProviderKind.KIND, p, EdgeType.DEFAULT));
        ExecuteCommandConfiguration exec = c.configuration() == null ? null
            : c.configuration().executeCommandConfiguration();
        if (exec != null) {
          String key = AwsKmsKeyKind.keyId(exec.kmsKeyId());
          ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
          if (exec.logConfiguration() != null) {
            ctx.edge(node, EcsSupport.S3_BUCKET, exec.logConfiguration().s3BucketName(), EdgeType.DEFAULT);
          }
        }
      }
    }
  }

  /** Maps a cluster: id and name = the cluster name. */
  static Node node(KindContext ctx, Cluster c) {
    Node.Builder b = ctx.node(KIND, c.clusterName()).name(c.clusterName()).tags(EcsSupport.tags(c.tags()))
        .categories("compute");
    put(b, "cluster_configuration", c.configuration());
    put(b, "cluster_status", c.status());
    put(b, "cluster_registered_container_instances_count", c.registeredContainerInstancesCount());
    put(b, "cluster_running_tasks_count", c.runningTasksCount());
    put(b, "cluster_pending_tasks_count", c.pendingTasksCount());
    put(b, "cluster_active_services_count", c.activeServicesCount());
    put(b, "cluster_statistics", c.statistics());
    put(b, "cluster_settings", c.settings());
    put(b, "cluster_capacity_providers", c.capacityProviders());
    put(b, "cluster_default_capacity_provider_strategy", c.defaultCapacityProviderStrategy());
    put(b, "cluster_attachments", c.attachments());
    put(b, "cluster_attachments_status", c.attachmentsStatus());
    return KindContext.arn(b, c.clusterArn()).build();
  }
}
