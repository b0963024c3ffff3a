package io.resoto.worker.awssim.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST operation's request URI as the SDK models it ({@code /2015-03-31/functions/{FunctionName}},
 * {@code /{Bucket}/{Key+}?tagging}): literal and label path segments, an optional greedy last label,
 * and query parameters the URI fixes.
 */
public final class UriTemplate {
  private final List<String> segments;
  private final Map<String, String> fixedQuery;
  private final int literalCount;

  private UriTemplate(List<String> segments, Map<String, String> fixedQuery) {
    this.segments = segments;
    this.fixedQuery = fixedQuery;
    int literals = 0;
    for (String s : segments) {
      if (!s.startsWith("{")) {
        literals++;
      }
    }
    this.literalCount = literals;
  }

  /** Parses a modeled request URI. */
  public static UriTemplate parse(String uri) {
    String path = uri;
    String query = null;
    int q = uri.indexOf('?');
    if (q >= 0) {
      path = uri.substring(0, q);
      query = uri.substring(q + 1);
    }
    Map<String, String> fixed = new LinkedHashMap<>();
    if (query != null && !query.isEmpty()) {
      for (String part : query.split("&")) {
        int eq = part.indexOf('=');
        fixed.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? null : part.substring(eq + 1));
      }
    }
    return new UriTemplate(splitPath(path), fixed);
  }

  static List<String> splitPath(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Matches a raw request path and its decoded query.
   *
   * @return the decoded path labels, or null if the request is not of this template
   */
  public Map<String, String> match(String rawPath, Map<String, List<String>> query) {
    for (Map.Entry<String, String> e : fixedQuery.entrySet()) {
      List<String> values = query.get(e.getKey());
      if (values == null || (e.getValue() != null && !values.contains(e.getValue()))) {
        return null;
      }
    }
    List<String> actual = splitPath(rawPath);
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String seg = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (seg.startsWith("{") && seg.endsWith("+}") && last) {
        if (actual.size() <= i) {
          return null;
        }
        StringBuilder rest = new StringBuilder();
        for (int j = i; j < actual.size(); j++) {
          if (j > i) {
            rest.append('/');
          }
          rest.append(Codecs.percentDecode(actual.get(j)));
        }
        labels.put(seg.substring(1, seg.length() - 2), rest.toString());
        return labels;
      }
      if (actual.size() <= i) {
        return null;
      }
      if (seg.startsWith("{") && seg.endsWith("}")) {
        labels.put(seg.substring(1, seg.length() - 1), Codecs.percentDecode(actual.get(i)));
      } else if (!seg.equals(Codecs.percentDecode(actual.get(i)))) {
        return null;
      }
    }
    return actual.size() == segments.size() ? labels : null;
  }

  /** The names of the query parameters the template fixes; the request decoder skips them. */
  public java.util.Set<String> fixedQueryNames() {
    return fixedQuery.keySet();
  }

  /** Higher for more specific templates, so {@code ?acl} wins over the bare bucket URI. */
  public int specificity() {
    return fixedQuery.size() * 1000 + literalCount * 10 + segments.size();
  }

  @Override
  public String toString() {
    return "/" + String.join("/", segments) + (fixedQuery.isEmpty() ? "" : "?" + fixedQuery.keySet());
  }
}
