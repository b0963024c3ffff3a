package io.resoto.worker.config;

import io.resoto.worker.spi.Secret;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes config sections as block-style YAML that {@link ConfigLoader} reads back to the same
 * values, except that secrets are written as {@value Secret#REDACTED}.
 */
final class YamlWriter {

  // Written without quotes: such strings cannot be read as anything but themselves.
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./@+-]*");
  private static final Set<String> RESERVED =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

  private static final int COMMENT_WIDTH = 96;

  private final StringBuilder out = new StringBuilder();
  private final boolean docs;
  private final Map<String, Source> sources;
  private final Map<Class<?>, RecordSchema> schemas;

  /**
   * @param schemas the schema of every record type that may occur in a value
   * @param docs write each component's doc as a comment above its key
   * @param sources where values came from, for end-of-line comments; null for no such comments
   */
  YamlWriter(Map<Class<?>, RecordSchema> schemas, boolean docs, Map<String, Source> sources) {
    this.schemas = schemas;
    this.docs = docs;
    this.sources = sources;
  }

  void comment(String text) {
    for (String line : text.split("\n", -1)) {
      out.append(line.isEmpty() ? "#" : "# " + clean(line)).append('\n');
    }
  }

  void blankLine() {
    out.append('\n');
  }

  /**
   * Writes one section.
   *
   * @param values the component values in record order
   * @param defaults the default of each component, or null if the section has no defaults
   */
  void section(String name, RecordSchema schema, List<Object> values, List<Object> defaults) {
    if (schema.components().isEmpty()) {
      out.append(name).append(": {}\n");
      return;
    }
    out.append(name).append(":\n");
    int i = 0;
    for (RecordSchema.Component component : schema.components().values()) {
      if (docs && component.doc() != null) {
        if (i > 0) {
          blankLine();
        }
        for (String line : component.doc().split("\n", -1)) {
          for (String wrapped : wrap(clean(line), COMMENT_WIDTH)) {
            out.append("  # ").append(wrapped).append('\n');
          }
        }
      }
      Object value = values.get(i);
      String path = name + "." + component.key();
      String comment = null;
      if (sources != null) {
        boolean atDefault = defaults != null && Objects.equals(value, defaults.get(i));
        Source source = ConfigLoader.lookup(sources, path);
        if (!atDefault && source.kind() != Source.Kind.DEFAULT) {
          comment = source.brief();
        }
      }
      entry(2, component.key(), value, component.type(), path, comment);
      i++;
    }
  }

  String text() {
    return out.toString();
  }

  private void entry(int indent, String key, Object value, Type type, String path, String comment) {
    String inline = inline(value);
    line(indent, key + ":" + (inline == null ? "" : " " + inline), comment);
    if (inline == null) {
      block(indent + 2, value, type, path);
    }
  }

  private void block(int indent, Object value, Type type, String path) {
    if (value instanceof List<?> list) {
      Type elementType = Types.elementType(type);
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        String elementPath = path + "[" + i + "]";
        String inline = inline(element);
        if (inline != null) {
          line(indent, "- " + inline, entryComment(elementPath, path));
        } else {
          // Write the element one level deeper, then turn its first indentation into the dash.
          int start = out.length();
          block(indent + 2, element, elementType, elementPath);
          out.replace(start + indent, start + indent + 2, "- ");
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      Type valueType = Types.valueType(type);
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String entryPath = path + "." + e.getKey();
        entry(
            indent,
            scalar((String) e.getKey()),
            e.getValue(),
            valueType,
            entryPath,
            entryComment(entryPath, path));
      }
    } else if (value instanceof Record record) {
      RecordSchema schema = schemas.get(record.getClass());
      for (RecordSchema.Component component : schema.components().values()) {
        String fieldPath = path + "." + component.key();
        entry(
            indent,
            component.key(),
            component.get(record),
            component.type(),
            fieldPath,
            entryComment(fieldPath, path));
      }
    } else {
      throw new IllegalStateException("no block form for " + value);
    }
  }

  // Entries get their own comment only when they came from somewhere else than their parent.
  private String entryComment(String path, String parentPath) {
    if (sources == null) {
      return null;
    }
    Source own = sources.get(path);
    if (own == null || own.sameOrigin(ConfigLoader.lookup(sources, parentPath))) {
      return null;
    }
    return own.brief();
  }

  private void line(int indent, String text, String comment) {
    out.append(" ".repeat(indent)).append(text);
    if (comment != null) {
      out.append("  # ").append(clean(comment));
    }
    out.append('\n');
  }

  /** The one-line form of a value, or null if it needs a block. */
  private static String inline(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Secret) {
      return "'" + Secret.REDACTED + "'";
    }
    if (value instanceof String s) {
      return scalar(s);
    }
    if (value instanceof Double d) {
      if (d.isNaN()) {
        return ".nan";
      }
      if (d.isInfinite()) {
        return d > 0 ? ".inf" : "-.inf";
      }
      return d.toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return Types.yamlName(e);
    }
    if (value instanceof List<?> list && list.isEmpty()) {
      return "[]";
    }
    if (value instanceof Map<?, ?> map && map.isEmpty()) {
      return "{}";
    }
    if (value instanceof Record r && r.getClass().getRecordComponents().length == 0) {
      return "{}";
    }
    return null;
  }

  /** A string as a YAML scalar, quoted unless it can only be read as that string. */
  static String scalar(String s) {
    if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
      return s;
    }
    boolean printable = s.codePoints().allMatch(YamlWriter::printable);
    if (printable) {
      return "'" + s.replace("'", "''") + "'";
    }
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                  if (printable(cp)) {
                    sb.appendCodePoint(cp);
                  } else if (cp <= 0xFFFF) {
                    sb.append(String.format("\\u%04x", cp));
                  } else {
                    sb.append(String.format("\\U%08x", cp));
                  }
                }
              }
            });
    return sb.append('"').toString();
  }

  private static boolean printable(int cp) {
    return (cp >= 0x20 && cp < 0x7f)
        || (cp >= 0xa0 && cp <= 0xd7ff && cp != 0x2028 && cp != 0x2029)
        || (cp >= 0xe000 && cp <= 0xfffd && cp != 0xfeff)
        || (cp >= 0x10000 && cp <= 0x10ffff);
  }

  /** Splits at spaces so that lines stay within width, unless a single word is longer. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      if (current.length() > 0 && current.length() + 1 + word.length() > width) {
        lines.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  // A comment ends at the line break, so one must not sneak in with an override's value.
  private static String clean(String text) {
    StringBuilder sb = new StringBuilder();
    text.codePoints().forEach(cp -> sb.appendCodePoint(printable(cp) ? cp : ' '));
    return sb.toString();
  }
}
