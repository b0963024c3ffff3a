package io.resoto.worker.aws.kinds.redshift;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.aws.kinds.SdkMaps.Member;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.DescribeLoggingStatusResponse;
import software.amazon.awssdk.services.redshift.model.Tag;
import software.amazon.awssdk.services.redshift.model.VpcSecurityGroupMembership;

/**
 * {@code aws_redshift_cluster}: provisioned Redshift clusters (DescribeClusters, then
 * DescribeLoggingStatus per cluster). id and name are the cluster identifier, ctime the creation
 * time, tags the cluster's {@code Tags}; mtime and atime stay unset as in the original. The API
 * gives no cluster ARN: it is AWS's format, {@code arn:<partition>:redshift:<region>:<account>:cluster:<id>}
 * (the original's template writes {@code cluster/<id>}, which is not the ARN AWS uses).
 *
 * <p>Edges: the cluster points to its KMS key, which points back over a delete edge; its VPC and
 * VPC security groups point to it (default and delete), and so do the IAM roles it may assume
 * (found by their ARN). The original also declares edges from subnets, which this listing does not
 * name (they would need DescribeClusterSubnetGroups): not made.
 *
 * <p>Usage metrics (the original's AWS/Redshift queries) are not collected yet.
 */
public final class AwsRedshiftClusterKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_redshift_cluster";

  static final List<Member> MEMBERS = List.of(
      new Member("redshift_node_type", "string", "NodeType", "The node type, e.g. ra3.xlplus."),
      new Member("redshift_cluster_status", "string", "ClusterStatus", "The cluster's status, e.g. available, paused, resizing."),
      new Member("redshift_cluster_availability_status", "string", "ClusterAvailabilityStatus", "Whether the cluster can be queried: Available, Unavailable, Maintenance, Modifying, Failed."),
      new Member("redshift_modify_status", "string", "ModifyStatus", "The status of a modify operation."),
      new Member("redshift_master_username", "string", "MasterUsername", "The admin user name."),
      new Member("redshift_db_name", "string", "DBName", "The name of the initial database."),
      new Member("redshift_endpoint", OBJECT, "Endpoint", "The connection endpoint: address, port, VPC endpoints."),
      new Member("redshift_automated_snapshot_retention_period", "int64", "AutomatedSnapshotRetentionPeriod", "How many days automated snapshots are kept."),
      new Member("redshift_manual_snapshot_retention_period", "int64", "ManualSnapshotRetentionPeriod", "How many days manual snapshots are kept (-1: forever)."),
      new Member("redshift_cluster_security_groups", OBJECTS, "ClusterSecurityGroups", "The cluster security groups (EC2-Classic) with their status."),
      new Member("redshift_vpc_security_groups", OBJECTS, "VpcSecurityGroups", "The VPC security groups with their status."),
      new Member("redshift_cluster_parameter_groups", OBJECTS, "ClusterParameterGroups", "The parameter groups with their apply status."),
      new Member("redshift_cluster_subnet_group_name", "string", "ClusterSubnetGroupName", "The subnet group of the cluster."),
      new Member("redshift_vpc_id", "string", "VpcId", "The VPC of the cluster."),
      new Member("redshift_availability_zone", "string", "AvailabilityZone", "The availability zone of the cluster."),
      new Member("redshift_preferred_maintenance_window", "string", "PreferredMaintenanceWindow", "The weekly maintenance time range (UTC)."),
      new Member("redshift_pending_modified_values", OBJECT, "PendingModifiedValues", "Changes that are pending and will be applied."),
      new Member("redshift_cluster_version", "string", "ClusterVersion", "The Redshift engine version."),
      new Member("redshift_allow_version_upgrade", "boolean", "AllowVersionUpgrade", "Whether major version upgrades are applied in the maintenance window."),
      new Member("redshift_number_of_nodes", "int64", "NumberOfNodes", "The number of compute nodes."),
      new Member("redshift_publicly_accessible", "boolean", "PubliclyAccessible", "Whether the cluster is reachable from the internet."),
      new Member("redshift_encrypted", "boolean", "Encrypted", "Whether data at rest is encrypted."),
      new Member("redshift_restore_status", OBJECT, "RestoreStatus", "The progress of a restore from a snapshot."),
      new Member("redshift_data_transfer_progress", OBJECT, "DataTransferProgress", "The progress of data transfer during a resize or node type change."),
      new Member("redshift_hsm_status", OBJECT, "HsmStatus", "The HSM that holds the encryption keys, with its status."),
      new Member("redshift_cluster_snapshot_copy_status", OBJECT, "ClusterSnapshotCopyStatus", "Cross-region snapshot copy: destination region and retention."),
      new Member("redshift_cluster_public_key", "string", "ClusterPublicKey", "The public key of the cluster (for SSH ingestion)."),
      new Member("redshift_cluster_nodes", OBJECTS, "ClusterNodes", "The nodes: role (leader, compute), private and public address."),
      new Member("redshift_elastic_ip_status", OBJECT, "ElasticIpStatus", "The cluster's elastic IP and its status."),
      new Member("redshift_cluster_revision_number", "string", "ClusterRevisionNumber", "The revision of the cluster's software."),
      new Member("redshift_kms_key_id", "string", "KmsKeyId", "The KMS key that encrypts the cluster."),
      new Member("redshift_enhanced_vpc_routing", "boolean", "EnhancedVpcRouting", "Whether COPY and UNLOAD traffic goes through the VPC."),
      new Member("redshift_iam_roles", OBJECTS, "IamRoles", "The IAM roles the cluster may assume, with their apply status."),
      new Member("redshift_pending_actions", "string[]", "PendingActions", "Actions waiting to be applied."),
      new Member("redshift_maintenance_track_name", "string", "MaintenanceTrackName", "The maintenance track: current or trailing."),
      new Member("redshift_elastic_resize_number_of_node_options", "string", "ElasticResizeNumberOfNodeOptions", "The node counts an elastic resize can go to."),
      new Member("redshift_deferred_maintenance_windows", OBJECTS, "DeferredMaintenanceWindows", "The deferred maintenance windows."),
      new Member("redshift_snapshot_schedule_identifier", "string", "SnapshotScheduleIdentifier", "The snapshot schedule of the cluster."),
      new Member("redshift_snapshot_schedule_state", "string", "SnapshotScheduleState", "The state of the schedule association: MODIFYING, ACTIVE, FAILED."),
      new Member("redshift_expected_next_snapshot_schedule_time", "datetime", "ExpectedNextSnapshotScheduleTime", "When the next scheduled snapshot is expected."),
      new Member("redshift_expected_next_snapshot_schedule_time_status", "string", "ExpectedNextSnapshotScheduleTimeStatus", "OnTrack or Pending."),
      new Member("redshift_next_maintenance_window_start_time", "datetime", "NextMaintenanceWindowStartTime", "When the next maintenance window starts."),
      new Member("redshift_resize_info", OBJECT, "ResizeInfo", "The kind of resize going on and whether it can be cancelled."),
      new Member("redshift_availability_zone_relocation_status", "string", "AvailabilityZoneRelocationStatus", "Whether the cluster can be relocated to another zone."),
      new Member("redshift_cluster_namespace_arn", "string", "ClusterNamespaceArn", "The ARN of the cluster's namespace."),
      new Member("redshift_total_storage_capacity_in_mega_bytes", "int64", "TotalStorageCapacityInMegaBytes", "The total storage of the cluster, in MB."),
      new Member("redshift_aqua_configuration", OBJECT, "AquaConfiguration", "The AQUA (query accelerator) status."),
      new Member("redshift_default_iam_role_arn", "string", "DefaultIamRoleArn", "The IAM role used when a command names none."),
      new Member("redshift_reserved_node_exchange_status", OBJECT, "ReservedNodeExchangeStatus", "The status of a reserved node exchange."),
      new Member("redshift_custom_domain_name", "string", "CustomDomainName", "The custom domain name of the cluster."),
      new Member("redshift_custom_domain_certificate_arn", "string", "CustomDomainCertificateArn", "The ACM certificate of the custom domain."),
      new Member("redshift_custom_domain_certificate_expiry_date", "datetime", "CustomDomainCertificateExpiryDate", "When the custom domain's certificate expires."),
      new Member("redshift_master_password_secret_arn", "string", "MasterPasswordSecretArn", "The Secrets Manager secret of the admin password."),
      new Member("redshift_master_password_secret_kms_key_id", "string", "MasterPasswordSecretKmsKeyId", "The KMS key that encrypts that secret."),
      new Member("redshift_ip_address_type", "string", "IpAddressType", "ipv4 or dualstack."),
      new Member("redshift_multi_az", "string", "MultiAZ", "Whether the cluster is deployed in two zones: Enabled or Disabled."),
      new Member("redshift_multi_az_secondary", OBJECT, "MultiAZSecondary", "The secondary compute of a Multi-AZ cluster: zone and nodes."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_vpc", "aws_iam_role")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group", "aws_kms_key", "aws_vpc", "aws_iam_role")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("redshift_logging_status", OBJECT,
          "Audit logging: whether it is on, the S3 bucket and prefix or CloudWatch destination, the logs exported, last delivery and failure."),
      MEMBERS)
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRedshiftClusterKind() {
    this(100);
  }

  /** The kind listing clusters in pages of this size (20..100; tests page small estates with it). */
  AwsRedshiftClusterKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "redshift", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("redshift:DescribeClusters", "redshift:DescribeLoggingStatus");
  }

  /** Tags through redshift:CreateTags and redshift:DeleteTags with the cluster's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("redshift:CreateTags"),
        (ctx, key, value) -> ctx.client(RedshiftClient.builder())
            .createTags(r -> r.resourceName(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
        List.of("redshift:DeleteTags"),
        (ctx, key) -> ctx.client(RedshiftClient.builder()).deleteTags(r -> r.resourceName(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    RedshiftClient redshift = ctx.client(RedshiftClient.builder());
    for (Cluster c : redshift.describeClustersPaginator(b -> b.maxRecords(pageSize)).clusters()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        DescribeLoggingStatusResponse logging =
            redshift.describeLoggingStatus(b -> b.clusterIdentifier(c.clusterIdentifier()));
        Node node = ctx.add(node(ctx, c, logging));
        String key = AwsKmsKeyKind.keyId(c.kmsKeyId());
        ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
        ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
        for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
          ctx.edgeFrom("aws_vpc", SdkMaps.text(c.vpcId()), node, type);
          for (VpcSecurityGroupMembership g : c.vpcSecurityGroups()) {
            ctx.edgeFrom("aws_ec2_security_group", g.vpcSecurityGroupId(), node, type);
          }
          // the roles the cluster may assume, found by their ARN (a role's id is its RoleId)
          c.iamRoles().forEach(r -> ctx.edgeFromArn("aws_iam_role", r.iamRoleArn(), node, type));
        }
      });
    }
  }

  /** Maps a cluster: id and name = ClusterIdentifier, ctime = ClusterCreateTime. */
  static Node node(KindContext ctx, Cluster c, DescribeLoggingStatusResponse logging) {
    Node.Builder b = ctx.node(KIND, c.clusterIdentifier()).name(c.clusterIdentifier())
        .tags(SdkMaps.tags(c.tags(), Tag::key, Tag::value))
        .ctime(c.clusterCreateTime())
        .property("redshift_logging_status", SdkMaps.plain(logging));
    SdkMaps.fill(b, MEMBERS, c);
    String arn = "arn:" + ctx.partition() + ":redshift:" + ctx.region() + ":" + ctx.account().id() + ":cluster:"
        + c.clusterIdentifier();
    return KindContext.arn(b, arn).build();
  }
}
