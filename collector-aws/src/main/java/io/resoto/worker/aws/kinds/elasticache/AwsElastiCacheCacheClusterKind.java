package io.resoto.worker.aws.kinds.elasticache;

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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.CacheCluster;
import software.amazon.awssdk.services.elasticache.model.SecurityGroupMembership;

/**
 * {@code aws_elasticache_cache_cluster}: ElastiCache cache clusters (DescribeCacheClusters with
 * {@code ShowCacheNodeInfo}, then ListTagsForResource per cluster). id and name are the cluster id,
 * ctime its creation time.
 *
 * <p>The original asks without {@code ShowCacheNodeInfo}, so AWS never sends the nodes its
 * {@code cluster_cache_nodes} property is for; this kind asks for them. Edges as the original: its
 * VPC security groups point to it (default and delete); it points to the SNS topic of its
 * notifications (by topic ARN); its replication group points to it ({@link
 * AwsElastiCacheReplicationGroupKind}).
 */
public final class AwsElastiCacheCacheClusterKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_elasticache_cache_cluster";

  static final String SECURITY_GROUP = "aws_ec2_security_group";
  static final String SNS_TOPIC = "aws_sns_topic";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, SNS_TOPIC)
      .successors(EdgeType.DELETE, AwsElastiCacheReplicationGroupKind.KIND)
      .property("cluster_configuration_endpoint", OBJECT, "The configuration endpoint of a Memcached cluster: address and port.")
      .property("cluster_client_download_landing_page", "string", "Where to download the Memcached auto-discovery client.")
      .property("cluster_cache_node_type", "string", "The node type of the cluster, e.g. cache.t3.micro.")
      .property("cluster_engine", "string", "The cache engine: memcached, redis or valkey.")
      .property("cluster_engine_version", "string", "The version of the cache engine.")
      .property("cluster_cache_cluster_status", "string", "The state of the cluster: available, creating, modifying, deleting, ...")
      .property("cluster_num_cache_nodes", "int64", "The number of cache nodes.")
      .property("cluster_preferred_availability_zone", "string", "The availability zone the nodes are placed in.")
      .property("cluster_preferred_outpost_arn", "string", "The Outpost the nodes are placed on, if any.")
      .property("cluster_preferred_maintenance_window", "string", "The weekly maintenance window, e.g. sun:05:00-sun:06:00.")
      .property("cluster_pending_modified_values", OBJECT, "Changes not applied yet: node count, node type, engine version, ...")
      .property("cluster_notification_configuration", OBJECT, "The SNS topic events are sent to, and its status.")
      .property("cluster_cache_security_groups", OBJECTS, "The (EC2-Classic) cache security groups: name and status.")
      .property("cluster_cache_parameter_group", OBJECT, "The parameter group: name, status and nodes waiting for a reboot.")
      .property("cluster_cache_subnet_group_name", "string", "The subnet group of the cluster.")
      .property("cluster_cache_nodes", OBJECTS, "The cache nodes: id, status, creation time, endpoint, availability zone.")
      .property("cluster_auto_minor_version_upgrade", "boolean", "Whether minor engine upgrades are applied automatically.")
      .property("cluster_security_groups", OBJECTS, "The VPC security groups of the cluster: id and status.")
      .property("cluster_replication_group_id", "string", "The replication group the cluster belongs to, if any.")
      .property("cluster_snapshot_retention_limit", "int64", "How many days automatic snapshots are kept.")
      .property("cluster_snapshot_window", "string", "The daily time range of automatic snapshots.")
      .property("cluster_auth_token_enabled", "boolean", "Whether clients must authenticate with a token (Redis AUTH).")
      .property("cluster_auth_token_last_modified_date", "datetime", "When the auth token was last changed.")
      .property("cluster_transit_encryption_enabled", "boolean", "Whether traffic to the cluster is encrypted.")
      .property("cluster_at_rest_encryption_enabled", "boolean", "Whether the data on disk is encrypted.")
      .property("cluster_replication_group_log_delivery_enabled", "boolean",
          "Whether the cluster's replication group delivers its logs.")
      .property("cluster_log_delivery_configurations", OBJECTS,
          "Where the slow and engine logs go: log type, destination (CloudWatch Logs or Firehose), format and status.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsElastiCacheCacheClusterKind() {
    this(100);
  }

  /** The kind listing clusters in pages of this size (MaxRecords, 20..100). */
  AwsElastiCacheCacheClusterKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "elasticache", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticache:DescribeCacheClusters", "elasticache:ListTagsForResource");
  }

  /** Tags through elasticache:AddTagsToResource and RemoveTagsFromResource with the cluster's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return ElastiCacheTags.BY_ARN;
  }

  @Override
  public void collect(KindContext ctx) {
    ElastiCacheClient client = ctx.client(ElastiCacheClient.builder());
    for (CacheCluster c : client.describeCacheClustersPaginator(b -> b.maxRecords(pageSize).showCacheNodeInfo(true))
        .cacheClusters()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        Node node = ctx.add(node(ctx, c, c.arn() == null ? Map.of() : ElastiCacheTags.of(client, c.arn())));
        for (SecurityGroupMembership sg : c.securityGroups()) {
          ctx.edgeFrom(SECURITY_GROUP, sg.securityGroupId(), node, EdgeType.DEFAULT);
          ctx.edgeFrom(SECURITY_GROUP, sg.securityGroupId(), node, EdgeType.DELETE);
        }
        if (c.notificationConfiguration() != null) {
          ctx.edgeToArn(node, SNS_TOPIC, c.notificationConfiguration().topicArn(), EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps a cache cluster: id and name = its id. */
  static Node node(KindContext ctx, CacheCluster c, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, c.cacheClusterId()).name(c.cacheClusterId()).ctime(c.cacheClusterCreateTime())
        .tags(tags).categories("database");
    put(b, "cluster_configuration_endpoint", c.configurationEndpoint());
    put(b, "cluster_client_download_landing_page", c.clientDownloadLandingPage());
    put(b, "cluster_cache_node_type", c.cacheNodeType());
    put(b, "cluster_engine", c.engine());
    put(b, "cluster_engine_version", c.engineVersion());
    put(b, "cluster_cache_cluster_status", c.cacheClusterStatus());
    put(b, "cluster_num_cache_nodes", c.numCacheNodes());
    put(b, "cluster_preferred_availability_zone", c.preferredAvailabilityZone());
    put(b, "cluster_preferred_outpost_arn", c.preferredOutpostArn());
    put(b, "cluster_preferred_maintenance_window", c.preferredMaintenanceWindow());
    put(b, "cluster_pending_modified_values", c.pendingModifiedValues());
    put(b, "cluster_notification_configuration", c.notificationConfiguration());
    put(b, "cluster_cache_security_groups", c.cacheSecurityGroups());
    put(b, "cluster_cache_parameter_group", c.cacheParameterGroup());
    put(b, "cluster_cache_subnet_group_name", c.cacheSubnetGroupName());
    put(b, "cluster_cache_nodes", c.cacheNodes());
    put(b, "cluster_auto_minor_version_upgrade", c.autoMinorVersionUpgrade());
    put(b, "cluster_security_groups", c.securityGroups());
    put(b, "cluster_replication_group_id", c.replicationGroupId());
    put(b, "cluster_snapshot_retention_limit", c.snapshotRetentionLimit());
    put(b, "cluster_snapshot_window", c.snapshotWindow());
    put(b, "cluster_auth_token_enabled", c.authTokenEnabled());
    put(b, "cluster_auth_token_last_modified_date", c.authTokenLastModifiedDate());
    put(b, "cluster_transit_encryption_enabled", c.transitEncryptionEnabled());
    put(b, "cluster_at_rest_encryption_enabled", c.atRestEncryptionEnabled());
    put(b, "cluster_replication_group_log_delivery_enabled", c.replicationGroupLogDeliveryEnabled());
    put(b, "cluster_log_delivery_configurations", c.logDeliveryConfigurations());
    return KindContext.arn(b, c.arn()).build();
  }
}
