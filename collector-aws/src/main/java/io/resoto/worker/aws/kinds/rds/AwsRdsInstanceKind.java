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
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Subnet;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

/**
 * {@code aws_rds_instance}: RDS DB instances (DescribeDBInstances). id is the instance
 * identifier, name the database name (the identifier when there is none), ctime the creation
 * time, the ARN {@code DBInstanceArn}; tags come with the listing ({@code TagList}), so no
 * ListTagsForResource call per instance is made (the original makes one).
 *
 * <p>Edges: the instance points to its KMS key, which points back over a delete edge; its VPC,
 * subnets and VPC security groups point to it (default and delete).
 *
 * <p>Not collected yet: atime/mtime from CloudWatch DatabaseConnections and the usage metrics.
 */
public final class AwsRdsInstanceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_rds_instance";

  static final List<Member> MEMBERS = List.of(
      new Member("rds_db_instance_class", "string", "DBInstanceClass", "The compute and memory class, e.g. db.t3.micro."),
      new Member("rds_engine", "string", "Engine", "The database engine, e.g. postgres, mysql, aurora-postgresql."),
      new Member("rds_db_instance_status", "string", "DBInstanceStatus", "The instance's status as RDS reports it, e.g. available, stopped."),
      new Member("rds_master_username", "string", "MasterUsername", "The master user name."),
      new Member("rds_db_name", "string", "DBName", "The name of the initial database."),
      new Member("rds_endpoint", OBJECT, "Endpoint", "The connection endpoint: address, port, hosted zone."),
      new Member("rds_allocated_storage", "int64", "AllocatedStorage", "The allocated storage, in GiB."),
      new Member("rds_preferred_backup_window", "string", "PreferredBackupWindow", "The daily time range of automated backups (UTC)."),
      new Member("rds_backup_retention_period", "int64", "BackupRetentionPeriod", "How many days automated backups are kept."),
      new Member("rds_db_security_groups", OBJECTS, "DBSecurityGroups", "The DB security groups (EC2-Classic) with their status."),
      new Member("rds_vpc_security_groups", OBJECTS, "VpcSecurityGroups", "The VPC security groups with their status."),
      new Member("rds_db_parameter_groups", OBJECTS, "DBParameterGroups", "The DB parameter groups with their apply status."),
      new Member("rds_availability_zone", "string", "AvailabilityZone", "The availability zone of the instance."),
      new Member("rds_db_subnet_group", OBJECT, "DBSubnetGroup", "The subnet group: name, VPC, status and subnets."),
      new Member("rds_preferred_maintenance_window", "string", "PreferredMaintenanceWindow", "The weekly maintenance time range (UTC)."),
      new Member("rds_pending_modified_values", OBJECT, "PendingModifiedValues", "Changes that are pending and will be applied."),
      new Member("rds_latest_restorable_time", "datetime", "LatestRestorableTime", "The latest time point-in-time restore can go to."),
      new Member("rds_multi_az", "boolean", "MultiAZ", "Whether the instance is a Multi-AZ deployment."),
      new Member("rds_engine_version", "string", "EngineVersion", "The version of the database engine."),
      new Member("rds_auto_minor_version_upgrade", "boolean", "AutoMinorVersionUpgrade", "Whether minor engine upgrades are applied automatically."),
      new Member("rds_read_replica_source_db_instance_identifier", "string", "ReadReplicaSourceDBInstanceIdentifier", "For a read replica, the instance it replicates."),
      new Member("rds_read_replica_db_instance_identifiers", "string[]", "ReadReplicaDBInstanceIdentifiers", "The read replicas of this instance."),
      new Member("rds_read_replica_db_cluster_identifiers", "string[]", "ReadReplicaDBClusterIdentifiers", "The Aurora clusters that replicate this instance."),
      new Member("rds_replica_mode", "string", "ReplicaMode", "For an Oracle or SQL Server replica: open-read-only or mounted."),
      new Member("rds_license_model", "string", "LicenseModel", "The license model, e.g. license-included, bring-your-own-license."),
      new Member("rds_iops", "int64", "Iops", "The provisioned IOPS."),
      new Member("rds_storage_throughput", "int64", "StorageThroughput", "The storage throughput, in MiB/s (gp3)."),
      new Member("rds_option_group_memberships", OBJECTS, "OptionGroupMemberships", "The option groups with their status."),
      new Member("rds_character_set_name", "string", "CharacterSetName", "The character set of the database."),
      new Member("rds_nchar_character_set_name", "string", "NcharCharacterSetName", "The national character set (Oracle)."),
      new Member("rds_secondary_availability_zone", "string", "SecondaryAvailabilityZone", "The zone of the Multi-AZ standby."),
      new Member("rds_publicly_accessible", "boolean", "PubliclyAccessible", "Whether the endpoint resolves to a public address."),
      new Member("rds_status_infos", OBJECTS, "StatusInfos", "The status of read replication, with errors."),
      new Member("rds_storage_type", "string", "StorageType", "The storage type: gp2, gp3, io1, io2, standard."),
      new Member("rds_tde_credential_arn", "string", "TdeCredentialArn", "The key store ARN for transparent data encryption."),
      new Member("rds_db_instance_port", "int64", "DbInstancePort", "The port of a DB instance in a cluster, if it differs from the cluster's."),
      new Member("rds_db_cluster_identifier", "string", "DBClusterIdentifier", "The cluster the instance belongs to, if any."),
      new Member("rds_storage_encrypted", "boolean", "StorageEncrypted", "Whether the storage is encrypted."),
      new Member("rds_kms_key_id", "string", "KmsKeyId", "The KMS key that encrypts the storage."),
      new Member("rds_dbi_resource_id", "string", "DbiResourceId", "The region-unique, immutable resource id of the instance."),
      new Member("rds_ca_certificate_identifier", "string", "CACertificateIdentifier", "The CA certificate of the server certificate."),
      new Member("rds_domain_memberships", OBJECTS, "DomainMemberships", "The Active Directory domains the instance is joined to."),
      new Member("rds_copy_tags_to_snapshot", "boolean", "CopyTagsToSnapshot", "Whether snapshots get the instance's tags."),
      new Member("rds_monitoring_interval", "int64", "MonitoringInterval", "The Enhanced Monitoring interval, in seconds (0: off)."),
      new Member("rds_enhanced_monitoring_resource_arn", "string", "EnhancedMonitoringResourceArn", "The CloudWatch Logs stream of Enhanced Monitoring."),
      new Member("rds_monitoring_role_arn", "string", "MonitoringRoleArn", "The role that sends Enhanced Monitoring metrics."),
      new Member("rds_promotion_tier", "int64", "PromotionTier", "The order in which an Aurora replica is promoted on failure."),
      new Member("rds_timezone", "string", "Timezone", "The time zone of the instance (SQL Server)."),
      new Member("rds_iam_database_authentication_enabled", "boolean", "IAMDatabaseAuthenticationEnabled", "Whether IAM users can authenticate to the database."),
      new Member("rds_database_insights_mode", "string", "DatabaseInsightsMode", "The Database Insights mode: standard or advanced."),
      new Member("rds_performance_insights_enabled", "boolean", "PerformanceInsightsEnabled", "Whether Performance Insights is on."),
      new Member("rds_performance_insights_kms_key_id", "string", "PerformanceInsightsKMSKeyId", "The KMS key that encrypts Performance Insights data."),
      new Member("rds_performance_insights_retention_period", "int64", "PerformanceInsightsRetentionPeriod", "How long Performance Insights data is kept, in days."),
      new Member("rds_enabled_cloudwatch_logs_exports", "string[]", "EnabledCloudwatchLogsExports", "The logs exported to CloudWatch Logs."),
      new Member("rds_processor_features", OBJECTS, "ProcessorFeatures", "The CPU settings (core count, threads per core)."),
      new Member("rds_deletion_protection", "boolean", "DeletionProtection", "Whether the instance is protected from deletion."),
      new Member("rds_associated_roles", OBJECTS, "AssociatedRoles", "The IAM roles associated with the instance, with feature and status."),
      new Member("rds_listener_endpoint", OBJECT, "ListenerEndpoint", "The listener endpoint (SQL Server Always On)."),
      new Member("rds_max_allocated_storage", "int64", "MaxAllocatedStorage", "The upper limit of storage autoscaling, in GiB."),
      new Member("rds_automation_mode", "string", "AutomationMode", "The automation mode of RDS Custom: full or all-paused."),
      new Member("rds_resume_full_automation_mode_time", "datetime", "ResumeFullAutomationModeTime", "When RDS Custom resumes full automation."),
      new Member("rds_customer_owned_ip_enabled", "boolean", "CustomerOwnedIpEnabled", "Whether a customer-owned address is used (RDS on Outposts)."),
      new Member("rds_network_type", "string", "NetworkType", "The network type: IPV4 or DUAL."),
      new Member("rds_activity_stream_status", "string", "ActivityStreamStatus", "The status of the database activity stream."),
      new Member("rds_activity_stream_kms_key_id", "string", "ActivityStreamKmsKeyId", "The KMS key that encrypts the activity stream."),
      new Member("rds_activity_stream_kinesis_stream_name", "string", "ActivityStreamKinesisStreamName", "The Kinesis stream of the activity stream."),
      new Member("rds_activity_stream_mode", "string", "ActivityStreamMode", "The activity stream mode: sync or async."),
      new Member("rds_activity_stream_engine_native_audit_fields_included", "boolean", "ActivityStreamEngineNativeAuditFieldsIncluded",
          "Whether the activity stream includes engine-native audit fields."),
      new Member("rds_aws_backup_recovery_point_arn", "string", "AwsBackupRecoveryPointArn", "The AWS Backup recovery point of the instance."),
      new Member("rds_db_instance_automated_backups_replications", OBJECTS, "DBInstanceAutomatedBackupsReplications",
          "The automated backups replicated to other regions."),
      new Member("rds_backup_target", "string", "BackupTarget", "Where automated backups are stored: region or outposts."),
      new Member("rds_automatic_restart_time", "datetime", "AutomaticRestartTime", "When a stopped instance is started again automatically."),
      new Member("rds_custom_iam_instance_profile", "string", "CustomIamInstanceProfile", "The instance profile of an RDS Custom instance."),
      new Member("rds_activity_stream_policy_status", "string", "ActivityStreamPolicyStatus", "The status of the activity stream's policy."),
      new Member("rds_certificate_details", OBJECT, "CertificateDetails", "The server certificate: CA identifier and validity end."),
      new Member("rds_db_system_id", "string", "DBSystemId", "The Oracle system id (SID)."),
      new Member("rds_master_user_secret", OBJECT, "MasterUserSecret", "The Secrets Manager secret of the master password: ARN, status, KMS key."),
      new Member("rds_read_replica_source_db_cluster_identifier", "string", "ReadReplicaSourceDBClusterIdentifier", "For a replica of a cluster, that cluster."),
      new Member("rds_percent_progress", "string", "PercentProgress", "The progress of the storage optimisation, in percent."),
      new Member("rds_multi_tenant", "boolean", "MultiTenant", "Whether the instance is a multi-tenant container database."),
      new Member("rds_dedicated_log_volume", "boolean", "DedicatedLogVolume", "Whether the instance has a dedicated log volume."),
      new Member("rds_is_storage_config_upgrade_available", "boolean", "IsStorageConfigUpgradeAvailable", "Whether a storage file system upgrade is available."),
      new Member("rds_engine_lifecycle_support", "string", "EngineLifecycleSupport", "Whether the engine version is in standard or extended support."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases("database", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group", "aws_ec2_subnet", "aws_kms_key", "aws_vpc")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("db_type", "string", "The database engine (the original's normalised field).")
      .property("db_status", "string", "The normalised status: available, busy, stopped, failed, terminated or unknown.")
      .property("db_endpoint", "string", "host:port of the database.")
      .property("db_version", "string", "The engine version.")
      .property("db_publicly_accessible", "boolean", "Whether the database is reachable from the internet.")
      .property("instance_type", "string", "The instance class of the database.")
      .property("volume_size", "int64", "The allocated storage, in GiB.")
      .property("volume_iops", "int64", "The provisioned IOPS of the storage.")
      .property("volume_encrypted", "boolean", "Whether the storage is encrypted."), MEMBERS)
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRdsInstanceKind() {
    this(100);
  }

  /** The kind listing instances in pages of this size (20..100; tests page small estates with it). */
  AwsRdsInstanceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "rds", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("rds:DescribeDBInstances");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return RdsTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    RdsClient rds = ctx.client(RdsClient.builder());
    for (DBInstance db : rds.describeDBInstancesPaginator(b -> b.maxRecords(pageSize)).dbInstances()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, db));
      String key = AwsKmsKeyKind.keyId(db.kmsKeyId());
      ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
      for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
        if (db.dbSubnetGroup() != null) {
          ctx.edgeFrom("aws_vpc", SdkMaps.text(db.dbSubnetGroup().vpcId()), node, type);
          for (Subnet s : db.dbSubnetGroup().subnets()) {
            ctx.edgeFrom("aws_ec2_subnet", s.subnetIdentifier(), node, type);
          }
        }
        for (VpcSecurityGroupMembership g : db.vpcSecurityGroups()) {
          ctx.edgeFrom("aws_ec2_security_group", g.vpcSecurityGroupId(), node, type);
        }
      }
    }
  }

  /** Maps an instance: id = DBInstanceIdentifier, name = DBName (else the id), ctime = InstanceCreateTime. */
  static Node node(KindContext ctx, DBInstance db) {
    String name = db.dbName() != null && !db.dbName().isEmpty() ? db.dbName() : db.dbInstanceIdentifier();
    Node.Builder b = ctx.node(KIND, db.dbInstanceIdentifier()).name(name)
        .tags(RdsTags.map(db.tagList()))
        .ctime(db.instanceCreateTime())
        .property("db_type", db.engine())
        .property("db_status", status(db.dbInstanceStatus()))
        .property("db_endpoint", db.endpoint() == null ? null : db.endpoint().address() + ":" + db.endpoint().port())
        .property("db_version", db.engineVersion())
        .property("db_publicly_accessible", db.publiclyAccessible())
        .property("instance_type", db.dbInstanceClass())
        .property("volume_size", SdkMaps.int64(db.allocatedStorage()))
        .property("volume_iops", SdkMaps.int64(db.iops()))
        .property("volume_encrypted", db.storageEncrypted());
    SdkMaps.fill(b, MEMBERS, db);
    return KindContext.arn(b, db.dbInstanceArn()).build();
  }

  /** RDS's many instance states, normalised as the original does. */
  static String status(String state) {
    if (state == null) {
      return "unknown";
    }
    return switch (state) {
      case "available" -> "available";
      case "stopped" -> "stopped";
      case "deleting", "deleted" -> "terminated";
      case "failed", "inaccessible-encryption-credentials", "incompatible-network", "incompatible-option-group",
          "incompatible-parameters", "incompatible-restore", "insufficient-capacity", "restore-error",
          "storage-full" -> "failed";
      case "backing-up", "configuring-enhanced-monitoring", "configuring-iam-database-auth",
          "configuring-log-exports", "converting-to-vpc", "creating", "maintenance", "modifying", "moving-to-vpc",
          "rebooting", "renaming", "resetting-master-credentials", "starting", "stopping", "storage-optimization",
          "upgrading" -> "busy";
      default -> "unknown";
    };
  }
}
