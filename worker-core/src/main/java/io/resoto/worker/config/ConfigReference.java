package io.resoto.worker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.graph.Property;
import io.resoto.worker.graph.SimpleKind;
import java.util.List;
import java.util.Map;

/**
 * The configuration reference in Markdown, generated from the config records: every section,
 * every key with its type, default and description, nested record types and enum values. The
 * project ships its output as {@code docs/config-reference.md}; a test keeps the two equal.
 */
public final class ConfigReference {

  // maps in defaults may be Map.of, whose order changes from JVM to JVM: sort by key
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ConfigReference() {}

  /** The reference of every section the loader knows. */
  public static String markdown(ConfigLoader loader) {
    List<ModelKind> model = loader.configModel(name -> name);
    Map<String, Object> defaults = loader.defaultValues();
    StringBuilder b = new StringBuilder();
    b.append("# Configuration reference\n\n")
        .append("Every key of every section, generated from the config records by\n")
        .append("`java -jar worker.jar config reference` (a test fails when this file is out of date).\n")
        .append("How values are given (file, environment, `--override`, the core) is in\n")
        .append("[configuration.md](configuration.md). Types are the core's model types; `[]` is a list.\n");
    for (String section : loader.sectionNames()) {
      ComplexKind kind = complex(model, section);
      @SuppressWarnings("unchecked")
      Map<String, Object> values = (Map<String, Object>) defaults.get(section);
      b.append("\n## `").append(section).append("`\n\n");
      b.append("| key | type | default | description |\n| --- | --- | --- | --- |\n");
      for (Property p : kind.properties()) {
        b.append("| `").append(p.name()).append("` | ").append(cell(p.kind())).append(" | ")
            .append(cell(json(values == null ? null : values.get(p.name())))).append(" | ")
            .append(cell(p.description())).append(" |\n");
      }
      for (ModelKind nested : model) {
        if (nested.fqn().startsWith(section + "_")) {
          appendNested(b, nested);
        }
      }
    }
    return b.toString();
  }

  private static void appendNested(StringBuilder b, ModelKind kind) {
    if (kind instanceof ComplexKind c) {
      b.append("\n### `").append(c.fqn()).append("`\n\n");
      b.append("| key | type | description |\n| --- | --- | --- |\n");
      for (Property p : c.properties()) {
        b.append("| `").append(p.name()).append("` | ").append(cell(p.kind())).append(" | ")
            .append(cell(p.description())).append(" |\n");
      }
    } else if (kind instanceof SimpleKind s) {
      b.append("\n### `").append(s.fqn()).append("`\n\n").append("One of: ");
      b.append(String.join(", ", s.enumValues().stream().map(v -> "`" + v + "`").toList())).append(".\n");
    }
  }

  private static ComplexKind complex(List<ModelKind> model, String fqn) {
    return model.stream().filter(k -> k.fqn().equals(fqn) && k instanceof ComplexKind)
        .map(ComplexKind.class::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("no config kind for section " + fqn));
  }

  private static String json(Object value) {
    try {
      return "`" + JSON.writeValueAsString(value) + "`";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One table cell: no line breaks, no unescaped pipes. */
  private static String cell(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    return text.strip().replaceAll("\\s*\\n\\s*", " ").replace("|", "\\|");
  }
}
