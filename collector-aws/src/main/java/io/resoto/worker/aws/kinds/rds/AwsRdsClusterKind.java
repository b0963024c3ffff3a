package io.resoto.worker.aws.kinds.rds;

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
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * {@code aws_rds_cluster}: Aurora and Multi-AZ DB clusters (DescribeDBClusters). id and name are
 * the cluster identifier, ctime the creation time, the ARN {@code DBClusterArn}, tags the
 * {@code TagList}.
 *
 * <p>Edges: the cluster points to its member instances (default and delete edges), its KMS key and
 * the Kinesis stream of its activity stream ({@code aws_kinesis_stream}, another group's kind);
 * its VPC security groups point to it (default and delete).
 */
public final class AwsRdsClusterKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_rds_cluster";

  static final List<Member> MEMBERS = List.of(
      new Member("rds_allocated_storage", "int64", "AllocatedStorage", "The allocated storage, in GiB (1 for Aurora, which grows by itself)."),
      new Member("rds_availability_zones", "string[]", "AvailabilityZones", "The zones the cluster's instances can be in."),
      new Member("rds_backup_retention_period", "int64", "BackupRetentionPeriod", "How many days automated backups are kept."),
      new Member("rds_character_set_name", "string", "CharacterSetName", "The character set of the database."),
      new Member("rds_database_name", "string", "DatabaseName", "The name of the initial database."),
      new Member("rds_db_cluster_parameter_group", "string", "DBClusterParameterGroup", "The cluster parameter group."),
      new Member("rds_db_subnet_group_name", "string", "DBSubnetGroup", "The name of the cluster's subnet group."),
      new Member("rds_status", "string", "Status", "The cluster's status as RDS reports it, e.g. available."),
      new Member("rds_percent_progress", "string", "PercentProgress", "The progress of the operation, in percent."),
      new Member("rds_earliest_restorable_time", "datetime", "EarliestRestorableTime", "The earliest time point-in-time restore can go to."),
      new Member("rds_endpoint", "string", "Endpoint", "The writer endpoint of the cluster."),
      new Member("rds_reader_endpoint", "string", "ReaderEndpoint", "The load-balanced endpoint of the reader instances."),
      new Member("rds_custom_endpoints", "string[]", "CustomEndpoints", "The custom endpoints of the cluster."),
      new Member("rds_multi_az", "boolean", "MultiAZ", "Whether the cluster has instances in several zones."),
      new Member("rds_engine", "string", "Engine", "The database engine, e.g. aurora-postgresql."),
      new Member("rds_engine_version", "string", "EngineVersion", "The version of the database engine."),
      new Member("rds_latest_restorable_time", "datetime", "LatestRestorableTime", "The latest time point-in-time restore can go to."),
      new Member("rds_port", "int64", "Port", "The port the database listens on."),
      new Member("rds_master_username", "string", "MasterUsername", "The master user name."),
      new Member("rds_db_cluster_option_group_memberships", OBJECTS, "DBClusterOptionGroupMemberships", "The option groups with their status."),
      new Member("rds_preferred_backup_window", "string", "PreferredBackupWindow", "The daily time range of automated backups (UTC)."),
      new Member("rds_preferred_maintenance_window", "string", "PreferredMaintenanceWindow", "The weekly maintenance time range (UTC)."),
      new Member("rds_replication_source_identifier", "string", "ReplicationSourceIdentifier", "For a read replica cluster, its source."),
      new Member("rds_read_replica_identifiers", "string[]", "ReadReplicaIdentifiers", "The read replica clusters of this cluster."),
      new Member("rds_status_infos", OBJECTS, "StatusInfos", "Status details of the cluster."),
      new Member("rds_db_cluster_members", OBJECTS, "DBClusterMembers", "The member instances: id, writer or reader, parameter group status, promotion tier."),
      new Member("rds_vpc_security_groups", OBJECTS, "VpcSecurityGroups", "The VPC security groups with their status."),
      new Member("rds_hosted_zone_id", "string", "HostedZoneId", "The Route 53 hosted zone of the endpoints."),
      new Member("rds_storage_encrypted", "boolean", "StorageEncrypted", "Whether the storage is encrypted."),
      new Member("rds_kms_key_id", "string", "KmsKeyId", "The KMS key that encrypts the storage."),
      new Member("rds_db_cluster_resource_id", "string", "DbClusterResourceId", "The region-unique, immutable resource id of the cluster."),
      new Member("rds_associated_roles", OBJECTS, "AssociatedRoles", "The IAM roles associated with the cluster, with feature and status."),
      new Member("rds_iam_database_authentication_enabled", "boolean", "IAMDatabaseAuthenticationEnabled", "Whether IAM users can authenticate to the database."),
      new Member("rds_clone_group_id", "string", "CloneGroupId", "The clone group the cluster belongs to."),
      new Member("rds_earliest_backtrack_time", "datetime", "EarliestBacktrackTime", "The earliest time the cluster can be backtracked to."),
      new Member("rds_backtrack_window", "int64", "BacktrackWindow", "The target backtrack window, in seconds (0: off)."),
      new Member("rds_backtrack_consumed_change_records", "int64", "BacktrackConsumedChangeRecords", "The change records stored for backtracking."),
      new Member("rds_enabled_cloudwatch_logs_exports", "string[]", "EnabledCloudwatchLogsExports", "The logs exported to CloudWatch Logs."),
      new Member("rds_capacity", "int64", "Capacity", "The current capacity of an Aurora Serverless v1 cluster, in ACUs."),
      new Member("rds_pending_modified_values", OBJECT, "PendingModifiedValues", "Changes that are pending and will be applied."),
      new Member("rds_engine_mode", "string", "EngineMode", "The engine mode: provisioned, serverless, parallelquery, global, multimaster."),
      new Member("rds_scaling_configuration_info", OBJECT, "ScalingConfigurationInfo", "The Aurora Serverless v1 scaling: min and max capacity, auto pause."),
      new Member("rds_custom_cluster_configuration", OBJECT, "RdsCustomClusterConfiguration", "The RDS Custom cluster settings."),
      new Member("rds_db_cluster_instance_class", "string", "DBClusterInstanceClass", "The instance class of a Multi-AZ DB cluster's instances."),
      new Member("rds_storage_type", "string", "StorageType", "The storage type, e.g. aurora, aurora-iopt1, io1."),
      new Member("rds_iops", "int64", "Iops", "The provisioned IOPS (Multi-AZ DB clusters)."),
      new Member("rds_storage_throughput", "int64", "StorageThroughput", "The storage throughput, in MiB/s."),
      new Member("rds_io_optimized_next_allowed_modification_time", "datetime", "IOOptimizedNextAllowedModificationTime",
          "The earliest time the storage type can be switched back from I/O-Optimized."),
      new Member("rds_publicly_accessible", "boolean", "PubliclyAccessible", "Whether the cluster is reachable from the internet."),
      new Member("rds_auto_minor_version_upgrade", "boolean", "AutoMinorVersionUpgrade", "Whether minor engine upgrades are applied automatically."),
      new Member("rds_deletion_protection", "boolean", "DeletionProtection", "Whether the cluster is protected from deletion."),
      new Member("rds_http_endpoint_enabled", "boolean", "HttpEndpointEnabled", "Whether the RDS Data API (HTTP endpoint) is on."),
      new Member("rds_activity_stream_mode", "string", "ActivityStreamMode", "The activity stream mode: sync or async."),
      new Member("rds_activity_stream_status", "string", "ActivityStreamStatus", "The status of the database activity stream."),
      new Member("rds_activity_stream_kms_key_id", "string", "ActivityStreamKmsKeyId", "The KMS key that encrypts the activity stream."),
      new Member("rds_activity_stream_kinesis_stream_name", "string", "ActivityStreamKinesisStreamName", "The Kinesis stream of the activity stream."),
      new Member("rds_copy_tags_to_snapshot", "boolean", "CopyTagsToSnapshot", "Whether snapshots get the cluster's tags."),
      new Member("rds_cross_account_clone", "boolean", "CrossAccountClone", "Whether the cluster can be cloned across accounts."),
      new Member("rds_domain_memberships", OBJECTS, "DomainMemberships", "The Active Directory domains the cluster is joined to."),
      new Member("rds_global_cluster_identifier", "string", "GlobalClusterIdentifier", "The global database the cluster belongs to."),
      new Member("rds_global_write_forwarding_status", "string", "GlobalWriteForwardingStatus", "Whether a secondary cluster forwards writes."),
      new Member("rds_global_write_forwarding_requested", "boolean", "GlobalWriteForwardingRequested", "Whether write forwarding was requested."),
      new Member("rds_network_type", "string", "NetworkType", "The network type: IPV4 or DUAL."),
      new Member("rds_automatic_restart_time", "datetime", "AutomaticRestartTime", "When a stopped cluster is started again automatically."),
      new Member("rds_serverless_v2_scaling_configuration", OBJECT, "ServerlessV2ScalingConfiguration", "The Aurora Serverless v2 capacity range, in ACUs."),
      new Member("rds_serverless_v2_platform_version", "string", "ServerlessV2PlatformVersion", "The Aurora Serverless v2 platform version."),
      new Member("rds_monitoring_interval", "int64", "MonitoringInterval", "The Enhanced Monitoring interval, in seconds (0: off)."),
      new Member("rds_monitoring_role_arn", "string", "MonitoringRoleArn", "The role that sends Enhanced Monitoring metrics."),
      new Member("rds_database_insights_mode", "string", "DatabaseInsightsMode", "The Database Insights mode: standard or advanced."),
      new Member("rds_performance_insights_enabled", "boolean", "PerformanceInsightsEnabled", "Whether Performance Insights is on."),
      new Member("rds_performance_insights_kms_key_id", "string", "PerformanceInsightsKMSKeyId", "The KMS key that encrypts Performance Insights data."),
      new Member("rds_performance_insights_retention_period", "int64", "PerformanceInsightsRetentionPeriod", "How long Performance Insights data is kept, in days."),
      new Member("rds_db_system_id", "string", "DBSystemId", "The Oracle system id (SID)."),
      new Member("rds_master_user_secret", OBJECT, "MasterUserSecret", "The Secrets Manager secret of the master password: ARN, status, KMS key."),
      new Member("rds_local_write_forwarding_status", "string", "LocalWriteForwardingStatus", "Whether reader instances forward writes to the writer."),
      new Member("rds_aws_backup_recovery_point_arn", "string", "AwsBackupRecoveryPointArn", "The AWS Backup recovery point of the cluster."),
      new Member("rds_limitless_database", OBJECT, "LimitlessDatabase", "The Aurora Limitless Database status and minimum capacity."),
      new Member("rds_cluster_scalability_type", "string", "ClusterScalabilityType", "standard or limitless."),
      new Member("rds_certificate_details", OBJECT, "CertificateDetails", "The server certificate: CA identifier and validity end."),
      new Member("rds_engine_lifecycle_support", "string", "EngineLifecycleSupport", "Whether the engine version is in standard or extended support."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases("database", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, AwsRdsInstanceKind.KIND, AwsKmsKeyKind.KIND, "aws_kinesis_stream")
      .successors(EdgeType.DELETE, AwsRdsInstanceKind.KIND)
      .property("db_type", "string", "The database engine (the original's normalised field).")
      .property("db_status", "string", "The normalised status: available, busy, stopped, failed, terminated or unknown.")
      .property("db_endpoint", "string", "host:port of the cluster's writer endpoint.")
      .property("db_version", "string", "The engine version.")
      .property("db_publicly_accessible", "boolean", "Whether the database is reachable from the internet.")
      .property("volume_size", "int64", "The allocated storage, in GiB.")
      .property("volume_iops", "int64", "The provisioned IOPS of the storage.")
      .property("volume_encrypted", "boolean", "Whether the storage is encrypted."), MEMBERS)
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRdsClusterKind() {
    this(100);
  }

  /** The kind listing clusters in pages of this size (20..100; tests page small estates with it). */
  AwsRdsClusterKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "rds", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("rds:DescribeDBClusters");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return RdsTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    RdsClient rds = ctx.client(RdsClient.builder());
    for (DBCluster c : rds.describeDBClustersPaginator(b -> b.maxRecords(pageSize)).dbClusters()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, c));
      for (DBClusterMember m : c.dbClusterMembers()) {
        ctx.edge(node, AwsRdsInstanceKind.KIND, m.dbInstanceIdentifier(), EdgeType.DEFAULT);
        ctx.edge(node, AwsRdsInstanceKind.KIND, m.dbInstanceIdentifier(), EdgeType.DELETE);
      }
      ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(c.kmsKeyId()), EdgeType.DEFAULT);
      ctx.edge(node, "aws_kinesis_stream", SdkMaps.text(c.activityStreamKinesisStreamName()), EdgeType.DEFAULT);
      for (VpcSecurityGroupMembership g : c.vpcSecurityGroups()) {
        ctx.edgeFrom("aws_ec2_security_group", g.vpcSecurityGroupId(), node, EdgeType.DEFAULT);
        ctx.edgeFrom("aws_ec2_security_group", g.vpcSecurityGroupId(), node, EdgeType.DELETE);
      }
    }
  }

  /** Maps a cluster: id and name = DBClusterIdentifier, ctime = ClusterCreateTime. */
  static Node node(KindContext ctx, DBCluster c) {
    Node.Builder b = ctx.node(KIND, c.dbClusterIdentifier()).name(c.dbClusterIdentifier())
        .tags(RdsTags.map(c.tagList()))
        .ctime(c.clusterCreateTime())
        .property("db_type", c.engine())
        .property("db_status", AwsRdsInstanceKind.status(c.status()))
        .property("db_endpoint", c.endpoint() == null ? null : c.endpoint() + ":" + c.port())
        .property("db_version", c.engineVersion())
        .property("db_publicly_accessible", c.publiclyAccessible())
        .property("volume_size", SdkMaps.int64(c.allocatedStorage()))
        .property("volume_iops", SdkMaps.int64(c.iops()))
        .property("volume_encrypted", c.storageEncrypted());
    SdkMaps.fill(b, MEMBERS, c);
    return KindContext.arn(b, c.dbClusterArn()).build();
  }
}
