package io.resoto.worker.awssim.resources.ssm;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.Page;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.ResourceStore.ItemKey;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssm.model.AccountSharingInfo;
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
import software.amazon.awssdk.services.ssm.model.ListDocumentsRequest;
import software.amazon.awssdk.services.ssm.model.ListDocumentsResponse;
import software.amazon.awssdk.services.ssm.model.ModifyDocumentPermissionRequest;

/**
 * Systems Manager (JSON 1.1, target prefix {@code AmazonSSM}): DescribeInstanceInformation,
 * ListDocuments, DescribeDocument, GetDocument and DescribeDocumentPermission, from the estate's
 * {@code ssm} collections: {@code InstanceInformation} ({@link InstanceInformation}, as
 * DescribeInstanceInformation answers it), {@code Documents} ({@link DocumentDescription},
 * DescribeDocument's {@code Document}), {@code DocumentContents} ({@link GetDocumentResponse}) and
 * {@code DocumentPermissions} (ModifyDocumentPermission's input, {@link ModifyDocumentPermissionRequest}:
 * Name, PermissionType Share, AccountIdsToAdd, SharedDocumentVersion).
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
