package io.resoto.worker.aws.kinds.ssm;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccountSharingInfo;
import software.amazon.awssdk.services.ssm.model.DescribeDocumentPermissionResponse;
import software.amazon.awssdk.services.ssm.model.DocumentDescription;
import software.amazon.awssdk.services.ssm.model.DocumentIdentifier;
import software.amazon.awssdk.services.ssm.model.DocumentPermissionType;
import software.amazon.awssdk.services.ssm.model.GetDocumentResponse;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * {@code aws_ssm_document}: the account's own SSM documents (ListDocuments with the filter Owner =
 * Self, then per document DescribeDocument, GetDocument and DescribeDocumentPermission with
 * PermissionType Share, every page; the original makes the last call without declaring it). id
 * and name = the document name, ctime = its creation date, tags from DescribeDocument. The content
 * is parsed (JSON or YAML) into a structure; text documents and content that does not parse are
 * left out of {@code content}.
 */
public final class AwsSsmDocumentKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ssm_document";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("config", "management")
      .property("sha1", "string", "The document's SHA-1 hash (deprecated by AWS).")
      .property("hash", "string", "The document's hash, made when it was created.")
      .property("hash_type", "string", "The hash's algorithm: Sha256 or Sha1.")
      .property("display_name", "string", "The document's friendly name.")
      .property("version_name", "string", "The version name of the artifact the document describes.")
      .property("owner", "string", "The account (or Amazon) that owns the document.")
      .property("status", "string", "The document's status: Creating, Active, Updating, Deleting or Failed.")
      .property("status_information", "string", "Why the document has its status, e.g. what failed.")
      .property("document_version", "string", "The version described.")
      .property("description", "string", "The document's description.")
      .property("parameters", "dictionary[string, any][]", "The document's parameters: name, type, description, default.")
      .property("platform_types", "string[]", "The operating systems the document runs on.")
      .property("document_type", "string", "The kind of document: Command, Automation, Policy, Session, ...")
      .property("schema_version", "string", "The schema version of the document's content.")
      .property("latest_version", "string", "The latest version of the document.")
      .property("default_version", "string", "The version used when none is named.")
      .property("document_format", "string", "The content's format: JSON, YAML or TEXT.")
      .property("target_type", "string", "The resource type the document runs on, e.g. /AWS::EC2::Instance.")
      .property("attachments_information", "string[]", "The names of the document's attachments.")
      .property("requires", "dictionary[string, any][]", "The documents this one requires: name, version, type.")
      .property("author", "string", "Who in the organization created the document.")
      .property("review_information", "dictionary[string, any][]", "The reviews of the document: time, status, reviewer.")
      .property("approved_version", "string", "The version approved for use.")
      .property("pending_review_version", "string", "The version waiting for review.")
      .property("review_status", "string", "The status of the current review.")
      .property("category", "string[]", "The document's categories.")
      .property("category_enum", "string[]", "The values naming the document's categories.")
      .property("content", "dictionary[string, any]", "The document's content (its steps and parameters), parsed.")
      .property("document_shared_with_accounts", "string[]", "The accounts (or All) the document is shared with.")
      .property("document_sharing_info", "dictionary[string, any][]",
          "Per account the document is shared with: the account and the version shared.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsSsmDocumentKind() {
    this(50);
  }

  /** The kind listing in pages of this size (1..50; tests page small estates with it). */
  AwsSsmDocumentKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ssm", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ssm:ListDocuments", "ssm:DescribeDocument", "ssm:GetDocument", "ssm:DescribeDocumentPermission");
  }

  @Override
  public void collect(KindContext ctx) {
    SsmClient ssm = ctx.client(SsmClient.builder());
    for (DocumentIdentifier id : ssm.listDocumentsPaginator(b -> b.maxResults(pageSize)
        .filters(f -> f.key("Owner").values("Self"))).documentIdentifiers()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        DocumentDescription d = ssm.describeDocument(b -> b.name(id.name())).document();
        GetDocumentResponse content = ssm.getDocument(b -> b.name(id.name()));
        List<String> accounts = new ArrayList<>();
        List<AccountSharingInfo> sharing = new ArrayList<>();
        String token = null;
        do {
          String next = token;
          DescribeDocumentPermissionResponse p = ssm.describeDocumentPermission(b -> b.name(id.name())
              .permissionType(DocumentPermissionType.SHARE).nextToken(next));
          accounts.addAll(p.accountIds());
          sharing.addAll(p.accountSharingInfoList());
          token = p.nextToken();
        } while (token != null && !token.isEmpty());
        ctx.add(node(ctx, d, content, accounts, sharing));
      });
    }
  }

  static Node node(KindContext ctx, DocumentDescription d, GetDocumentResponse content, List<String> sharedWith,
      List<AccountSharingInfo> sharing) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (d.hasTags()) {
      for (Tag t : d.tags()) {
        tags.put(t.key(), t.value());
      }
    }
    Node.Builder b = ctx.node(KIND, d.name()).name(d.name()).ctime(d.createdDate()).tags(tags);
    ApiValues.put(b, "sha1", d.sha1());
    ApiValues.put(b, "hash", d.hash());
    ApiValues.put(b, "hash_type", d.hashTypeAsString());
    ApiValues.put(b, "display_name", d.displayName());
    ApiValues.put(b, "version_name", d.versionName());
    ApiValues.put(b, "owner", d.owner());
    ApiValues.put(b, "status", d.statusAsString());
    ApiValues.put(b, "status_information", d.statusInformation());
    ApiValues.put(b, "document_version", d.documentVersion());
    ApiValues.put(b, "description", d.description());
    ApiValues.put(b, "parameters", ApiValues.plain(d.parameters()));
    ApiValues.put(b, "platform_types", ApiValues.strings(d.platformTypesAsStrings()));
    ApiValues.put(b, "document_type", d.documentTypeAsString());
    ApiValues.put(b, "schema_version", d.schemaVersion());
    ApiValues.put(b, "latest_version", d.latestVersion());
    ApiValues.put(b, "default_version", d.defaultVersion());
    ApiValues.put(b, "document_format", d.documentFormatAsString());
    ApiValues.put(b, "target_type", d.targetType());
    ApiValues.put(b, "attachments_information",
        d.hasAttachmentsInformation() ? d.attachmentsInformation().stream().map(a -> a.name()).toList() : null);
    ApiValues.put(b, "requires", ApiValues.plain(d.requires()));
    ApiValues.put(b, "author", d.author());
    ApiValues.put(b, "review_information", ApiValues.plain(d.reviewInformation()));
    ApiValues.put(b, "approved_version", d.approvedVersion());
    ApiValues.put(b, "pending_review_version", d.pendingReviewVersion());
    ApiValues.put(b, "review_status", d.reviewStatusAsString());
    ApiValues.put(b, "category", ApiValues.strings(d.category()));
    ApiValues.put(b, "category_enum", ApiValues.strings(d.categoryEnum()));
    ApiValues.put(b, "content", content(content));
    ApiValues.put(b, "document_shared_with_accounts", sharedWith);
    ApiValues.put(b, "document_sharing_info", ApiValues.plain(sharing));
    String arn = "arn:" + ctx.partition() + ":ssm:" + ctx.regionName() + ":" + ctx.account().id() + ":document/"
        + d.name();
    return KindContext.arn(b, arn).build();
  }

  /** The content as a structure: JSON and YAML documents parse to a mapping; anything else is left out. */
  static Map<?, ?> content(GetDocumentResponse doc) {
    if (doc == null || doc.content() == null) {
      return null;
    }
    Object parsed;
    switch (doc.documentFormatAsString() == null ? "" : doc.documentFormatAsString()) {
      case "JSON" -> parsed = ApiValues.json(doc.content());
      case "YAML" -> {
        try {
          parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(doc.content());
        } catch (RuntimeException e) {
          parsed = null;
        }
      }
      default -> parsed = null;
    }
    return parsed instanceof Map<?, ?> m ? m : null;
  }
}
