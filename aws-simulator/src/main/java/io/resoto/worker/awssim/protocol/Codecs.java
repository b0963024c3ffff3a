package io.resoto.worker.awssim.protocol;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/** Small encoding helpers shared by the protocols: percent-coding, parameters, timestamps. */
public final class Codecs {
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Codecs() {}

  /** Decodes %XX escapes; a '+' stays a '+' (the SDK encodes spaces as %20). */
  public static String percentDecode(String s) {
    return decode(s, false);
  }

  /** Decodes an application/x-www-form-urlencoded component ('+' is a space). */
  public static String formDecode(String s) {
    return decode(s, true);
  }

  private static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
        out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
          b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  /** RFC 3986 encoding of everything but unreserved characters (and '/' when asked), as SigV4 wants. */
  public static String uriEncode(String s, boolean keepSlash) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.' || c == '~' || (keepSlash && c == '/')) {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      }
    }
    return sb.toString();
  }

  /** Parses a raw query string into decoded names and values, in order; a name without '=' has "". */
  public static Map<String, List<String>> parseQuery(String raw, boolean form) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    int start = 0;
    while (start <= raw.length()) {
      int amp = raw.indexOf('&', start);
      if (amp < 0) {
        amp = raw.length();
      }
      if (amp > start) {
        String part = raw.substring(start, amp);
        int eq = part.indexOf('=');
        String k = eq < 0 ? part : part.substring(0, eq);
        String v = eq < 0 ? "" : part.substring(eq + 1);
        k = form ? formDecode(k) : percentDecode(k);
        v = form ? formDecode(v) : percentDecode(v);
        out.computeIfAbsent(k, x -> new ArrayList<>(1)).add(v);
      }
      start = amp + 1;
    }
    return out;
  }

  /** Formats a timestamp in the given format (ISO-8601 by default). */
  public static String formatInstant(Instant t, TimestampFormatTrait.Format format) {
    if (format == null) {
      format = TimestampFormatTrait.Format.ISO_8601;
    }
    return switch (format) {
      case RFC_822 -> RFC_822.format(t);
      case UNIX_TIMESTAMP -> epochSeconds(t).toPlainString();
      case UNIX_TIMESTAMP_MILLIS -> Long.toString(t.toEpochMilli());
      default -> DateTimeFormatter.ISO_INSTANT.format(t);
    };
  }

  /** Epoch seconds with a fraction only when the instant has one. */
  public static BigDecimal epochSeconds(Instant t) {
    BigDecimal s = BigDecimal.valueOf(t.getEpochSecond());
    if (t.getNano() == 0) {
      return s;
    }
    return s.add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
  }

  /** Parses whatever timestamp format the SDK may have sent: ISO-8601, RFC-822 or epoch seconds. */
  public static Instant parseInstant(String s) {
    String v = s.trim();
    if (v.isEmpty()) {
      return null;
    }
    char c = v.charAt(0);
    if ((c >= '0' && c <= '9' || c == '-') && v.indexOf('T') < 0 && v.indexOf(' ') < 0) {
      return fromEpochSeconds(new BigDecimal(v));
    }
    if (v.indexOf('T') > 0) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")
          ? v : v + "Z", Instant::from);
    }
    return RFC_822.parse(v, Instant::from);
  }

  /** An instant from (possibly fractional) epoch seconds. */
  public static Instant fromEpochSeconds(BigDecimal seconds) {
    long whole = seconds.longValue();
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
    return Instant.ofEpochSecond(whole, nanos);
  }
}
