package io.resoto.worker.aws.kinds.rds;

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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DBSnapshotAttribute;

/**
 * {@code aws_rds_snapshot}: DB instance snapshots of the account (DescribeDBSnapshots, then
 * DescribeDBSnapshotAttributes per snapshot for who may restore it; the original makes that call
 * without declaring it). id is the snapshot identifier, name its {@code Name} tag (else the id:
 * the original reads the tag from a {@code Tags} member DBSnapshot does not have, so its name is
 * always the id), ctime the creation time, the ARN {@code DBSnapshotArn}.
 *
 * <p>Edges: the instance the snapshot was taken of and the VPC point to it; it points to the KMS
 * key that encrypts it.
 *
 * <p>Snapshots are a high-volume listing that throttles easily (peers.md §3 A.4); the request rate
 * of {@code rds} is the engine's to limit.
 */
public final class AwsRdsSnapshotKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_rds_snapshot";

  static final List<Member> MEMBERS = List.of(
      new Member("rds_db_instance_identifier", "string", "DBInstanceIdentifier", "The instance the snapshot was taken of."),
      new Member("rds_engine", "string", "Engine", "The database engine."),
      new Member("rds_allocated_storage", "int64", "AllocatedStorage", "The allocated storage of the instance, in GiB."),
      new Member("rds_status", "string", "Status", "The snapshot's status, e.g. available, creating."),
      new Member("rds_port", "int64", "Port", "The port the instance listened on."),
      new Member("rds_availability_zone", "string", "AvailabilityZone", "The zone of the instance when the snapshot was taken."),
      new Member("rds_vpc_id", "string", "VpcId", "The VPC of the instance."),
      new Member("rds_instance_create_time", "datetime", "InstanceCreateTime", "When the instance was created."),
      new Member("rds_master_username", "string", "MasterUsername", "The master user name."),
      new Member("rds_engine_version", "string", "EngineVersion", "The version of the database engine."),
      new Member("rds_license_model", "string", "LicenseModel", "The license model of the instance."),
      new Member("rds_snapshot_type", "string", "SnapshotType", "manual, automated, shared, public or awsbackup."),
      new Member("rds_iops", "int64", "Iops", "The provisioned IOPS of the instance."),
      new Member("rds_storage_throughput", "int64", "StorageThroughput", "The storage throughput of the instance, in MiB/s."),
      new Member("rds_option_group_name", "string", "OptionGroupName", "The option group of the instance."),
      new Member("rds_percent_progress", "int64", "PercentProgress", "How far the snapshot is, in percent."),
      new Member("rds_source_region", "string", "SourceRegion", "For a copied snapshot, the region it was copied from."),
      new Member("rds_source_db_snapshot_identifier", "string", "SourceDBSnapshotIdentifier", "For a copied snapshot, the snapshot it was copied from."),
      new Member("rds_storage_type", "string", "StorageType", "The storage type of the instance."),
      new Member("rds_tde_credential_arn", "string", "TdeCredentialArn", "The key store ARN for transparent data encryption."),
      new Member("rds_encrypted", "boolean", "Encrypted", "Whether the snapshot is encrypted."),
      new Member("rds_kms_key_id", "string", "KmsKeyId", "The KMS key that encrypts the snapshot."),
      new Member("rds_timezone", "string", "Timezone", "The time zone of the instance (SQL Server)."),
      new Member("rds_iam_database_authentication_enabled", "boolean", "IAMDatabaseAuthenticationEnabled", "Whether IAM database authentication was on."),
      new Member("rds_processor_features", OBJECTS, "ProcessorFeatures", "The CPU settings of the instance."),
      new Member("rds_dbi_resource_id", "string", "DbiResourceId", "The resource id of the instance."),
      new Member("rds_snapshot_target", "string", "SnapshotTarget", "Where the snapshot is stored: region or outposts."),
      new Member("rds_original_snapshot_create_time", "datetime", "OriginalSnapshotCreateTime", "For a copy, when the original was taken."),
      new Member("rds_snapshot_database_time", "datetime", "SnapshotDatabaseTime", "The database time the snapshot's data is from."),
      new Member("rds_db_system_id", "string", "DBSystemId", "The Oracle system id (SID)."),
      new Member("rds_multi_tenant", "boolean", "MultiTenant", "Whether the instance was a multi-tenant container database."),
      new Member("rds_dedicated_log_volume", "boolean", "DedicatedLogVolume", "Whether the instance had a dedicated log volume."),
      new Member("rds_snapshot_availability_zone", "string", "SnapshotAvailabilityZone", "The zone the snapshot is stored in."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases("snapshot", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_rds_instance", "aws_vpc")
      .display("snapshot", "storage")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("rds_attributes", "dictionary[string, string[]]",
          "The snapshot's attributes by name, e.g. restore: the accounts (or all) that may copy or restore it."), MEMBERS)
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRdsSnapshotKind() {
    this(100);
  }

  /** The kind listing snapshots in pages of this size (20..100; tests page small estates with it). */
  AwsRdsSnapshotKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "rds", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("rds:DescribeDBSnapshots", "rds:DescribeDBSnapshotAttributes");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return RdsTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    RdsClient rds = ctx.client(RdsClient.builder());
    for (DBSnapshot s : rds.describeDBSnapshotsPaginator(b -> b.maxRecords(pageSize)).dbSnapshots()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        List<DBSnapshotAttribute> attributes = rds.describeDBSnapshotAttributes(b -> b.dbSnapshotIdentifier(s.dbSnapshotIdentifier()))
            .dbSnapshotAttributesResult().dbSnapshotAttributes();
        Map<String, List<String>> byName = new java.util.LinkedHashMap<>();
        attributes.forEach(a -> byName.put(a.attributeName(), a.attributeValues()));
        Node node = ctx.add(node(ctx, s, byName));
        ctx.edgeFrom(AwsRdsInstanceKind.KIND, SdkMaps.text(s.dbInstanceIdentifier()), node, EdgeType.DEFAULT);
        ctx.edgeFrom("aws_vpc", SdkMaps.text(s.vpcId()), node, EdgeType.DEFAULT);
        ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(s.kmsKeyId()), EdgeType.DEFAULT);
      });
    }
  }

  /** Maps a snapshot: id = DBSnapshotIdentifier, name = Name tag (else the id), ctime = SnapshotCreateTime. */
  static Node node(KindContext ctx, DBSnapshot s, Map<String, List<String>> attributes) {
    Map<String, String> tags = RdsTags.map(s.tagList());
    Node.Builder b = ctx.node(KIND, s.dbSnapshotIdentifier())
        .name(tags.getOrDefault("Name", s.dbSnapshotIdentifier())).tags(tags)
        .ctime(s.snapshotCreateTime())
        .property("rds_attributes", attributes.isEmpty() ? null : attributes);
    SdkMaps.fill(b, MEMBERS, s);
    return KindContext.arn(b, s.dbSnapshotArn()).build();
  }
}
