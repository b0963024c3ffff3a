package io.resoto.worker.aws.kinds.eks;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AutoScalingGroup;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * {@code aws_eks_nodegroup}: the managed node groups of every EKS cluster (ListClusters, then per
 * cluster ListNodegroups and DescribeNodegroup per node group; the original collects them inside
 * the cluster, this kind reads the same calls). id and name are the node group name, ctime
 * {@code createdAt}.
 *
 * <p>Edges as the original: its cluster points to it (default and delete); it points to the auto
 * scaling groups EKS made for it, which point back to it for deletion. The original declares
 * {@code group_version} and {@code group_nodegroup_arn} but never fills them (its mapping writes
 * {@code version} to no field); here they carry the node group's Kubernetes version and ARN.
 */
public final class AwsEksNodegroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_eks_nodegroup";

  static final String AUTOSCALING_GROUP = "aws_autoscaling_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("group", "compute")
      .successors(EdgeType.DEFAULT, AUTOSCALING_GROUP)
      .property("cluster_name", "string", "The name of the EKS cluster the node group belongs to.")
      .property("group_nodegroup_arn", "string", "The ARN of the node group.")
      .property("group_version", "string", "The Kubernetes version of the node group.")
      .property("group_release_version", "string", "The AMI release version of the node group's nodes.")
      .property("group_modified_at", "datetime", "When the node group was last modified.")
      .property("group_status", "string",
          "The node group's state: CREATING, ACTIVE, UPDATING, DELETING, CREATE_FAILED, DELETE_FAILED, DEGRADED.")
      .property("group_capacity_type", "string", "The capacity type of the nodes: ON_DEMAND, SPOT or CAPACITY_BLOCK.")
      .property("group_scaling_config", OBJECT, "The scaling settings: minimum, maximum and desired size.")
      .property("group_instance_types", "string[]", "The EC2 instance types the nodes may have.")
      .property("group_subnets", "string[]", "The ids of the subnets the nodes are launched in.")
      .property("group_remote_access", OBJECT,
          "SSH access to the nodes: the EC2 key pair and the security groups allowed to connect.")
      .property("group_ami_type", "string", "The AMI type of the nodes, e.g. AL2023_x86_64_STANDARD.")
      .property("group_node_role", "string", "The ARN of the IAM role the nodes run with.")
      .property("group_labels", "dictionary[string, string]", "The Kubernetes labels applied to the nodes.")
      .property("group_taints", OBJECTS, "The Kubernetes taints applied to the nodes: key, value and effect.")
      .property("group_resources", OBJECT,
          "The resources behind the node group: the auto scaling group names and the remote access security group.")
      .property("group_disk_size", "int64", "The root volume size of the nodes, in GiB.")
      .property("group_health", OBJECT, "The health of the node group: its issues (code, message, resource ids).")
      .property("group_update_config", OBJECT,
          "How many nodes may be unavailable during an update (a number or a percentage).")
      .property("group_launch_template", OBJECT, "The launch template used for the nodes: name, version and id.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEksNodegroupKind() {
    this(100);
  }

  /** The kind listing clusters and node groups in pages of this size (1..100). */
  AwsEksNodegroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "eks", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("eks:ListClusters", "eks:ListNodegroups", "eks:DescribeNodegroup");
  }

  /** Tags through eks:TagResource and eks:UntagResource with the node group's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EksTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    EksClient eks = ctx.client(EksClient.builder());
    for (String cluster : eks.listClustersPaginator(b -> b.maxResults(pageSize)).clusters()) {
      ctx.submit(() -> {
        for (String group : eks.listNodegroupsPaginator(b -> b.clusterName(cluster).maxResults(pageSize)).nodegroups()) {
          if (ctx.isCancelled()) {
            return;
          }
          ctx.submit(() -> {
            Nodegroup ng = eks.describeNodegroup(b -> b.clusterName(cluster).nodegroupName(group)).nodegroup();
            Node node = ctx.add(node(ctx, ng));
            ctx.edgeFrom(AwsEksClusterKind.KIND, ng.clusterName(), node, EdgeType.DEFAULT);
            ctx.edgeFrom(AwsEksClusterKind.KIND, ng.clusterName(), node, EdgeType.DELETE);
            if (ng.resources() != null) {
              for (AutoScalingGroup asg : ng.resources().autoScalingGroups()) {
                ctx.edge(node, AUTOSCALING_GROUP, asg.name(), EdgeType.DEFAULT);
                ctx.edgeFrom(AUTOSCALING_GROUP, asg.name(), node, EdgeType.DELETE);
              }
            }
          });
        }
      });
    }
  }

  /** Maps a node group: id and name = the node group name. */
  static Node node(KindContext ctx, Nodegroup g) {
    Node.Builder b = ctx.node(KIND, g.nodegroupName()).name(g.nodegroupName()).ctime(g.createdAt()).tags(g.tags())
        .categories("compute");
    put(b, "cluster_name", g.clusterName());
    put(b, "group_nodegroup_arn", g.nodegroupArn());
    put(b, "group_version", g.version());
    put(b, "group_release_version", g.releaseVersion());
    put(b, "group_modified_at", g.modifiedAt());
    put(b, "group_status", g.statusAsString());
    put(b, "group_capacity_type", g.capacityTypeAsString());
    put(b, "group_scaling_config", g.scalingConfig());
    put(b, "group_instance_types", g.instanceTypes());
    put(b, "group_subnets", g.subnets());
    put(b, "group_remote_access", g.remoteAccess());
    put(b, "group_ami_type", g.amiTypeAsString());
    put(b, "group_node_role", g.nodeRole());
    put(b, "group_labels", g.labels());
    put(b, "group_taints", g.taints());
    if (g.resources() != null) {
      // as the original: the auto scaling groups by name
      java.util.Map<String, Object> resources = new java.util.LinkedHashMap<>();
      if (g.resources().hasAutoScalingGroups()) {
        resources.put("auto_scaling_groups", g.resources().autoScalingGroups().stream().map(AutoScalingGroup::name).toList());
      }
      if (g.resources().remoteAccessSecurityGroup() != null) {
        resources.put("remote_access_security_group", g.resources().remoteAccessSecurityGroup());
      }
      put(b, "group_resources", resources);
    }
    put(b, "group_disk_size", g.diskSize());
    put(b, "group_health", g.health());
    put(b, "group_update_config", g.updateConfig());
    put(b, "group_launch_template", g.launchTemplate());
    return KindContext.arn(b, g.nodegroupArn()).build();
  }
}
