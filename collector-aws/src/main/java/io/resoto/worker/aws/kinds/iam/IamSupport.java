package io.resoto.worker.aws.kinds.iam;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * What the IAM kinds share: the GetAccountAuthorizationDetails listing (the original reads users,
 * groups, roles and policies from this one call; each kind here asks for its own entity types so
 * a kind left out by collect/no_collect costs nothing) and tag mapping.
 */
final class IamSupport {

  private IamSupport() {}

  /** Every page of GetAccountAuthorizationDetails for these entity types, read in full. */
  static List<GetAccountAuthorizationDetailsResponse> authorizationDetails(KindContext ctx, EntityType... filter) {
    IamClient iam = ctx.client(IamClient.builder());
    List<GetAccountAuthorizationDetailsResponse> pages = new ArrayList<>();
    for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(b -> b.filter(filter))) {
      if (ctx.isCancelled()) {
        break;
      }
      pages.add(page);
    }
    return pages;
  }

  /** AWS's Key/Value tag list as a map (missing = no tags). */
  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  /** Sets a property only when the API returned a value, so absent data stays absent. */
  static void put(Node.Builder b, String name, Object value) {
    if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
      b.property(name, value);
    }
  }

  /** IAM returns policy documents URL-encoded (RFC 3986); a plain JSON document is left as is. */
  static String urlDecoded(String document) {
    if (document == null || !document.contains("%")) {
      return document;
    }
    return java.net.URLDecoder.decode(document.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
