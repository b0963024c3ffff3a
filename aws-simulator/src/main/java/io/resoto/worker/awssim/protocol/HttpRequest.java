package io.resoto.worker.awssim.protocol;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A received HTTP request, as the protocol layer needs it: the raw (still percent-encoded) path
 * and query, headers keyed by lower-case name, and the whole body.
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
    byte[] body) {

  /** The first value of a header, or null; {@code name} in any case. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
