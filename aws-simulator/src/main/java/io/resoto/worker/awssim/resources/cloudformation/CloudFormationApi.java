package io.resoto.worker.awssim.resources.cloudformation;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackInstancesRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStackInstancesResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.ListStackSetsRequest;
import software.amazon.awssdk.services.cloudformation.model.ListStackSetsResponse;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackSet;
import software.amazon.awssdk.services.cloudformation.model.StackSetSummary;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackResponse;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackSetRequest;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackSetResponse;

/**
 * CloudFormation (query protocol) in the caller's account and region: DescribeStacks,
 * ListStackResources, ListStackSets, DescribeStackSet and ListStackInstances, and the tag writes
 * UpdateStack and UpdateStackSet, from the estate collections {@code cloudformation.Stacks}
 * (DescribeStacks' {@code Stack}), {@code StackResources} (DescribeStackResources'
 * {@code StackResource}, each naming its stack), {@code StackSets} (DescribeStackSet's
 * {@code StackSet}) and {@code StackInstances} ({@code StackInstanceSummary}, each naming its set's
 * id).
 *
 * <p>As in AWS: DescribeStacks and ListStackResources page by 100 with a token and no page size;
 * DescribeStacks without a name leaves out deleted stacks, with a name (or stack id) answers that
 * stack or {@code ValidationError} "Stack with id X does not exist"; ListStackSets and
 * ListStackInstances take MaxResults 1..100, ListStackSets filters by {@code Status}; an unknown
 * stack set is {@code StackSetNotFoundException}; a foreign token is {@code ValidationError}.
 * UpdateStack (only the tags change here) refuses a stack whose status ends in
 * {@code _IN_PROGRESS} and an update that changes nothing ("No updates are to be performed."),
 * as AWS does; a stack or stack set holds at most 50 tags.
 */
public final class CloudFormationApi implements ResourceApi {

  private static final String SERVICE = "cloudformation";
  private static final int STACK_PAGE = 100;
  private static final int MAX_RESULTS = 100;
  private static final int MAX_TAGS = 50;
  private static final ItemKey<Stack> STACK_BY_NAME = ItemKey.of("StackName", Stack::stackName);
  private static final ItemKey<Stack> STACK_BY_ID = ItemKey.of("StackId", Stack::stackId);
  private static final ItemKey<StackSet> SET_BY_NAME = ItemKey.of("StackSetName", StackSet::stackSetName);

  /** Registered in {@code ResourceApis.ALL}. */
  public CloudFormationApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeStacksRequest.class, (ctx, req) -> {
      if (req.stackName() != null) {
        return DescribeStacksResponse.builder().stacks(stack(store, ctx, req.stackName())).build();
      }
      List<Stack> live = store.regional(ctx, SERVICE, "Stacks", Stack.class).stream()
          .filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE).toList();
      Page<Stack> page = page(live, listing(ctx, "DescribeStacks"), req.nextToken(), null, STACK_PAGE);
      return DescribeStacksResponse.builder().stacks(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(ListStackResourcesRequest.class, (ctx, req) -> {
      Stack stack = stack(store, ctx, req.stackName());
      List<StackResourceSummary> resources = store.regional(ctx, SERVICE, "StackResources", StackResource.class)
          .stream().filter(r -> stack.stackId().equals(r.stackId()) || stack.stackName().equals(r.stackName()))
          .map(CloudFormationApi::summary).toList();
      Page<StackResourceSummary> page = page(resources, listing(ctx, "ListStackResources:" + stack.stackId()),
          req.nextToken(), null, STACK_PAGE);
      return ListStackResourcesResponse.builder().stackResourceSummaries(page.items()).nextToken(page.nextToken())
          .build();
    });
    registry.on(ListStackSetsRequest.class, (ctx, req) -> {
      List<StackSetSummary> sets = store.regional(ctx, SERVICE, "StackSets", StackSet.class).stream()
          .filter(s -> req.status() == null || req.statusAsString().equals(s.statusAsString()))
          .map(CloudFormationApi::summary).toList();
      Page<StackSetSummary> page = page(sets, listing(ctx, "ListStackSets:" + req.statusAsString()),
          req.nextToken(), req.maxResults(), MAX_RESULTS);
      return ListStackSetsResponse.builder().summaries(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeStackSetRequest.class, (ctx, req) ->
        DescribeStackSetResponse.builder().stackSet(stackSet(store, ctx, req.stackSetName())).build());
    registry.on(ListStackInstancesRequest.class, (ctx, req) -> {
      StackSet set = stackSet(store, ctx, req.stackSetName());
      List<StackInstanceSummary> instances = store.regional(ctx, SERVICE, "StackInstances",
              StackInstanceSummary.class).stream()
          .filter(i -> set.stackSetId().equals(i.stackSetId()))
          .filter(i -> req.stackInstanceAccount() == null || req.stackInstanceAccount().equals(i.account()))
          .filter(i -> req.stackInstanceRegion() == null || req.stackInstanceRegion().equals(i.region()))
          .toList();
      Page<StackInstanceSummary> page = page(instances, listing(ctx, "ListStackInstances:" + set.stackSetId()),
          req.nextToken(), req.maxResults(), MAX_RESULTS);
      return ListStackInstancesResponse.builder().summaries(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(UpdateStackRequest.class, (ctx, req) -> {
      Stack current = stack(store, ctx, req.stackName());
      if (current.stackStatusAsString().endsWith("_IN_PROGRESS")) {
        throw AwsError.of(400, "ValidationError", "Stack:" + current.stackId() + " is in "
            + current.stackStatusAsString() + " state and can not be updated.");
      }
      List<Tag> tags = checkedTags(req.hasTags() ? req.tags() : current.tags());
      if (sameTags(tags, current.tags())) {
        throw AwsError.of(400, "ValidationError", "No updates are to be performed.");
      }
      store.updateRegional(ctx, SERVICE, "Stacks", Stack.class, STACK_BY_ID, current.stackId(),
          s -> s.toBuilder().tags(tags).build());
      return UpdateStackResponse.builder().stackId(current.stackId()).build();
    });
    registry.on(UpdateStackSetRequest.class, (ctx, req) -> {
      StackSet current = stackSet(store, ctx, req.stackSetName());
      List<Tag> tags = checkedTags(req.hasTags() ? req.tags() : current.tags());
      store.updateRegional(ctx, SERVICE, "StackSets", StackSet.class, SET_BY_NAME, current.stackSetName(),
          s -> s.toBuilder().tags(tags).build());
      String operationId = req.operationId() != null ? req.operationId() : java.util.UUID.randomUUID().toString();
      return UpdateStackSetResponse.builder().operationId(operationId).build();
    });
  }

  private static String listing(CallContext ctx, String operation) {
    return "cloudformation:" + operation + ":" + ctx.caller().accountId() + ":" + ctx.region();
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, Integer maxResults, int max) {
    if (maxResults != null && (maxResults < 1 || maxResults > max)) {
      throw AwsError.of(400, "ValidationError", "1 validation error detected: Value '" + maxResults
          + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to " + max);
    }
    try {
      return Page.of(all, listing, token, maxResults, max, max);
    } catch (AwsError e) {
      throw AwsError.of(400, "ValidationError", "Invalid NextToken");
    }
  }

  /** A stack by name or stack id; AWS's answer for an unknown one. */
  private static Stack stack(ResourceStore store, CallContext ctx, String nameOrId) {
    if (nameOrId == null || nameOrId.isEmpty()) {
      throw AwsError.of(400, "ValidationError", "1 validation error detected: Value null at 'stackName' failed to"
          + " satisfy constraint: Member must not be null");
    }
    Stack s = nameOrId.startsWith("arn:")
        ? store.findRegional(ctx, SERVICE, "Stacks", Stack.class, STACK_BY_ID, nameOrId)
        : store.findRegional(ctx, SERVICE, "Stacks", Stack.class, STACK_BY_NAME, nameOrId);
    if (s == null || (!nameOrId.startsWith("arn:") && s.stackStatus() == StackStatus.DELETE_COMPLETE)) {
      throw AwsError.of(400, "ValidationError", "Stack with id " + nameOrId + " does not exist");
    }
    return s;
  }

  private static StackSet stackSet(ResourceStore store, CallContext ctx, String name) {
    StackSet s = name == null ? null : store.findRegional(ctx, SERVICE, "StackSets", StackSet.class, SET_BY_NAME,
        name);
    if (s == null) {
      throw AwsError.of(404, "StackSetNotFoundException", "StackSet " + name + " not found");
    }
    return s;
  }

  private static List<Tag> checkedTags(List<Tag> tags) {
    if (tags.size() > MAX_TAGS) {
      throw AwsError.of(400, "ValidationError", "Number of tags must be less than or equal to " + MAX_TAGS);
    }
    for (Tag t : tags) {
      if (!TagRules.isUserKey(t.key())) {
        throw AwsError.of(400, "ValidationError", "Tag key " + t.key() + " is not valid");
      }
      if (!TagRules.isValue(t.value())) {
        throw AwsError.of(400, "ValidationError", "The value of tag " + t.key() + " is not valid");
      }
    }
    return List.copyOf(tags);
  }

  private static boolean sameTags(List<Tag> a, List<Tag> b) {
    return asMap(a).equals(asMap(b));
  }

  private static Map<String, String> asMap(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    tags.forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  /** What ListStackResources tells of a resource. */
  static StackResourceSummary summary(StackResource r) {
    return StackResourceSummary.builder().logicalResourceId(r.logicalResourceId())
        .physicalResourceId(r.physicalResourceId()).resourceType(r.resourceType())
        .lastUpdatedTimestamp(r.timestamp()).resourceStatus(r.resourceStatusAsString())
        .resourceStatusReason(r.resourceStatusReason()).moduleInfo(r.moduleInfo()).build();
  }

  /** What ListStackSets tells of a stack set. */
  static StackSetSummary summary(StackSet s) {
    StackSetSummary.Builder b = StackSetSummary.builder().stackSetName(s.stackSetName()).stackSetId(s.stackSetId())
        .description(s.description()).status(s.statusAsString()).autoDeployment(s.autoDeployment())
        .permissionModel(s.permissionModelAsString()).managedExecution(s.managedExecution());
    if (s.stackSetDriftDetectionDetails() != null) {
      b.driftStatus(s.stackSetDriftDetectionDetails().driftStatusAsString())
          .lastDriftCheckTimestamp(s.stackSetDriftDetectionDetails().lastDriftCheckTimestamp());
    }
    return b.build();
  }
}
