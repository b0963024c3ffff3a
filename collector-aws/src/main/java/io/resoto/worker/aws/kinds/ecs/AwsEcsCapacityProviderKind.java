package io.resoto.worker.aws.kinds.ecs;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderField;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;

/**
 * {@code aws_ecs_capacity_provider}: the capacity providers the region's ECS clusters use
 * (ListClusters, DescribeClusters, then DescribeCapacityProviders with tags for the names the
 * clusters list, 100 at a time; the original collects them inside the cluster the same way). id
 * and name are the provider's name.
 *
 * <p>Edges as the original: a provider points to the auto scaling group it scales (by the group's
 * ARN), which points back to it for deletion; clusters, services and tasks point to the
 * providers they use.
 */
public final class AwsEcsCapacityProviderKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ecs_capacity_provider";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("provider", "compute")
      .successors(EdgeType.DEFAULT, EcsSupport.AUTOSCALING_GROUP)
      .property("status", "string", "The provider's state: ACTIVE or INACTIVE.")
      .property("capacity_provider_auto_scaling_group_provider", OBJECT,
          "The auto scaling group behind the provider: its ARN, managed scaling (status, target capacity, step "
              + "sizes, warm-up) and managed termination protection.")
      .property("capacity_provider_update_status", "string",
          "The state of the last update: UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED, DELETE_... .")
      .property("capacity_provider_update_status_reason", "string", "Why the last update is in its state.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEcsCapacityProviderKind() {
    this(100);
  }

  /** The kind listing clusters and providers in pages of this size (1..100). */
  AwsEcsCapacityProviderKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ecs", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ecs:ListClusters", "ecs:DescribeClusters", "ecs:DescribeCapacityProviders");
  }

  /** Tags through ecs:TagResource and ecs:UntagResource with the provider's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EcsSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    EcsClient ecs = ctx.client(EcsClient.builder());
    Set<String> names = new LinkedHashSet<>();
    for (List<String> batch : EcsSupport.chunks(EcsSupport.clusterArns(ctx, ecs, pageSize), 100)) {
      for (Cluster c : ecs.describeClusters(b -> b.clusters(batch)).clusters()) {
        names.addAll(c.capacityProviders());
      }
    }
    for (List<String> batch : EcsSupport.chunks(new ArrayList<>(names), 100)) {
      // the SDK has no paginator for this call: follow nextToken by hand
      String token = null;
      do {
        String next = token;
        DescribeCapacityProvidersResponse page = ecs.describeCapacityProviders(b -> b.capacityProviders(batch)
            .include(CapacityProviderField.TAGS).nextToken(next));
        for (CapacityProvider p : page.capacityProviders()) {
          Node node = ctx.add(node(ctx, p));
          String group = p.autoScalingGroupProvider() == null ? null
              : p.autoScalingGroupProvider().autoScalingGroupArn();
          ctx.edgeToArn(node, EcsSupport.AUTOSCALING_GROUP, group, EdgeType.DEFAULT);
          ctx.edgeFromArn(EcsSupport.AUTOSCALING_GROUP, group, node, EdgeType.DELETE);
        }
        token = page.nextToken();
      } while (token != null && !ctx.isCancelled());
    }
  }

  /** Maps a capacity provider: id and name = its name. */
  static Node node(KindContext ctx, CapacityProvider p) {
    Node.Builder b = ctx.node(KIND, p.name()).name(p.name()).tags(EcsSupport.tags(p.tags())).categories("compute");
    put(b, "status", p.statusAsString());
    put(b, "capacity_provider_auto_scaling_group_provider", p.autoScalingGroupProvider());
    put(b, "capacity_provider_update_status", p.updateStatusAsString());
    put(b, "capacity_provider_update_status_reason", p.updateStatusReason());
    return KindContext.arn(b, p.capacityProviderArn()).build();
  }
}
