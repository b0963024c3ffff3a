package io.resoto.worker.graph;

import java.util.List;

/**
 * Reproduces CPython's {@code repr()} of strings and tuples of strings, because node ids are a
 * hash over that text and must match the Python worker byte for byte.
 */
public final class PythonRepr {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonRepr() {}

  /** {@code repr(s)} as CPython 3 prints it. */
  public static String string(String s) {
    boolean hasSingle = s.indexOf('\'') >= 0;
    boolean hasDouble = s.indexOf('"') >= 0;
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder sb = new StringBuilder(s.length() + 2);
    sb.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendCodePoint(sb, cp, quote);
    }
    return sb.append(quote).toString();
  }

  /** {@code repr(tuple(parts))}: a one-element tuple gets the trailing comma Python gives it. */
  public static String tuple(List<String> parts) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(string(parts.get(i)));
    }
    if (parts.size() == 1) {
      sb.append(',');
    }
    return sb.append(')').toString();
  }

  private static void appendCodePoint(StringBuilder sb, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      sb.append('\\').append((char) cp);
    } else if (cp == '\t') {
      sb.append("\\t");
    } else if (cp == '\n') {
      sb.append("\\n");
    } else if (cp == '\r') {
      sb.append("\\r");
    } else if (cp < ' ' || cp == 0x7f) {
      appendHex(sb, 'x', cp, 2);
    } else if (cp < 0x7f || isPrintable(cp)) {
      sb.appendCodePoint(cp);
    } else if (cp <= 0xff) {
      appendHex(sb, 'x', cp, 2);
    } else if (cp <= 0xffff) {
      appendHex(sb, 'u', cp, 4);
    } else {
      appendHex(sb, 'U', cp, 8);
    }
  }

  /**
   * Python's {@code str.isprintable} for one code point. Java's Unicode tables may be a version
   * apart from the Python's, which only matters for code points assigned in between.
   */
  static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private static void appendHex(StringBuilder sb, char kind, int cp, int digits) {
    sb.append('\\').append(kind);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX[(cp >>> shift) & 0xf]);
    }
  }
}
