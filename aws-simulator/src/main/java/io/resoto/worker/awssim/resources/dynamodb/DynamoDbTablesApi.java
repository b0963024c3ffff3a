package io.resoto.worker.awssim.resources.dynamodb;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalTable;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableDescription;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.Replica;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;

/**
 * DynamoDB tables and (version 2017.11.29) global tables (JSON 1.0, target prefix
 * {@code DynamoDB_20120810}): ListTables, DescribeTable, ListTagsOfResource,
 * DescribeContinuousBackups, DescribeKinesisStreamingDestination, GetResourcePolicy,
 * ListGlobalTables, DescribeGlobalTable, TagResource and UntagResource, from the estate's regional
 * {@code dynamodb} collections:
 * <ul>
 *   <li>{@code Tables}: {@link TableDescription}, DescribeTable's shape;</li>
 *   <li>{@code GlobalTables}: {@link GlobalTableDescription}, DescribeGlobalTable's shape;</li>
 *   <li>{@code Tags}: {@link TagResourceRequest} (ResourceArn, Tags) of tables and global tables;</li>
 *   <li>{@code ResourcePolicies}: {@link PutResourcePolicyRequest} (ResourceArn, Policy);</li>
 *   <li>{@code ContinuousBackups}: {@link UpdateContinuousBackupsRequest} (TableName,
 *       PointInTimeRecoverySpecification); a table without one has point-in-time recovery off;</li>
 *   <li>{@code KinesisStreamingDestinations}: {@link DescribeKinesisStreamingDestinationResponse}
 *       (TableName, KinesisDataStreamDestinations).</li>
 * </ul>
 *
 * <p>As in AWS: ListTables pages by {@code Limit} (1..100, default 100) and
 * {@code ExclusiveStartTableName}/{@code LastEvaluatedTableName}, ListGlobalTables likewise by
 * global table name and filters by {@code RegionName}; ListTagsOfResource pages by an opaque
 * {@code NextToken}; an unknown table is {@code ResourceNotFoundException}, an unknown global table
 * {@code GlobalTableNotFoundException}; GetResourcePolicy of a resource without a policy is
 * {@code PolicyNotFoundException}; tag keys starting with {@code aws:} are refused
 * ({@code ValidationException}); a resource holds at most 50 tags ({@code LimitExceededException}).
 */
public final class DynamoDbTablesApi implements ResourceApi {

  private static final int MAX_TAGS = 50;
  private static final int TAGS_PAGE = 10;
  private static final ItemKey<TableDescription> TABLE = ItemKey.of("TableName", TableDescription::tableName);
  private static final ItemKey<TableDescription> TABLE_ARN = ItemKey.of("TableArn", TableDescription::tableArn);
  private static final ItemKey<GlobalTableDescription> GLOBAL =
      ItemKey.of("GlobalTableName", GlobalTableDescription::globalTableName);
  private static final ItemKey<GlobalTableDescription> GLOBAL_ARN =
      ItemKey.of("GlobalTableArn", GlobalTableDescription::globalTableArn);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("ResourceArn", TagResourceRequest::resourceArn);
  private static final ItemKey<PutResourcePolicyRequest> POLICY =
      ItemKey.of("ResourceArn", PutResourcePolicyRequest::resourceArn);
  private static final ItemKey<UpdateContinuousBackupsRequest> BACKUPS =
      ItemKey.of("TableName", UpdateContinuousBackupsRequest::tableName);
  private static final ItemKey<DescribeKinesisStreamingDestinationResponse> KINESIS =
      ItemKey.of("TableName", DescribeKinesisStreamingDestinationResponse::tableName);

  /** Registered in {@code ResourceApis.ALL}. */
  public DynamoDbTablesApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListTablesRequest.class, (ctx, req) -> {
      List<String> names = store.regional(ctx, "dynamodb", "Tables", TableDescription.class).stream()
          .map(TableDescription::tableName).sorted().toList();
      int limit = limit(req.limit());
      List<String> after = req.exclusiveStartTableName() == null ? names
          : names.stream().filter(n -> n.compareTo(req.exclusiveStartTableName()) > 0).toList();
      List<String> page = after.subList(0, Math.min(limit, after.size()));
      return ListTablesResponse.builder().tableNames(page)
          .lastEvaluatedTableName(after.size() > limit ? page.get(page.size() - 1) : null).build();
    });
    registry.on(DescribeTableRequest.class, (ctx, req) ->
        DescribeTableResponse.builder().table(table(store, ctx, req.tableName())).build());
    registry.on(DescribeContinuousBackupsRequest.class, (ctx, req) -> {
      TableDescription table = table(store, ctx, req.tableName());
      UpdateContinuousBackupsRequest spec = store.findRegional(ctx, "dynamodb", "ContinuousBackups",
          UpdateContinuousBackupsRequest.class, BACKUPS, table.tableName());
      boolean on = spec != null && spec.pointInTimeRecoverySpecification() != null
          && Boolean.TRUE.equals(spec.pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled());
      PointInTimeRecoveryDescription.Builder pitr = PointInTimeRecoveryDescription.builder()
          .pointInTimeRecoveryStatus(on ? PointInTimeRecoveryStatus.ENABLED : PointInTimeRecoveryStatus.DISABLED);
      if (on) {
        Integer days = spec.pointInTimeRecoverySpecification().recoveryPeriodInDays();
        int period = days == null ? 35 : days;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant earliest = now.minus(Duration.ofDays(period));
        if (table.creationDateTime() != null && table.creationDateTime().isAfter(earliest)) {
          earliest = table.creationDateTime();
        }
        pitr.recoveryPeriodInDays(period).earliestRestorableDateTime(earliest)
            .latestRestorableDateTime(now.minus(Duration.ofMinutes(5)));
      }
      return DescribeContinuousBackupsResponse.builder().continuousBackupsDescription(ContinuousBackupsDescription
          .builder().continuousBackupsStatus(ContinuousBackupsStatus.ENABLED)
          .pointInTimeRecoveryDescription(pitr.build()).build()).build();
    });
    registry.on(DescribeKinesisStreamingDestinationRequest.class, (ctx, req) -> {
      TableDescription table = table(store, ctx, req.tableName());
      DescribeKinesisStreamingDestinationResponse found = store.findRegional(ctx, "dynamodb",
          "KinesisStreamingDestinations", DescribeKinesisStreamingDestinationResponse.class, KINESIS,
          table.tableName());
      List<KinesisDataStreamDestination> destinations = found == null ? List.of()
          : found.kinesisDataStreamDestinations();
      return DescribeKinesisStreamingDestinationResponse.builder().tableName(table.tableName())
          .kinesisDataStreamDestinations(destinations).build();
    });
    registry.on(GetResourcePolicyRequest.class, (ctx, req) -> {
      String arn = resourceArn(store, ctx, req.resourceArn());
      PutResourcePolicyRequest policy = store.findRegional(ctx, "dynamodb", "ResourcePolicies",
          PutResourcePolicyRequest.class, POLICY, arn);
      if (policy == null) {
        throw AwsError.of(400, "PolicyNotFoundException", "Resource-based policy not found for the provided "
            + "ResourceArn: " + arn);
      }
      return GetResourcePolicyResponse.builder().policy(policy.policy())
          .revisionId(Integer.toHexString(policy.policy().hashCode())).build();
    });
    registry.on(ListTagsOfResourceRequest.class, (ctx, req) -> {
      String arn = resourceArn(store, ctx, req.resourceArn());
      TagResourceRequest entry = store.findRegional(ctx, "dynamodb", "Tags", TagResourceRequest.class, TAGS, arn);
      Page<Tag> page = Page.of(entry == null ? List.of() : entry.tags(),
          "dynamodb:ListTagsOfResource:" + arn, req.nextToken(), null, TAGS_PAGE, TAGS_PAGE);
      return ListTagsOfResourceResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = resourceArn(store, ctx, req.resourceArn());
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())
            || !TagRules.isValue(t.value())) {
          throw AwsError.of(400, "ValidationException", "One or more parameter values were invalid: tag "
              + t.key() + " is not valid");
        }
      }
      store.updateRegional(ctx, "dynamodb", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tags().forEach(t -> tags.put(t.key(), t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "LimitExceededException", "Tag limit exceeded for " + arn);
        }
        return TagResourceRequest.builder().resourceArn(arn).tags(asList(tags)).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = resourceArn(store, ctx, req.resourceArn());
      store.updateRegional(ctx, "dynamodb", "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry == null ? List.of() : entry.tags());
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().resourceArn(arn).tags(asList(tags)).build();
      });
      return UntagResourceResponse.builder().build();
    });
    registry.on(ListGlobalTablesRequest.class, (ctx, req) -> {
      List<GlobalTableDescription> all = new ArrayList<>(
          store.regional(ctx, "dynamodb", "GlobalTables", GlobalTableDescription.class));
      all.sort((a, b) -> a.globalTableName().compareTo(b.globalTableName()));
      List<GlobalTable> tables = all.stream()
          .filter(t -> req.regionName() == null
              || t.replicationGroup().stream().anyMatch(r -> req.regionName().equals(r.regionName())))
          .filter(t -> req.exclusiveStartGlobalTableName() == null
              || t.globalTableName().compareTo(req.exclusiveStartGlobalTableName()) > 0)
          .map(t -> GlobalTable.builder().globalTableName(t.globalTableName()).replicationGroup(
              t.replicationGroup().stream().map(r -> Replica.builder().regionName(r.regionName()).build()).toList())
              .build())
          .toList();
      int limit = limit(req.limit());
      List<GlobalTable> page = tables.subList(0, Math.min(limit, tables.size()));
      return ListGlobalTablesResponse.builder().globalTables(page)
          .lastEvaluatedGlobalTableName(tables.size() > limit ? page.get(page.size() - 1).globalTableName() : null)
          .build();
    });
    registry.on(DescribeGlobalTableRequest.class, (ctx, req) -> DescribeGlobalTableResponse.builder()
        .globalTableDescription(global(store, ctx, req.globalTableName())).build());
  }

  private static int limit(Integer limit) {
    if (limit != null && (limit < 1 || limit > 100)) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value '" + limit
          + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100");
    }
    return limit == null ? 100 : limit;
  }

  private static TableDescription table(ResourceStore store, CallContext ctx, String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value null at 'tableName' "
          + "failed to satisfy constraint: Member must not be null");
    }
    TableDescription t = nameOrArn.startsWith("arn:")
        ? store.findRegional(ctx, "dynamodb", "Tables", TableDescription.class, TABLE_ARN, nameOrArn)
        : store.findRegional(ctx, "dynamodb", "Tables", TableDescription.class, TABLE, nameOrArn);
    if (t == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "Requested resource not found: Table: " + nameOrArn
          + " not found");
    }
    return t;
  }

  private static GlobalTableDescription global(ResourceStore store, CallContext ctx, String name) {
    GlobalTableDescription t = name == null ? null
        : store.findRegional(ctx, "dynamodb", "GlobalTables", GlobalTableDescription.class, GLOBAL, name);
    if (t == null) {
      throw AwsError.of(400, "GlobalTableNotFoundException", "Global table not found: Global table with name: "
          + name + " does not exist");
    }
    return t;
  }

  /** The ARN of an existing table or global table of the caller's account and the call's region. */
  private static String resourceArn(ResourceStore store, CallContext ctx, String arn) {
    if (arn == null || arn.isEmpty()) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value null at 'resourceArn' "
          + "failed to satisfy constraint: Member must not be null");
    }
    if (store.findRegional(ctx, "dynamodb", "Tables", TableDescription.class, TABLE_ARN, arn) == null
        && store.findRegional(ctx, "dynamodb", "GlobalTables", GlobalTableDescription.class, GLOBAL_ARN, arn)
        == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "Requested resource not found: ResourceArn: " + arn
          + " not found");
    }
    return arn;
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  private static List<Tag> asList(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }
}
