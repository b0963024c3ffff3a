package io.resoto.worker.aws.kinds.elasticache;

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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;

/**
 * {@code aws_elasticache_replication_group}: ElastiCache replication groups
 * (DescribeReplicationGroups, then ListTagsForResource per group). id and name are the group id,
 * ctime its creation time; as the original, no mtime/atime.
 *
 * <p>Edges as the original: the group points to its member cache clusters (which point back for
 * deletion) and to its KMS key (which points back for deletion). The original looks the key up by
 * the raw {@code KmsKeyId}, an ARN that never equals a key's id; here the key id is taken from it.
 */
public final class AwsElastiCacheReplicationGroupKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_elasticache_replication_group";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, AwsElastiCacheCacheClusterKind.KIND, AwsKmsKeyKind.KIND)
      .property("replication_group_description", "string", "The description of the replication group.")
      .property("replication_group_global_replication_group_info", OBJECT,
          "The global datastore the group belongs to: its id and the group's role (primary or secondary).")
      .property("replication_group_status", "string", "The state: creating, available, modifying, deleting, ...")
      .property("replication_group_pending_modified_values", OBJECT,
          "Changes not applied yet: primary cluster, automatic failover, resharding, auth token, user groups, logs.")
      .property("replication_group_member_clusters", "string[]", "The ids of the cache clusters in the group.")
      .property("replication_group_node_groups", OBJECTS,
          "The node groups (shards): id, status, primary and reader endpoints, slots and members.")
      .property("replication_group_snapshotting_cluster_id", "string", "The cluster snapshots are taken from.")
      .property("replication_group_automatic_failover", "string", "The automatic failover state: enabled, disabled, enabling, ...")
      .property("replication_group_multi_az", "string", "Whether the group is Multi-AZ: enabled or disabled.")
      .property("replication_group_configuration_endpoint", OBJECT, "The configuration endpoint (cluster mode): address and port.")
      .property("replication_group_snapshot_retention_limit", "int64", "How many days automatic snapshots are kept.")
      .property("replication_group_snapshot_window", "string", "The daily time range of automatic snapshots.")
      .property("replication_group_cluster_enabled", "boolean", "Whether cluster mode (sharding) is enabled.")
      .property("replication_group_cache_node_type", "string", "The node type of the group, e.g. cache.r6g.large.")
      .property("replication_group_auth_token_enabled", "boolean", "Whether clients must authenticate with a token.")
      .property("replication_group_auth_token_last_modified_date", "datetime", "When the auth token was last changed.")
      .property("replication_group_transit_encryption_enabled", "boolean", "Whether traffic to the group is encrypted.")
      .property("replication_group_at_rest_encryption_enabled", "boolean", "Whether the data on disk is encrypted.")
      .property("replication_group_member_clusters_outpost_arns", "string[]", "The Outposts the member clusters run on.")
      .property("replication_group_kms_key_id", "string", "The KMS key that encrypts the data on disk.")
      .property("replication_group_arn", "string", "The ARN of the replication group.")
      .property("replication_group_user_group_ids", "string[]", "The user groups (access control lists) of the group.")
      .property("replication_group_log_delivery_configurations", OBJECTS,
          "Where the slow and engine logs go: log type, destination, format and status.")
      .property("replication_group_data_tiering", "string", "Whether data tiering to SSD is enabled.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsElastiCacheReplicationGroupKind() {
    this(100);
  }

  /** The kind listing groups in pages of this size (MaxRecords, 20..100). */
  AwsElastiCacheReplicationGroupKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "elasticache", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticache:DescribeReplicationGroups", "elasticache:ListTagsForResource");
  }

  /** Tags through elasticache:AddTagsToResource and RemoveTagsFromResource with the group's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return ElastiCacheTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    ElastiCacheClient client = ctx.client(ElastiCacheClient.builder());
    for (ReplicationGroup g : client.describeReplicationGroupsPaginator(b -> b.maxRecords(pageSize))
        .replicationGroups()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Node node = ctx.add(node(ctx, g, g.arn() == null ? Map.of() : ElastiCacheTags.of(client, g.arn())));
        for (String member : g.memberClusters()) {
          ctx.edge(node, AwsElastiCacheCacheClusterKind.KIND, member, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsElastiCacheCacheClusterKind.KIND, member, node, EdgeType.DELETE);
        }
        String key = AwsKmsKeyKind.keyId(g.kmsKeyId());
        ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
        ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
      });
    }
  }

  /** Maps a replication group: id and name = its id. */
  static Node node(KindContext ctx, ReplicationGroup g, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, g.replicationGroupId()).name(g.replicationGroupId())
        .ctime(g.replicationGroupCreateTime()).tags(tags).categories("database");
    put(b, "replication_group_description", g.description());
    put(b, "replication_group_global_replication_group_info", g.globalReplicationGroupInfo());
    put(b, "replication_group_status", g.status());
    put(b, "replication_group_pending_modified_values", g.pendingModifiedValues());
    put(b, "replication_group_member_clusters", g.memberClusters());
    put(b, "replication_group_node_groups", g.nodeGroups());
    put(b, "replication_group_snapshotting_cluster_id", g.snapshottingClusterId());
    put(b, "replication_group_automatic_failover", g.automaticFailoverAsString());
    put(b, "replication_group_multi_az", g.multiAZAsString());
    put(b, "replication_group_configuration_endpoint", g.configurationEndpoint());
    put(b, "replication_group_snapshot_retention_limit", g.snapshotRetentionLimit());
    put(b, "replication_group_snapshot_window", g.snapshotWindow());
    put(b, "replication_group_cluster_enabled", g.clusterEnabled());
    put(b, "replication_group_cache_node_type", g.cacheNodeType());
    put(b, "replication_group_auth_token_enabled", g.authTokenEnabled());
    put(b, "replication_group_auth_token_last_modified_date", g.authTokenLastModifiedDate());
    put(b, "replication_group_transit_encryption_enabled", g.transitEncryptionEnabled());
    put(b, "replication_group_at_rest_encryption_enabled", g.atRestEncryptionEnabled());
    put(b, "replication_group_member_clusters_outpost_arns", g.memberClustersOutpostArns());
    put(b, "replication_group_kms_key_id", g.kmsKeyId());
    put(b, "replication_group_arn", g.arn());
    put(b, "replication_group_user_group_ids", g.userGroupIds());
    put(b, "replication_group_log_delivery_configurations", g.logDeliveryConfigurations());
    put(b, "replication_group_data_tiering", g.dataTieringAsString());
    return KindContext.arn(b, g.arn()).build();
  }
}
