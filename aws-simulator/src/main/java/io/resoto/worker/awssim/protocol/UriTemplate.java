package io.resoto.worker.awssim.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A REST operation's request URI as the SDK models it ({@code /2015-03-31/functions/{FunctionName}},
 * {@code /{Bucket}/{Key+}?tagging}): literal and label path segments, at most one greedy label
 * (last, or followed by literals: {@code /v20180820/mrap/instances/{name+}/policy}), and query
 * parameters the URI fixes.
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
    int greedy = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).startsWith("{") && segments.get(i).endsWith("+}")) {
        greedy = i;
      }
    }
    if (greedy < 0 ? actual.size() != segments.size() : actual.size() < segments.size()) {
      return null;
    }
    int head = greedy < 0 ? segments.size() : greedy;
    for (int i = 0; i < head; i++) {
      if (!matchSegment(segments.get(i), actual.get(i), labels)) {
        return null;
      }
    }
    if (greedy >= 0) {
      // the greedy label takes one segment or more, leaving the template's remaining segments
      // (S3 Control's /mrap/instances/{name+}/policy) to the end of the path
      int tail = segments.size() - greedy - 1;
      int end = actual.size() - tail;
      StringBuilder value = new StringBuilder();
      for (int j = greedy; j < end; j++) {
        if (j > greedy) {
          value.append('/');
        }
        value.append(Codecs.percentDecode(actual.get(j)));
      }
      String seg = segments.get(greedy);
      labels.put(seg.substring(1, seg.length() - 2), value.toString());
      for (int k = 0; k < tail; k++) {
        if (!matchSegment(segments.get(greedy + 1 + k), actual.get(end + k), labels)) {
          return null;
        }
      }
    }
    return labels;
  }

  private static boolean matchSegment(String seg, String actual, Map<String, String> labels) {
    if (seg.startsWith("{") && seg.endsWith("}")) {
      labels.put(seg.substring(1, seg.length() - 1), Codecs.percentDecode(actual));
      return true;
    }
    return seg.equals(Codecs.percentDecode(actual));
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
