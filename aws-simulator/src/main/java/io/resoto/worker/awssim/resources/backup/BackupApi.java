package io.resoto.worker.awssim.resources.backup;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.CopyJob;
import software.amazon.awssdk.services.backup.model.Framework;
import software.amazon.awssdk.services.backup.model.GetBackupVaultAccessPolicyRequest;
import software.amazon.awssdk.services.backup.model.GetBackupVaultAccessPolicyResponse;
import software.amazon.awssdk.services.backup.model.LegalHold;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupJobsResponse;
import software.amazon.awssdk.services.backup.model.ListBackupPlansRequest;
import software.amazon.awssdk.services.backup.model.ListBackupPlansResponse;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupVaultsResponse;
import software.amazon.awssdk.services.backup.model.ListCopyJobsRequest;
import software.amazon.awssdk.services.backup.model.ListCopyJobsResponse;
import software.amazon.awssdk.services.backup.model.ListFrameworksRequest;
import software.amazon.awssdk.services.backup.model.ListFrameworksResponse;
import software.amazon.awssdk.services.backup.model.ListLegalHoldsRequest;
import software.amazon.awssdk.services.backup.model.ListLegalHoldsResponse;
import software.amazon.awssdk.services.backup.model.ListProtectedResourcesRequest;
import software.amazon.awssdk.services.backup.model.ListProtectedResourcesResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListReportPlansRequest;
import software.amazon.awssdk.services.backup.model.ListReportPlansResponse;
import software.amazon.awssdk.services.backup.model.ListRestoreJobsRequest;
import software.amazon.awssdk.services.backup.model.ListRestoreJobsResponse;
import software.amazon.awssdk.services.backup.model.ListRestoreTestingPlansRequest;
import software.amazon.awssdk.services.backup.model.ListRestoreTestingPlansResponse;
import software.amazon.awssdk.services.backup.model.ListTagsRequest;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;
import software.amazon.awssdk.services.backup.model.ProtectedResource;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.ReportPlan;
import software.amazon.awssdk.services.backup.model.RestoreJobsListMember;
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForList;
import software.amazon.awssdk.services.backup.model.TagResourceRequest;
import software.amazon.awssdk.services.backup.model.TagResourceResponse;
import software.amazon.awssdk.services.backup.model.UntagResourceRequest;
import software.amazon.awssdk.services.backup.model.UntagResourceResponse;

/**
 * AWS Backup (REST-JSON) in the caller's account and region: the listings of vaults, recovery
 * points per vault, plans, protected resources, backup/restore/copy jobs, report plans, restore
 * testing plans, legal holds and frameworks, GetBackupVaultAccessPolicy, ListTags, TagResource and
 * UntagResource. The estate's {@code backup} collections hold the items in the shape of the
 * listings' members: {@code BackupVaults} ({@link BackupVaultListMember}), {@code RecoveryPoints}
 * ({@link RecoveryPointByBackupVault}, each naming its vault), {@code BackupPlans}
 * ({@link BackupPlansListMember}), {@code ProtectedResources}, {@code BackupJobs}, {@code RestoreJobs}
 * ({@link RestoreJobsListMember}), {@code CopyJobs}, {@code ReportPlans}, {@code RestoreTestingPlans}
 * ({@link RestoreTestingPlanForList}), {@code LegalHolds}, {@code Frameworks}; beside them
 * {@code VaultPolicies} ({@link GetBackupVaultAccessPolicyResponse}: BackupVaultName, Policy) and
 * {@code Tags} ({@link TagResourceRequest}: ResourceArn, Tags).
 *
 * <p>As in AWS: pages hold MaxResults (1..1000) items; a foreign or tampered NextToken is
 * {@code InvalidParameterValueException}; ListBackupPlans leaves deleted plans (those with a
 * DeletionDate) out unless IncludeDeleted; the job listings and ListRecoveryPointsByBackupVault
 * honour their By* filters; an unknown vault is {@code ResourceNotFoundException}, and so is a
 * vault without an access policy; the tag calls take the ARN of a vault, plan, recovery point,
 * report plan, restore testing plan, legal hold or framework (others are
 * {@code ResourceNotFoundException}), refuse {@code aws:} keys and keep at most 50 tags.
 */
public final class BackupApi implements ResourceApi {

  private static final String SERVICE = "backup";
  private static final int MAX_RESULTS = 1000;
  private static final int MAX_TAGS = 50;

  private static final ItemKey<BackupVaultListMember> VAULT_BY_NAME =
      ItemKey.of("BackupVaultName", BackupVaultListMember::backupVaultName);
  private static final ItemKey<GetBackupVaultAccessPolicyResponse> POLICY_BY_NAME =
      ItemKey.of("BackupVaultName", GetBackupVaultAccessPolicyResponse::backupVaultName);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("ResourceArn", TagResourceRequest::resourceArn);

  /** The collections whose items the tag calls take, each with the member holding the ARN. */
  private static final List<Tagged<?>> TAGGABLE = List.of(
      new Tagged<>("BackupVaults", BackupVaultListMember.class, BackupVaultListMember::backupVaultArn),
      new Tagged<>("BackupPlans", BackupPlansListMember.class, BackupPlansListMember::backupPlanArn),
      new Tagged<>("RecoveryPoints", RecoveryPointByBackupVault.class, RecoveryPointByBackupVault::recoveryPointArn),
      new Tagged<>("ReportPlans", ReportPlan.class, ReportPlan::reportPlanArn),
      new Tagged<>("RestoreTestingPlans", RestoreTestingPlanForList.class,
          RestoreTestingPlanForList::restoreTestingPlanArn),
      new Tagged<>("LegalHolds", LegalHold.class, LegalHold::legalHoldArn),
      new Tagged<>("Frameworks", Framework.class, Framework::frameworkArn));

  private record Tagged<T extends SdkPojo>(String collection, Class<T> type, java.util.function.Function<T, String> arn) {
    ItemKey<T> key() {
      return ItemKey.of("Arn", arn);
    }
  }

  /** Registered in {@code ResourceApis.ALL}. */
  public BackupApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListBackupVaultsRequest.class, (ctx, req) -> {
      List<BackupVaultListMember> all = store.regional(ctx, SERVICE, "BackupVaults", BackupVaultListMember.class)
          .stream().filter(v -> req.byVaultType() == null || req.byVaultType() == v.vaultType()).toList();
      Page<BackupVaultListMember> page = page(ctx, "ListBackupVaults:" + req.byVaultTypeAsString(), all,
          req.nextToken(), req.maxResults());
      return ListBackupVaultsResponse.builder().backupVaultList(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetBackupVaultAccessPolicyRequest.class, (ctx, req) -> {
      BackupVaultListMember vault = vault(store, ctx, req.backupVaultName());
      GetBackupVaultAccessPolicyResponse policy = store.findRegional(ctx, SERVICE, "VaultPolicies",
          GetBackupVaultAccessPolicyResponse.class, POLICY_BY_NAME, vault.backupVaultName());
      if (policy == null || policy.policy() == null) {
        throw AwsError.of(400, "ResourceNotFoundException",
            "Backup vault " + vault.backupVaultName() + " does not have an access policy");
      }
      return policy.toBuilder().backupVaultArn(vault.backupVaultArn()).build();
    });
    registry.on(ListRecoveryPointsByBackupVaultRequest.class, (ctx, req) -> {
      BackupVaultListMember vault = vault(store, ctx, req.backupVaultName());
      List<RecoveryPointByBackupVault> all = store.regional(ctx, SERVICE, "RecoveryPoints",
              RecoveryPointByBackupVault.class).stream()
          .filter(p -> vault.backupVaultName().equals(p.backupVaultName()))
          .filter(matches(req.byResourceArn(), RecoveryPointByBackupVault::resourceArn))
          .filter(matches(req.byResourceType(), RecoveryPointByBackupVault::resourceType))
          .filter(matches(req.byBackupPlanId(), p -> p.createdBy() == null ? null : p.createdBy().backupPlanId()))
          .filter(matches(req.byParentRecoveryPointArn(), RecoveryPointByBackupVault::parentRecoveryPointArn))
          .filter(between(req.byCreatedAfter(), req.byCreatedBefore(), RecoveryPointByBackupVault::creationDate))
          .toList();
      Page<RecoveryPointByBackupVault> page = page(ctx, "ListRecoveryPointsByBackupVault:" + filters(req.toBuilder().nextToken(null).maxResults(null).build()), all,
          req.nextToken(), req.maxResults());
      return ListRecoveryPointsByBackupVaultResponse.builder().recoveryPoints(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(ListBackupPlansRequest.class, (ctx, req) -> {
      boolean deleted = Boolean.TRUE.equals(req.includeDeleted());
      List<BackupPlansListMember> all = store.regional(ctx, SERVICE, "BackupPlans", BackupPlansListMember.class)
          .stream().filter(p -> deleted || p.deletionDate() == null).toList();
      Page<BackupPlansListMember> page = page(ctx, "ListBackupPlans:" + deleted, all, req.nextToken(),
          req.maxResults());
      return ListBackupPlansResponse.builder().backupPlansList(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListProtectedResourcesRequest.class, (ctx, req) -> {
      Page<ProtectedResource> page = page(ctx, "ListProtectedResources",
          store.regional(ctx, SERVICE, "ProtectedResources", ProtectedResource.class), req.nextToken(),
          req.maxResults());
      return ListProtectedResourcesResponse.builder().results(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListBackupJobsRequest.class, (ctx, req) -> {
      List<BackupJob> all = store.regional(ctx, SERVICE, "BackupJobs", BackupJob.class).stream()
          .filter(matches(req.byResourceArn(), BackupJob::resourceArn))
          .filter(matches(req.byStateAsString(), BackupJob::stateAsString))
          .filter(matches(req.byBackupVaultName(), BackupJob::backupVaultName))
          .filter(matches(req.byResourceType(), BackupJob::resourceType))
          .filter(matches(req.byAccountId(), BackupJob::accountId))
          .filter(matches(req.byParentJobId(), BackupJob::parentJobId))
          .filter(between(req.byCreatedAfter(), req.byCreatedBefore(), BackupJob::creationDate))
          .toList();
      Page<BackupJob> page = page(ctx, "ListBackupJobs:" + filters(req.toBuilder().nextToken(null).maxResults(null).build()), all, req.nextToken(), req.maxResults());
      return ListBackupJobsResponse.builder().backupJobs(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListRestoreJobsRequest.class, (ctx, req) -> {
      List<RestoreJobsListMember> all = store.regional(ctx, SERVICE, "RestoreJobs", RestoreJobsListMember.class)
          .stream()
          .filter(matches(req.byAccountId(), RestoreJobsListMember::accountId))
          .filter(matches(req.byResourceType(), RestoreJobsListMember::resourceType))
          .filter(matches(req.byStatusAsString(), RestoreJobsListMember::statusAsString))
          .filter(matches(req.byRestoreTestingPlanArn(),
              j -> j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn()))
          .filter(between(req.byCreatedAfter(), req.byCreatedBefore(), RestoreJobsListMember::creationDate))
          .toList();
      Page<RestoreJobsListMember> page = page(ctx, "ListRestoreJobs:" + filters(req.toBuilder().nextToken(null).maxResults(null).build()), all, req.nextToken(), req.maxResults());
      return ListRestoreJobsResponse.builder().restoreJobs(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListCopyJobsRequest.class, (ctx, req) -> {
      List<CopyJob> all = store.regional(ctx, SERVICE, "CopyJobs", CopyJob.class).stream()
          .filter(matches(req.byResourceArn(), CopyJob::resourceArn))
          .filter(matches(req.byStateAsString(), CopyJob::stateAsString))
          .filter(matches(req.byResourceType(), CopyJob::resourceType))
          .filter(matches(req.byDestinationVaultArn(), CopyJob::destinationBackupVaultArn))
          .filter(matches(req.byAccountId(), CopyJob::accountId))
          .filter(matches(req.byParentJobId(), CopyJob::parentJobId))
          .filter(between(req.byCreatedAfter(), req.byCreatedBefore(), CopyJob::creationDate))
          .toList();
      Page<CopyJob> page = page(ctx, "ListCopyJobs:" + filters(req.toBuilder().nextToken(null).maxResults(null).build()), all, req.nextToken(), req.maxResults());
      return ListCopyJobsResponse.builder().copyJobs(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListReportPlansRequest.class, (ctx, req) -> {
      Page<ReportPlan> page = page(ctx, "ListReportPlans",
          store.regional(ctx, SERVICE, "ReportPlans", ReportPlan.class), req.nextToken(), req.maxResults());
      return ListReportPlansResponse.builder().reportPlans(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListRestoreTestingPlansRequest.class, (ctx, req) -> {
      Page<RestoreTestingPlanForList> page = page(ctx, "ListRestoreTestingPlans",
          store.regional(ctx, SERVICE, "RestoreTestingPlans", RestoreTestingPlanForList.class), req.nextToken(),
          req.maxResults());
      return ListRestoreTestingPlansResponse.builder().restoreTestingPlans(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(ListLegalHoldsRequest.class, (ctx, req) -> {
      Page<LegalHold> page = page(ctx, "ListLegalHolds",
          store.regional(ctx, SERVICE, "LegalHolds", LegalHold.class), req.nextToken(), req.maxResults());
      return ListLegalHoldsResponse.builder().legalHolds(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListFrameworksRequest.class, (ctx, req) -> {
      Page<Framework> page = page(ctx, "ListFrameworks",
          store.regional(ctx, SERVICE, "Frameworks", Framework.class), req.nextToken(), req.maxResults());
      return ListFrameworksResponse.builder().frameworks(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListTagsRequest.class, (ctx, req) -> {
      String arn = taggable(store, ctx, req.resourceArn());
      List<Map.Entry<String, String>> tags = List.copyOf(tags(store, ctx, arn).entrySet());
      Page<Map.Entry<String, String>> page = page(ctx, "ListTags:" + arn, tags, req.nextToken(), req.maxResults());
      Map<String, String> out = new TreeMap<>();
      page.items().forEach(e -> out.put(e.getKey(), e.getValue()));
      return ListTagsResponse.builder().tags(out).nextToken(page.nextToken()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = taggable(store, ctx, req.resourceArn());
      for (Map.Entry<String, String> t : req.tags().entrySet()) {
        if (!TagRules.isUserKey(t.getKey())
            || !TagRules.isValue(t.getValue())) {
          throw AwsError.of(400, "InvalidParameterValueException", "Tag key " + t.getKey() + " is not valid.");
        }
      }
      store.updateRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = new TreeMap<>(entry == null ? Map.of() : entry.tags());
        tags.putAll(req.tags());
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "LimitExceededException", "A resource holds at most " + MAX_TAGS + " tags.");
        }
        return TagResourceRequest.builder().resourceArn(arn).tags(tags).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = taggable(store, ctx, req.resourceArn());
      store.updateRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = new TreeMap<>(entry == null ? Map.of() : entry.tags());
        req.tagKeyList().forEach(tags::remove);
        return TagResourceRequest.builder().resourceArn(arn).tags(tags).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T> Page<T> page(CallContext ctx, String listing, List<T> all, String token, Integer maxResults) {
    if (maxResults != null && (maxResults < 1 || maxResults > MAX_RESULTS)) {
      throw AwsError.of(400, "InvalidParameterValueException", "1 validation error detected: Value '" + maxResults
          + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + MAX_RESULTS);
    }
    try {
      return Page.of(all, "backup:" + listing + ":" + ctx.caller().accountId() + ":" + ctx.region(), token,
          maxResults, MAX_RESULTS, MAX_RESULTS);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidParameterValueException", "The next token is not valid.");
    }
  }

  /** The request without its paging members: what names the listing a token belongs to. */
  private static String filters(Object request) {
    return request.toString();
  }

  private static <T> Predicate<T> matches(String wanted, java.util.function.Function<T, String> value) {
    return item -> wanted == null || wanted.equals(value.apply(item));
  }

  private static <T> Predicate<T> between(Instant after, Instant before, java.util.function.Function<T, Instant> at) {
    return item -> {
      Instant t = at.apply(item);
      return (after == null || t != null && t.isAfter(after)) && (before == null || t != null && t.isBefore(before));
    };
  }

  private static BackupVaultListMember vault(ResourceStore store, CallContext ctx, String name) {
    BackupVaultListMember vault = name == null ? null
        : store.findRegional(ctx, SERVICE, "BackupVaults", BackupVaultListMember.class, VAULT_BY_NAME, name);
    if (vault == null) {
      throw AwsError.of(400, "ResourceNotFoundException", "Backup vault " + name + " does not exist in "
          + ctx.caller().accountId() + " " + ctx.region());
    }
    return vault;
  }

  /** The ARN if it names a taggable item of the caller's account and region. */
  private static String taggable(ResourceStore store, CallContext ctx, String arn) {
    if (arn != null) {
      for (Tagged<?> t : TAGGABLE) {
        if (find(store, ctx, t, arn) != null) {
          return arn;
        }
      }
    }
    throw AwsError.of(400, "ResourceNotFoundException", "Resource " + arn + " does not exist");
  }

  private static <T extends SdkPojo> T find(ResourceStore store, CallContext ctx, Tagged<T> t, String arn) {
    return store.findRegional(ctx, SERVICE, t.collection(), t.type(), t.key(), arn);
  }

  private static Map<String, String> tags(ResourceStore store, CallContext ctx, String arn) {
    TagResourceRequest entry = store.findRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn);
    return entry == null ? Map.of() : new TreeMap<>(Objects.requireNonNull(entry.tags()));
  }
}
