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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalTable;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;

/**
 * {@code aws_dynamodb_global_table}: DynamoDB global tables of version 2017.11.29 (ListGlobalTables,
 * then per table DescribeGlobalTable, ListTagsOfResource and GetResourcePolicy), collected once per
 * account from the partition's global region, as the original does. id and name are the global
 * table's name, ctime its creation time, the ARN the GlobalTableArn. A global table whose replicas
 * are encrypted with a customer KMS key points to that key (collected in the replica's region), and
 * the key to the global table (delete edge).
 */
public final class AwsDynamoDbGlobalTableKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_dynamodb_global_table";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("database", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_kms_key")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .property("dynamodb_replication_group", "dictionary[string, any][]",
          "The replicas: region, status, KMS key, throughput overrides, indexes and table class.")
      .property("dynamodb_global_table_status", "string",
          "The global table's state: CREATING, ACTIVE, DELETING or UPDATING.")
      .property("dynamodb_policy", "string", "The global table's resource-based policy, a JSON document, if any.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsDynamoDbGlobalTableKind() {
    this(100);
  }

  /** The kind listing global tables in pages of this size (1..100; tests page small estates with it). */
  AwsDynamoDbGlobalTableKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "dynamodb", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("dynamodb:ListGlobalTables", "dynamodb:DescribeGlobalTable", "dynamodb:ListTagsOfResource",
        "dynamodb:GetResourcePolicy");
  }

  /** Tags through dynamodb:TagResource and dynamodb:UntagResource with the global table's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(AwsDynamoDbTableKind.tagging());
  }

  @Override
  public void collect(KindContext ctx) {
    DynamoDbClient ddb = ctx.client(DynamoDbClient.builder());
    String start = null;
    do {
      String after = start;
      ListGlobalTablesResponse page =
          ddb.listGlobalTables(b -> b.limit(pageSize).exclusiveStartGlobalTableName(after));
      for (GlobalTable listed : page.globalTables()) {
        if (ctx.isCancelled()) {
          return;
        }
        ctx.submit(() -> {
          GlobalTableDescription t =
              ddb.describeGlobalTable(b -> b.globalTableName(listed.globalTableName())).globalTableDescription();
          Map<String, String> tags = AwsDynamoDbTableKind.tags(ddb, t.globalTableArn());
          String policy = AwsDynamoDbTableKind.policy(ddb, t.globalTableArn());
          Node node = ctx.add(node(ctx, t, tags, policy));
          for (ReplicaDescription r : t.replicationGroup()) {
            String key = AwsKmsKeyKind.keyId(r.kmsMasterKeyId());
            ctx.edge(node, AwsKmsKeyKind.KIND, key, EdgeType.DEFAULT);
            ctx.edgeFrom(AwsKmsKeyKind.KIND, key, node, EdgeType.DELETE);
          }
        });
      }
      start = page.lastEvaluatedGlobalTableName();
    } while (start != null);
  }

  /** Maps a global table: id and name = GlobalTableName, ctime = CreationDateTime, arn = GlobalTableArn. */
  static Node node(KindContext ctx, GlobalTableDescription t, Map<String, String> tags, String policy) {
    Node.Builder b = ctx.node(KIND, t.globalTableName()).name(t.globalTableName()).ctime(t.creationDateTime())
        .tags(tags);
    put(b, "dynamodb_replication_group", plain(t.replicationGroup()));
    put(b, "dynamodb_global_table_status", t.globalTableStatusAsString());
    put(b, "dynamodb_policy", policy);
    return KindContext.arn(b, t.globalTableArn()).build();
  }
}
