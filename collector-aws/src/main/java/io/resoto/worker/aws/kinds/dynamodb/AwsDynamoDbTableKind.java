package io.resoto.worker.aws.kinds.dynamodb;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

/**
 * {@code aws_dynamodb_table}: DynamoDB tables (ListTables, then per table DescribeTable,
 * ListTagsOfResource, DescribeContinuousBackups, DescribeKinesisStreamingDestination and
 * GetResourcePolicy). id is the TableId, name the table name, ctime the creation time, the ARN the
 * TableArn. A table encrypted with a customer KMS key points to the key, and the key to the table
 * (delete edge).
 *
 * <p>The original links a table to a Kinesis stream through the table's {@code LatestStreamArn}.
 * That ARN names the table's DynamoDB stream, never a Kinesis data stream, so the edge it declares
 * could only be made by accident. Here the edge comes from what actually ties a table to a Kinesis
 * stream: the table's Kinesis streaming destinations (DescribeKinesisStreamingDestination, a call
 * the original does not make). The table points to each destination stream, the stream to the
 * table (delete edge), as the original declares. A table without a resource policy answers
 * GetResourcePolicy with PolicyNotFoundException: no policy, not a failure.
 */
public final class AwsDynamoDbTableKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_dynamodb_table";

  static final String KINESIS_STREAM = "aws_kinesis_stream";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("database", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kinesis_stream", "aws_kms_key")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, KINESIS_STREAM, AwsKmsKeyKind.KIND)
      .property("dynamodb_attribute_definitions", "dictionary[string, any][]",
          "The attributes of the key schema and indexes: name and type (S, N or B).")
      .property("dynamodb_key_schema", "dictionary[string, any][]",
          "The primary key: the partition (HASH) attribute and, if any, the sort (RANGE) attribute.")
      .property("dynamodb_table_status", "string", "The table's state: CREATING, UPDATING, DELETING, ACTIVE, "
          + "INACCESSIBLE_ENCRYPTION_CREDENTIALS, ARCHIVING or ARCHIVED.")
      .property("dynamodb_provisioned_throughput", "dictionary[string, any]",
          "The provisioned read and write capacity units and when they were last increased or decreased.")
      .property("dynamodb_table_size_bytes", "int64", "The table's size in bytes, updated about every six hours.")
      .property("dynamodb_item_count", "int64", "The number of items in the table, updated about every six hours.")
      .property("dynamodb_billing_mode_summary", "dictionary[string, any]",
          "How reads and writes are billed (PROVISIONED or PAY_PER_REQUEST) and since when on demand.")
      .property("dynamodb_local_secondary_indexes", "dictionary[string, any][]",
          "The local secondary indexes: name, key schema, projection, size and item count.")
      .property("dynamodb_global_secondary_indexes", "dictionary[string, any][]",
          "The global secondary indexes: name, key schema, projection, status, throughput, size and item count.")
      .property("dynamodb_stream_specification", "dictionary[string, any]",
          "Whether the table's DynamoDB stream is on and what it records (keys only, new/old images).")
      .property("dynamodb_latest_stream_label", "string", "The timestamp label of the table's latest stream.")
      .property("dynamodb_latest_stream_arn", "string", "The ARN of the table's latest DynamoDB stream.")
      .property("dynamodb_global_table_version", "string",
          "The version of global tables the table is a replica of (2019.11.21), if any.")
      .property("dynamodb_replicas", "dictionary[string, any][]",
          "The replicas of a global table (version 2019.11.21): region, status, KMS key, table class.")
      .property("dynamodb_restore_summary", "dictionary[string, any]",
          "Where a restored table came from: source backup or table and when it was restored.")
      .property("dynamodb_sse_description", "dictionary[string, any]",
          "The server-side encryption: status, type (AES256 or KMS) and the KMS key's ARN.")
      .property("dynamodb_archival_summary", "dictionary[string, any]",
          "Why and when the table was archived, and the backup made then.")
      .property("dynamodb_table_class_summary", "dictionary[string, any]",
          "The table class (STANDARD or STANDARD_INFREQUENT_ACCESS) and when it last changed.")
      .property("dynamodb_deletion_protection_enabled", "boolean", "Whether the table is protected from deletion.")
      .property("dynamodb_on_demand_throughput", "dictionary[string, any]",
          "The most read and write request units an on-demand table may use per second.")
      .property("dynamodb_warm_throughput", "dictionary[string, any]",
          "The read and write units per second the table can take at once, and its status.")
      .property("dynamodb_multi_region_consistency", "string",
          "The consistency of a multi-Region table: EVENTUAL or STRONG.")
      .property("dynamodb_continuous_backup", "dictionary[string, any]",
          "The continuous backups and point-in-time recovery: status, recovery period, restorable window.")
      .property("dynamodb_kinesis_streaming_destinations", "dictionary[string, any][]",
          "The Kinesis data streams the table streams its changes to: stream ARN and status.")
      .property("dynamodb_policy", "string", "The table's resource-based policy, a JSON document, if any.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsDynamoDbTableKind() {
    this(100);
  }

  /** The kind listing tables in pages of this size (1..100; tests page small estates with it). */
  AwsDynamoDbTableKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "dynamodb", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("dynamodb:ListTables", "dynamodb:DescribeTable", "dynamodb:ListTagsOfResource",
        "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeKinesisStreamingDestination",
        "dynamodb:GetResourcePolicy");
  }

  /** Tags through dynamodb:TagResource and dynamodb:UntagResource with the table's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(tagging());
  }

  /** DynamoDB's tag calls on a node's ARN (tables and global tables alike). */
  static TagSupport tagging() {
    return TagSupport.of(
        List.of("dynamodb:TagResource"),
        (ctx, key, value) -> ctx.client(DynamoDbClient.builder())
            .tagResource(r -> r.resourceArn(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
        List.of("dynamodb:UntagResource"),
        (ctx, key) -> ctx.client(DynamoDbClient.builder()).untagResource(r -> r.resourceArn(ctx.arn()).tagKeys(key)));
  }

  @Override
  public void collect(KindContext ctx) {
    DynamoDbClient ddb = ctx.client(DynamoDbClient.builder());
    for (String name : ddb.listTablesPaginator(b -> b.limit(pageSize)).tableNames()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        TableDescription t = ddb.describeTable(b -> b.tableName(name)).table();
        Map<String, String> tags = tags(ddb, t.tableArn());
        ContinuousBackupsDescription backups =
            ddb.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription();
        List<KinesisDataStreamDestination> destinations =
            ddb.describeKinesisStreamingDestination(b -> b.tableName(name)).kinesisDataStreamDestinations();
        String policy = policy(ddb, t.tableArn());
        Node node = ctx.add(node(ctx, t, tags, backups, destinations, policy));
        if (t.sseDescription() != null) {
          String key = AwsKmsKeyKind.keyId(t.sseDescription().kmsMasterKeyArn());
          ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
          ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
        }
        for (KinesisDataStreamDestination d : destinations) {
          String stream = streamName(d.streamArn());
          ctx.edge(node, KINESIS_STREAM, stream, EdgeType.DEFAULT);
          ctx.edgeFrom(KINESIS_STREAM, stream, node, EdgeType.DELETE);
        }
      });
    }
  }

  /** Every tag of a DynamoDB resource (ListTagsOfResource pages by NextToken; the SDK has no paginator). */
  static Map<String, String> tags(DynamoDbClient ddb, String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    String token = null;
    do {
      String next = token;
      ListTagsOfResourceResponse page = ddb.listTagsOfResource(b -> b.resourceArn(arn).nextToken(next));
      page.tags().forEach(t -> tags.put(t.key(), t.value()));
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return tags;
  }

  /** The resource policy, or null when the resource has none. */
  static String policy(DynamoDbClient ddb, String arn) {
    try {
      return ddb.getResourcePolicy(b -> b.resourceArn(arn)).policy();
    } catch (PolicyNotFoundException e) {
      return null;
    }
  }

  /** The stream name of a Kinesis stream ARN (arn:...:stream/NAME), or null. */
  static String streamName(String arn) {
    if (arn == null || !arn.contains(":stream/")) {
      return null;
    }
    return arn.substring(arn.indexOf(":stream/") + ":stream/".length());
  }

  /** Maps a table: id = TableId, name = TableName, ctime = CreationDateTime, arn = TableArn. */
  static Node node(KindContext ctx, TableDescription t, Map<String, String> tags, ContinuousBackupsDescription backups,
      List<KinesisDataStreamDestination> destinations, String policy) {
    Node.Builder b = ctx.node(KIND, t.tableId()).name(t.tableName()).ctime(t.creationDateTime()).tags(tags);
    put(b, "dynamodb_attribute_definitions", plain(t.attributeDefinitions()));
    put(b, "dynamodb_key_schema", plain(t.keySchema()));
    put(b, "dynamodb_table_status", t.tableStatusAsString());
    put(b, "dynamodb_provisioned_throughput", plain(t.provisionedThroughput()));
    put(b, "dynamodb_table_size_bytes", t.tableSizeBytes());
    put(b, "dynamodb_item_count", t.itemCount());
    put(b, "dynamodb_billing_mode_summary", plain(t.billingModeSummary()));
    put(b, "dynamodb_local_secondary_indexes", plain(t.localSecondaryIndexes()));
    put(b, "dynamodb_global_secondary_indexes", plain(t.globalSecondaryIndexes()));
    put(b, "dynamodb_stream_specification", plain(t.streamSpecification()));
    put(b, "dynamodb_latest_stream_label", t.latestStreamLabel());
    put(b, "dynamodb_latest_stream_arn", t.latestStreamArn());
    put(b, "dynamodb_global_table_version", t.globalTableVersion());
    put(b, "dynamodb_replicas", plain(t.replicas()));
    put(b, "dynamodb_restore_summary", plain(t.restoreSummary()));
    put(b, "dynamodb_sse_description", plain(t.sseDescription()));
    put(b, "dynamodb_archival_summary", plain(t.archivalSummary()));
    put(b, "dynamodb_table_class_summary", plain(t.tableClassSummary()));
    put(b, "dynamodb_deletion_protection_enabled", t.deletionProtectionEnabled());
    put(b, "dynamodb_on_demand_throughput", plain(t.onDemandThroughput()));
    put(b, "dynamodb_warm_throughput", plain(t.warmThroughput()));
    put(b, "dynamodb_multi_region_consistency", t.multiRegionConsistencyAsString());
    put(b, "dynamodb_continuous_backup", plain(backups));
    put(b, "dynamodb_kinesis_streaming_destinations", plain(destinations));
    put(b, "dynamodb_policy", policy);
    return KindContext.arn(b, t.tableArn()).build();
  }
}
