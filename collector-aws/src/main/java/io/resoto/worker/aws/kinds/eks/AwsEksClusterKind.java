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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.EncryptionConfig;

/**
 * {@code aws_eks_cluster}: EKS clusters (ListClusters, then DescribeCluster per cluster). id and
 * name are the cluster name, ctime {@code createdAt}, tags the cluster's tag map.
 *
 * <p>Edges as the original: its IAM role (by {@code roleArn}) points to it (default and delete);
 * the cluster points to its node groups (default and delete), which {@link AwsEksNodegroupKind}
 * makes.
 */
public final class AwsEksClusterKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_eks_cluster";

  static final String IAM_ROLE = "aws_iam_role";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("managed_kubernetes_cluster_provider", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_iam_role")
      .predecessors(EdgeType.DELETE, "aws_iam_role")
      .display("cluster", "compute")
      .successors(EdgeType.DEFAULT, AwsEksNodegroupKind.KIND)
      .successors(EdgeType.DELETE, AwsEksNodegroupKind.KIND)
      .property("version", "string", "The Kubernetes version of the cluster.")
      .property("endpoint", "string", "The endpoint of the cluster's Kubernetes API server.")
      .property("cluster_role_arn", "string",
          "The ARN of the IAM role that lets the Kubernetes control plane call AWS on the cluster's behalf.")
      .property("cluster_resources_vpc_config", OBJECT,
          "The VPC settings: subnet ids, security group ids, cluster security group, VPC id, public and private "
              + "endpoint access and the CIDR blocks allowed to reach the public endpoint.")
      .property("cluster_kubernetes_network_config", OBJECT,
          "The Kubernetes network settings: service IPv4/IPv6 CIDR and IP family.")
      .property("cluster_logging", OBJECT, "Which control plane log types are sent to CloudWatch Logs.")
      .property("cluster_identity", OBJECT, "The cluster's identity provider: the OpenID Connect issuer URL (oidc).")
      .property("cluster_status", "string", "The cluster's state: CREATING, ACTIVE, DELETING, FAILED, UPDATING, PENDING.")
      .property("cluster_certificate_authority", "string",
          "The base64-encoded certificate data of the cluster's certificate authority.")
      .property("cluster_client_request_token", "string", "The idempotency token the cluster was created with.")
      .property("cluster_platform_version", "string", "The EKS platform version of the cluster.")
      .property("cluster_encryption_config", OBJECTS,
          "The envelope encryption of Kubernetes resources: the resources (e.g. secrets) and the KMS key ARN (provider).")
      .property("cluster_connector_config", OBJECT,
          "For a connected (external) cluster: activation id, code and expiry, provider and role ARN.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsEksClusterKind() {
    this(100);
  }

  /** The kind listing clusters in pages of this size (1..100; tests page small estates with it). */
  AwsEksClusterKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "eks", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("eks:ListClusters", "eks:DescribeCluster");
  }

  /** Tags through eks:TagResource and eks:UntagResource with the cluster's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return EksTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    EksClient eks = ctx.client(EksClient.builder());
    for (String name : eks.listClustersPaginator(b -> b.maxResults(pageSize)).clusters()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Cluster cluster = eks.describeCluster(b -> b.name(name)).cluster();
        Node node = ctx.add(node(ctx, cluster));
        ctx.edgeFromArn(IAM_ROLE, cluster.roleArn(), node, EdgeType.DEFAULT);
        ctx.edgeFromArn(IAM_ROLE, cluster.roleArn(), node, EdgeType.DELETE);
      });
    }
  }

  /** Maps a cluster: id and name = the cluster name. */
  static Node node(KindContext ctx, Cluster c) {
    Node.Builder b = ctx.node(KIND, c.name()).name(c.name()).ctime(c.createdAt()).tags(c.tags())
        .categories("compute");
    put(b, "version", c.version());
    put(b, "endpoint", c.endpoint());
    put(b, "cluster_role_arn", c.roleArn());
    put(b, "cluster_resources_vpc_config", c.resourcesVpcConfig());
    put(b, "cluster_kubernetes_network_config", c.kubernetesNetworkConfig());
    put(b, "cluster_logging", c.logging());
    if (c.identity() != null && c.identity().oidc() != null) {
      // as the original: the identity is the OIDC issuer
      put(b, "cluster_identity", Map.of("oidc", c.identity().oidc().issuer()));
    }
    put(b, "cluster_status", c.statusAsString());
    put(b, "cluster_certificate_authority", c.certificateAuthority() == null ? null : c.certificateAuthority().data());
    put(b, "cluster_client_request_token", c.clientRequestToken());
    put(b, "cluster_platform_version", c.platformVersion());
    put(b, "cluster_encryption_config", c.encryptionConfig().stream().map(AwsEksClusterKind::encryption).toList());
    put(b, "cluster_connector_config", c.connectorConfig());
    return KindContext.arn(b, c.arn()).build();
  }

  /** An encryption config as the original: the resources and the KMS key ARN as provider. */
  private static Map<String, Object> encryption(EncryptionConfig e) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (e.hasResources()) {
      out.put("resources", List.copyOf(e.resources()));
    }
    if (e.provider() != null && e.provider().keyArn() != null) {
      out.put("provider", e.provider().keyArn());
    }
    return out;
  }
}
