package io.resoto.worker.awssim.resources.ssm;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.AccountSharingInfo;
import software.amazon.awssdk.services.ssm.model.ComplianceItem;
import software.amazon.awssdk.services.ssm.model.ComplianceSeverity;
import software.amazon.awssdk.services.ssm.model.ComplianceStatus;
import software.amazon.awssdk.services.ssm.model.ComplianceStringFilter;
import software.amazon.awssdk.services.ssm.model.CompliantSummary;
import software.amazon.awssdk.services.ssm.model.DescribeDocumentPermissionRequest;
import software.amazon.awssdk.services.ssm.model.DescribeDocumentPermissionResponse;
import software.amazon.awssdk.services.ssm.model.DescribeDocumentRequest;
import software.amazon.awssdk.services.ssm.model.DescribeDocumentResponse;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.DocumentDescription;
import software.amazon.awssdk.services.ssm.model.DocumentIdentifier;
import software.amazon.awssdk.services.ssm.model.DocumentKeyValuesFilter;
import software.amazon.awssdk.services.ssm.model.GetDocumentRequest;
import software.amazon.awssdk.services.ssm.model.GetDocumentResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.ListComplianceItemsRequest;
import software.amazon.awssdk.services.ssm.model.ListComplianceItemsResponse;
import software.amazon.awssdk.services.ssm.model.ListDocumentsRequest;
import software.amazon.awssdk.services.ssm.model.ListDocumentsResponse;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesRequest;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesResponse;
import software.amazon.awssdk.services.ssm.model.ModifyDocumentPermissionRequest;
import software.amazon.awssdk.services.ssm.model.NonCompliantSummary;
import software.amazon.awssdk.services.ssm.model.ResourceComplianceSummaryItem;
import software.amazon.awssdk.services.ssm.model.SeveritySummary;

/**
 * Systems Manager (JSON 1.1, target prefix {@code AmazonSSM}): DescribeInstanceInformation,
 * ListDocuments, DescribeDocument, GetDocument, DescribeDocumentPermission,
 * ListResourceComplianceSummaries and ListComplianceItems, from the estate's {@code ssm}
 * collections: {@code InstanceInformation} ({@link InstanceInformation}, as
 * DescribeInstanceInformation answers it), {@code Documents} ({@link DocumentDescription},
 * DescribeDocument's {@code Document}), {@code DocumentContents} ({@link GetDocumentResponse}),
 * {@code DocumentPermissions} (ModifyDocumentPermission's input, {@link ModifyDocumentPermissionRequest}:
 * Name, PermissionType Share, AccountIdsToAdd, SharedDocumentVersion) and {@code ComplianceItems}
 * ({@link ComplianceItem}, as ListComplianceItems answers them; the resource summaries are
 * derived from them: one per resource and compliance type, NON_COMPLIANT when any of its items
 * is, the overall severity the highest of its non-compliant items, counts per severity).
 *
 * <p>Compliance filters ({@link ComplianceStringFilter}) serve the keys {@code Status},
 * {@code ComplianceType} and (items only) {@code Severity} with {@code EQUAL} and
 * {@code NOT_EQUAL}; other keys or operators are {@code InvalidFilter}. Both listings page by
 * {@code MaxResults} 1..50.
 *
 * <p>As in AWS: DescribeInstanceInformation pages by {@code MaxResults} 5..50 (default 50),
 * ListDocuments 1..50 (default 50), DescribeDocumentPermission 1..200; a foreign token is
 * {@code InvalidNextToken}; ListDocuments filters by {@code Owner} ({@code Self}/{@code Private}:
 * the caller's, {@code Amazon}, {@code Public}: all) and {@code Name}, other filter keys are
 * {@code InvalidFilterKey}; an unknown document is {@code InvalidDocument}; a document without a
 * permission entry is shared with nobody.
 */
public final class SsmApi implements ResourceApi {

  private static final ItemKey<DocumentDescription> DOCUMENT = ItemKey.of("Name", DocumentDescription::name);
  private static final ItemKey<GetDocumentResponse> CONTENT = ItemKey.of("Name", GetDocumentResponse::name);
  private static final ItemKey<ModifyDocumentPermissionRequest> PERMISSION =
      ItemKey.of("Name", ModifyDocumentPermissionRequest::name);

  /** Registered in {@code ResourceApis.ALL}. */
  public SsmApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registerCompliance(registry, store);
    registry.on(DescribeInstanceInformationRequest.class, (ctx, req) -> {
      if (req.hasInstanceInformationFilterList() || req.hasFilters()) {
        throw AwsError.of(400, "InvalidFilterKey", "Filters are not served by the simulator.");
      }
      List<InstanceInformation> all = store.regional(ctx, "ssm", "InstanceInformation", InstanceInformation.class);
      Page<InstanceInformation> page = page(all, "ssm:DescribeInstanceInformation:" + scope(ctx), req.nextToken(),
          req.maxResults(), 5, 50);
      return DescribeInstanceInformationResponse.builder().instanceInformationList(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(ListDocumentsRequest.class, (ctx, req) -> {
      String owner = null;
      String name = null;
      for (DocumentKeyValuesFilter f : req.filters()) {
        String value = f.values().isEmpty() ? null : f.values().get(0);
        switch (String.valueOf(f.key())) {
          case "Owner" -> owner = value;
          case "Name" -> name = value;
          default -> throw AwsError.of(400, "InvalidFilterKey", "The filter key " + f.key() + " is not valid.");
        }
      }
      List<DocumentIdentifier> out = new ArrayList<>();
      for (DocumentDescription d : documents(store, ctx)) {
        if (owns(ctx, owner, d.owner()) && (name == null || d.name().startsWith(name))) {
          out.add(identifier(d));
        }
      }
      String listing = "ssm:ListDocuments:" + scope(ctx) + ":" + owner + ":" + name;
      Page<DocumentIdentifier> page = page(out, listing, req.nextToken(), req.maxResults(), 1, 50);
      return ListDocumentsResponse.builder().documentIdentifiers(page.items()).nextToken(page.nextToken()).build();
    });
    registry.on(DescribeDocumentRequest.class, (ctx, req) ->
        DescribeDocumentResponse.builder().document(document(store, ctx, req.name())).build());
    registry.on(GetDocumentRequest.class, (ctx, req) -> {
      DocumentDescription d = document(store, ctx, req.name());
      GetDocumentResponse content = store.findRegional(ctx, "ssm", "DocumentContents", GetDocumentResponse.class,
          CONTENT, d.name());
      if (content == null) {
        throw AwsError.of(400, "InvalidDocument", "Document with name " + req.name() + " has no content.");
      }
      return content;
    });
    registry.on(DescribeDocumentPermissionRequest.class, (ctx, req) -> {
      DocumentDescription d = document(store, ctx, req.name());
      if (!"Share".equals(req.permissionTypeAsString())) {
        throw AwsError.of(400, "InvalidPermissionType", "PermissionType must be Share.");
      }
      ModifyDocumentPermissionRequest p = store.findRegional(ctx, "ssm", "DocumentPermissions",
          ModifyDocumentPermissionRequest.class, PERMISSION, d.name());
      List<String> accounts = p == null ? List.of() : p.accountIdsToAdd();
      Page<String> page = page(accounts, "ssm:DescribeDocumentPermission:" + scope(ctx) + ":" + d.name(),
          req.nextToken(), req.maxResults(), 1, 200);
      List<AccountSharingInfo> info = page.items().stream().map(a -> AccountSharingInfo.builder().accountId(a)
          .sharedDocumentVersion(p.sharedDocumentVersion()).build()).toList();
      return DescribeDocumentPermissionResponse.builder().accountIds(page.items()).accountSharingInfoList(info)
          .nextToken(page.nextToken()).build();
    });
  }

  private static void registerCompliance(HandlerRegistry registry, ResourceStore store) {
    registry.on(ListResourceComplianceSummariesRequest.class, (ctx, req) -> {
      List<ResourceComplianceSummaryItem> out = new ArrayList<>();
      for (ResourceComplianceSummaryItem s : summaries(complianceItems(store, ctx))) {
        if (matches(req.filters(), Map.of("Status", s.statusAsString(), "ComplianceType", s.complianceType()))) {
          out.add(s);
        }
      }
      Page<ResourceComplianceSummaryItem> page = page(out, "ssm:ListResourceComplianceSummaries:" + scope(ctx)
          + ":" + req.filters(), req.nextToken(), req.maxResults(), 1, 50);
      return ListResourceComplianceSummariesResponse.builder().resourceComplianceSummaryItems(page.items())
          .nextToken(page.nextToken()).build();
    });
    registry.on(ListComplianceItemsRequest.class, (ctx, req) -> {
      List<ComplianceItem> out = new ArrayList<>();
      for (ComplianceItem i : complianceItems(store, ctx)) {
        boolean resource = (!req.hasResourceIds() || req.resourceIds().contains(i.resourceId()))
            && (!req.hasResourceTypes() || req.resourceTypes().contains(i.resourceType()));
        if (resource && matches(req.filters(), Map.of("Status", i.statusAsString(), "ComplianceType",
            i.complianceType(), "Severity", i.severityAsString()))) {
          out.add(i);
        }
      }
      Page<ComplianceItem> page = page(out, "ssm:ListComplianceItems:" + scope(ctx) + ":" + req.resourceIds()
          + ":" + req.resourceTypes() + ":" + req.filters(), req.nextToken(), req.maxResults(), 1, 50);
      return ListComplianceItemsResponse.builder().complianceItems(page.items()).nextToken(page.nextToken()).build();
    });
  }

  private static List<ComplianceItem> complianceItems(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, "ssm", "ComplianceItems", ComplianceItem.class);
  }

  /** Whether the values pass every filter; unknown keys and operators are rejected as AWS does. */
  private static boolean matches(List<ComplianceStringFilter> filters, Map<String, String> values) {
    for (ComplianceStringFilter f : filters) {
      if (!values.containsKey(f.key())) {
        throw AwsError.of(400, "InvalidFilter", "The filter key " + f.key() + " is not valid.");
      }
      String op = f.typeAsString() == null ? "EQUAL" : f.typeAsString();
      boolean in = f.values().contains(values.get(f.key()));
      switch (op) {
        case "EQUAL" -> {
          if (!in) {
            return false;
          }
        }
        case "NOT_EQUAL" -> {
          if (in) {
            return false;
          }
        }
        default -> throw AwsError.of(400, "InvalidFilter", "The filter type " + op + " is not valid for "
            + f.key() + ".");
      }
    }
    return true;
  }

  /** One summary per resource and compliance type, in the order the items first name them. */
  private static List<ResourceComplianceSummaryItem> summaries(List<ComplianceItem> items) {
    Map<List<String>, List<ComplianceItem>> byResource = new LinkedHashMap<>();
    for (ComplianceItem i : items) {
      byResource.computeIfAbsent(List.of(i.resourceType(), i.resourceId(), i.complianceType()),
          k -> new ArrayList<>()).add(i);
    }
    List<ComplianceItem> none = List.of();
    List<ResourceComplianceSummaryItem> out = new ArrayList<>();
    byResource.forEach((key, list) -> {
      List<ComplianceItem> bad = list.stream().filter(i -> i.status() == ComplianceStatus.NON_COMPLIANT).toList();
      List<ComplianceItem> good = list.stream().filter(i -> i.status() != ComplianceStatus.NON_COMPLIANT).toList();
      ComplianceSeverity overall = ComplianceSeverity.UNSPECIFIED;
      for (ComplianceItem i : bad.isEmpty() ? none : bad) {
        if (rank(i.severity()) > rank(overall)) {
          overall = i.severity();
        }
      }
      ComplianceItem latest = list.stream().filter(i -> i.executionSummary() != null)
          .max(java.util.Comparator.comparing(i -> i.executionSummary().executionTime())).orElse(list.get(0));
      out.add(ResourceComplianceSummaryItem.builder().resourceType(key.get(0)).resourceId(key.get(1))
          .complianceType(key.get(2)).status(bad.isEmpty() ? ComplianceStatus.COMPLIANT : ComplianceStatus.NON_COMPLIANT)
          .overallSeverity(overall).executionSummary(latest.executionSummary())
          .compliantSummary(CompliantSummary.builder().compliantCount(good.size()).severitySummary(severities(good))
              .build())
          .nonCompliantSummary(NonCompliantSummary.builder().nonCompliantCount(bad.size())
              .severitySummary(severities(bad)).build())
          .build());
    });
    return out;
  }

  private static final List<ComplianceSeverity> SEVERITY_ORDER = List.of(ComplianceSeverity.UNSPECIFIED,
      ComplianceSeverity.INFORMATIONAL, ComplianceSeverity.LOW, ComplianceSeverity.MEDIUM, ComplianceSeverity.HIGH,
      ComplianceSeverity.CRITICAL);

  private static int rank(ComplianceSeverity s) {
    return SEVERITY_ORDER.indexOf(s);
  }

  private static SeveritySummary severities(List<ComplianceItem> items) {
    Map<ComplianceSeverity, Integer> n = new java.util.EnumMap<>(ComplianceSeverity.class);
    items.forEach(i -> n.merge(i.severity() == null ? ComplianceSeverity.UNSPECIFIED : i.severity(), 1, Integer::sum));
    return SeveritySummary.builder().criticalCount(n.getOrDefault(ComplianceSeverity.CRITICAL, 0))
        .highCount(n.getOrDefault(ComplianceSeverity.HIGH, 0)).mediumCount(n.getOrDefault(ComplianceSeverity.MEDIUM, 0))
        .lowCount(n.getOrDefault(ComplianceSeverity.LOW, 0))
        .informationalCount(n.getOrDefault(ComplianceSeverity.INFORMATIONAL, 0))
        .unspecifiedCount(n.getOrDefault(ComplianceSeverity.UNSPECIFIED, 0)).build();
  }

  private static boolean owns(CallContext ctx, String filter, String owner) {
    if (filter == null || "Public".equals(filter) || "All".equals(filter)) {
      return true;
    }
    if ("Self".equals(filter) || "Private".equals(filter)) {
      return ctx.caller().accountId().equals(owner);
    }
    if ("Amazon".equals(filter)) {
      return "Amazon".equals(owner);
    }
    return filter.equals(owner);
  }

  private static DocumentIdentifier identifier(DocumentDescription d) {
    return DocumentIdentifier.builder().name(d.name()).createdDate(d.createdDate()).displayName(d.displayName())
        .owner(d.owner()).versionName(d.versionName()).platformTypes(d.platformTypes())
        .documentVersion(d.documentVersion()).documentType(d.documentType()).schemaVersion(d.schemaVersion())
        .documentFormat(d.documentFormat()).targetType(d.targetType()).tags(d.tags()).requires(d.requires())
        .reviewStatus(d.reviewStatus()).author(d.author()).build();
  }

  private static List<DocumentDescription> documents(ResourceStore store, CallContext ctx) {
    return store.regional(ctx, "ssm", "Documents", DocumentDescription.class);
  }

  private static DocumentDescription document(ResourceStore store, CallContext ctx, String name) {
    DocumentDescription d = name == null ? null
        : store.findRegional(ctx, "ssm", "Documents", DocumentDescription.class, DOCUMENT, name);
    if (d == null) {
      throw AwsError.of(400, "InvalidDocument", "Document with name " + name + " does not exist.");
    }
    return d;
  }

  private static String scope(CallContext ctx) {
    return ctx.caller().accountId() + ":" + ctx.region();
  }

  private static <T> Page<T> page(List<T> all, String listing, String token, Integer maxResults, int min, int max) {
    if (maxResults != null && (maxResults < min || maxResults > max)) {
      throw AwsError.of(400, "ValidationException", "1 validation error detected: Value '" + maxResults
          + "' at 'maxResults' failed to satisfy constraint: Member must have value between " + min + " and " + max);
    }
    try {
      return Page.of(all, listing, token, maxResults, max, max);
    } catch (AwsError e) {
      throw AwsError.of(400, "InvalidNextToken", "The specified token isn't valid.");
    }
  }
}
