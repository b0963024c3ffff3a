package io.resoto.worker.awssim.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer ready to be written: status, headers and body (empty for none). */
public record Reply(int status, Map<String, String> headers, byte[] body) {

  /** A reply with a copy of the given headers, so callers can keep adding to theirs. */
  public static Reply of(int status, Map<String, String> headers, byte[] body) {
    return new Reply(status, new LinkedHashMap<>(headers), body);
  }
}
