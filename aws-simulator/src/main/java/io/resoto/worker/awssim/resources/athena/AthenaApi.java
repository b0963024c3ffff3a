package io.resoto.worker.awssim.resources.athena;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import io.resoto.worker.awssim.resources.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.athena.model.DataCatalog;
import software.amazon.awssdk.services.athena.model.DataCatalogSummary;
import software.amazon.awssdk.services.athena.model.GetDataCatalogRequest;
import software.amazon.awssdk.services.athena.model.GetDataCatalogResponse;
import software.amazon.awssdk.services.athena.model.GetWorkGroupRequest;
import software.amazon.awssdk.services.athena.model.GetWorkGroupResponse;
import software.amazon.awssdk.services.athena.model.ListDataCatalogsRequest;
import software.amazon.awssdk.services.athena.model.ListDataCatalogsResponse;
import software.amazon.awssdk.services.athena.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.athena.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.athena.model.ListWorkGroupsRequest;
import software.amazon.awssdk.services.athena.model.ListWorkGroupsResponse;
import software.amazon.awssdk.services.athena.model.Tag;
import software.amazon.awssdk.services.athena.model.TagResourceRequest;
import software.amazon.awssdk.services.athena.model.TagResourceResponse;
import software.amazon.awssdk.services.athena.model.UntagResourceRequest;
import software.amazon.awssdk.services.athena.model.UntagResourceResponse;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupSummary;

/**
 * Athena work groups and data catalogs (JSON 1.1): ListWorkGroups, GetWorkGroup, ListDataCatalogs,
 * GetDataCatalog, ListTagsForResource, TagResource and UntagResource, from the estate's
 * {@code athena} collections {@code WorkGroups} (GetWorkGroup's {@link WorkGroup}),
 * {@code DataCatalogs} (GetDataCatalog's {@link DataCatalog}) and {@code Tags}
 * ({@link TagResourceRequest}: ResourceARN, Tags).
 *
 * <p>As in AWS: a work group's ARN is {@code arn:aws:athena:<region>:<account>:workgroup/<name>}, a
 * catalog's {@code ...:datacatalog/<name>}; ListWorkGroups pages by {@code MaxResults} (1..50,
 * default 50), ListDataCatalogs by 2..50, ListTagsForResource by 75..1000 (default 1000); a foreign
 * token, an unknown work group or catalog is {@code InvalidRequestException}; tagging an unknown
 * ARN is {@code ResourceNotFoundException}; a resource holds at most 50 tags.
 */
public final class AthenaApi implements ResourceApi {

  private static final String SERVICE = "athena";
  private static final int MAX_TAGS = 50;
  private static final ItemKey<WorkGroup> GROUP = ItemKey.of("Name", WorkGroup::name);
  private static final ItemKey<DataCatalog> CATALOG = ItemKey.of("Name", DataCatalog::name);
  private static final ItemKey<TagResourceRequest> TAGS = ItemKey.of("ResourceARN", TagResourceRequest::resourceARN);

  /** Registered in {@code ResourceApis.ALL}. */
  public AthenaApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListWorkGroupsRequest.class, (ctx, req) -> {
      List<WorkGroupSummary> all = store.regional(ctx, SERVICE, "WorkGroups", WorkGroup.class).stream()
          .map(g -> WorkGroupSummary.builder().name(g.name()).state(g.state()).description(g.description())
              .creationTime(g.creationTime()).identityCenterApplicationArn(g.identityCenterApplicationArn())
              .engineVersion(g.configuration() == null ? null : g.configuration().engineVersion()).build())
          .toList();
      Page<WorkGroupSummary> page = page(all, ctx, "ListWorkGroups", req.nextToken(), req.maxResults(), 1, 50, 50);
      return ListWorkGroupsResponse.builder().workGroups(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetWorkGroupRequest.class, (ctx, req) -> {
      WorkGroup g = req.workGroup() == null ? null
          : store.findRegional(ctx, SERVICE, "WorkGroups", WorkGroup.class, GROUP, req.workGroup());
      if (g == null) {
        throw AwsError.of(400, "InvalidRequestException", "WorkGroup " + req.workGroup() + " is not found.");
      }
      return GetWorkGroupResponse.builder().workGroup(g).build();
    });
    registry.on(ListDataCatalogsRequest.class, (ctx, req) -> {
      List<DataCatalogSummary> all = store.regional(ctx, SERVICE, "DataCatalogs", DataCatalog.class).stream()
          .map(c -> DataCatalogSummary.builder().catalogName(c.name()).type(c.type()).status(c.status())
              .connectionType(c.connectionType()).error(c.error()).build())
          .toList();
      Page<DataCatalogSummary> page = page(all, ctx, "ListDataCatalogs", req.nextToken(), req.maxResults(), 2, 50,
          50);
      return ListDataCatalogsResponse.builder().dataCatalogsSummary(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(GetDataCatalogRequest.class, (ctx, req) -> {
      DataCatalog c = req.name() == null ? null
          : store.findRegional(ctx, SERVICE, "DataCatalogs", DataCatalog.class, CATALOG, req.name());
      if (c == null) {
        throw AwsError.of(400, "InvalidRequestException", "Catalog " + req.name() + " is not found.");
      }
      return GetDataCatalogResponse.builder().dataCatalog(c).build();
    });
    registry.on(ListTagsForResourceRequest.class, (ctx, req) -> {
      String arn = existing(store, ctx, req.resourceARN());
      TagResourceRequest entry = store.findRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn);
      Page<Tag> page = page(entry == null ? List.of() : entry.tags(), ctx, "ListTagsForResource:" + arn,
          req.nextToken(), req.maxResults(), 75, 1000, 1000);
      return ListTagsForResourceResponse.builder().tags(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(TagResourceRequest.class, (ctx, req) -> {
      String arn = existing(store, ctx, req.resourceARN());
      for (Tag t : req.tags()) {
        if (!TagRules.isUserKey(t.key())
            || (t.value() != null && t.value().length() > 256)) {
          throw AwsError.of(400, "InvalidRequestException", "Tag " + t.key() + " is not valid.");
        }
      }
      store.updateRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry);
        req.tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
        if (tags.size() > MAX_TAGS) {
          throw AwsError.of(400, "TooManyTagsException", "A resource holds at most " + MAX_TAGS + " tags.");
        }
        return TagResourceRequest.builder().resourceARN(arn).tags(asList(tags)).build();
      });
      return TagResourceResponse.builder().build();
    });
    registry.on(UntagResourceRequest.class, (ctx, req) -> {
      String arn = existing(store, ctx, req.resourceARN());
      store.updateRegional(ctx, SERVICE, "Tags", TagResourceRequest.class, TAGS, arn, entry -> {
        Map<String, String> tags = asMap(entry);
        req.tagKeys().forEach(tags::remove);
        return TagResourceRequest.builder().resourceARN(arn).tags(asList(tags)).build();
      });
      return UntagResourceResponse.builder().build();
    });
  }

  private static <T> Page<T> page(List<T> all, CallContext ctx, String op, String token, Integer size, int min,
      int max, int defaultSize) {
    if (size != null && (size < min || size > max)) {
      throw AwsError.of(400, "InvalidRequestException", "MaxResults must be between " + min + " and " + max + ".");
    }
    try {
      return Page.of(all, "athena:" + op + ":" + ctx.caller().accountId() + ":" + ctx.region(), token, size,
          defaultSize, max);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidRequestException", "Invalid NextToken.");
    }
  }

  /** The ARN, when it names a work group or catalog of the caller in the call's region. */
  private static String existing(ResourceStore store, CallContext ctx, String arn) {
    String prefix = "arn:aws:athena:" + ctx.region() + ":" + ctx.caller().accountId() + ":";
    if (arn != null && arn.startsWith(prefix + "workgroup/") && store.findRegional(ctx, SERVICE, "WorkGroups",
        WorkGroup.class, GROUP, arn.substring((prefix + "workgroup/").length())) != null) {
      return arn;
    }
    if (arn != null && arn.startsWith(prefix + "datacatalog/") && store.findRegional(ctx, SERVICE, "DataCatalogs",
        DataCatalog.class, CATALOG, arn.substring((prefix + "datacatalog/").length())) != null) {
      return arn;
    }
    throw AwsError.of(400, "ResourceNotFoundException", "Resource " + arn + " not found.");
  }

  private static Map<String, String> asMap(TagResourceRequest entry) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (entry != null) {
      entry.tags().forEach(t -> tags.put(t.key(), t.value()));
    }
    return tags;
  }

  private static List<Tag> asList(Map<String, String> tags) {
    List<Tag> out = new ArrayList<>();
    tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }
}
