package io.resoto.worker.aws.kinds.rds;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.aws.kinds.SdkMaps.Member;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * {@code aws_rds_cluster_snapshot}: DB cluster snapshots of the account
 * (DescribeDBClusterSnapshots, then DescribeDBClusterSnapshotAttributes per snapshot; the original
 * makes that call without declaring it). id is the snapshot identifier, name its {@code Name} tag
 * (else the id), ctime the creation time. The ARN is the API's {@code DBClusterSnapshotArn} (the
 * original formats {@code snapshot/<name>}, which is not the cluster snapshot ARN AWS uses). As in
 * the original, no tag calls.
 *
 * <p>Edges: the cluster the snapshot was taken of and the VPC point to it; it points to the KMS key
 * that encrypts it.
 */
public final class AwsRdsClusterSnapshotKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_rds_cluster_snapshot";

  static final List<Member> MEMBERS = List.of(
      new Member("rds_availability_zones", "string[]", "AvailabilityZones", "The zones the snapshot's instances can be restored in."),
      new Member("rds_db_cluster_identifier", "string", "DBClusterIdentifier", "The cluster the snapshot was taken of."),
      new Member("rds_engine", "string", "Engine", "The database engine."),
      new Member("rds_engine_mode", "string", "EngineMode", "The engine mode of the cluster."),
      new Member("rds_allocated_storage", "int64", "AllocatedStorage", "The allocated storage, in GiB."),
      new Member("rds_status", "string", "Status", "The snapshot's status, e.g. available, creating."),
      new Member("rds_port", "int64", "Port", "The port the cluster listened on."),
      new Member("rds_vpc_id", "string", "VpcId", "The VPC of the cluster."),
      new Member("rds_cluster_create_time", "datetime", "ClusterCreateTime", "When the cluster was created."),
      new Member("rds_master_username", "string", "MasterUsername", "The master user name."),
      new Member("rds_engine_version", "string", "EngineVersion", "The version of the database engine."),
      new Member("rds_license_model", "string", "LicenseModel", "The license model."),
      new Member("rds_snapshot_type", "string", "SnapshotType", "manual, automated, shared, public or awsbackup."),
      new Member("rds_percent_progress", "int64", "PercentProgress", "How far the snapshot is, in percent."),
      new Member("rds_storage_encrypted", "boolean", "StorageEncrypted", "Whether the snapshot is encrypted."),
      new Member("rds_kms_key_id", "string", "KmsKeyId", "The KMS key that encrypts the snapshot."),
      new Member("rds_source_db_cluster_snapshot_arn", "string", "SourceDBClusterSnapshotArn", "For a copy, the snapshot it was copied from."),
      new Member("rds_iam_database_authentication_enabled", "boolean", "IAMDatabaseAuthenticationEnabled", "Whether IAM database authentication was on."),
      new Member("rds_storage_type", "string", "StorageType", "The storage type of the cluster."),
      new Member("rds_storage_throughput", "int64", "StorageThroughput", "The storage throughput, in MiB/s."),
      new Member("rds_db_cluster_resource_id", "string", "DbClusterResourceId", "The resource id of the cluster."),
      new Member("rds_db_system_id", "string", "DBSystemId", "The Oracle system id (SID)."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases("snapshot", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_rds_cluster", "aws_vpc")
      .display("snapshot", "storage")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("rds_attributes", "dictionary[string, string[]]",
          "The snapshot's attributes by name, e.g. restore: the accounts (or all) that may copy or restore it."), MEMBERS)
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsRdsClusterSnapshotKind() {
    this(100);
  }

  /** The kind listing snapshots in pages of this size (20..100; tests page small estates with it). */
  AwsRdsClusterSnapshotKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "rds", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("rds:DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshotAttributes");
  }

  @Override
  public void collect(KindContext ctx) {
    RdsClient rds = ctx.client(RdsClient.builder());
    for (DBClusterSnapshot s : rds.describeDBClusterSnapshotsPaginator(b -> b.maxRecords(pageSize)).dbClusterSnapshots()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        rds.describeDBClusterSnapshotAttributes(b -> b.dbClusterSnapshotIdentifier(s.dbClusterSnapshotIdentifier()))
            .dbClusterSnapshotAttributesResult().dbClusterSnapshotAttributes()
            .forEach(a -> attributes.put(a.attributeName(), a.attributeValues()));
        Node node = ctx.add(node(ctx, s, attributes));
        ctx.edgeFrom(AwsRdsClusterKind.KIND, SdkMaps.text(s.dbClusterIdentifier()), node, EdgeType.DEFAULT);
        ctx.edgeFrom("aws_vpc", SdkMaps.text(s.vpcId()), node, EdgeType.DEFAULT);
        ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(s.kmsKeyId()), EdgeType.DEFAULT);
      });
    }
  }

  /** Maps a cluster snapshot: id = DBClusterSnapshotIdentifier, name = Name tag (else the id). */
  static Node node(KindContext ctx, DBClusterSnapshot s, Map<String, List<String>> attributes) {
    Map<String, String> tags = RdsTags.map(s.tagList());
    Node.Builder b = ctx.node(KIND, s.dbClusterSnapshotIdentifier())
        .name(tags.getOrDefault("Name", s.dbClusterSnapshotIdentifier())).tags(tags)
        .ctime(s.snapshotCreateTime())
        .property("rds_attributes", attributes.isEmpty() ? null : attributes);
    SdkMaps.fill(b, MEMBERS, s);
    return KindContext.arn(b, s.dbClusterSnapshotArn()).build();
  }
}
