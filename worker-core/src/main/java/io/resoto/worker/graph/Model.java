package io.resoto.worker.graph;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of kinds, as sent to the core before a graph so the core can check the graph
 * against it. Kinds keep the order they were added in.
 */
public final class Model {

  /** Kinds the core knows without them being part of any model. */
  static final Set<String> PRIMITIVES =
      Set.of(
          "string", "int32", "int64", "float", "double", "boolean", "date", "datetime",
          "duration", "any");

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private final Map<String, ModelKind> kinds;

  /**
   * A model of the given kinds.
   *
   * @throws IllegalArgumentException if one fqn is defined twice with different definitions
   */
  public Model(Collection<? extends ModelKind> kinds) {
    this(new LinkedHashMap<>(), kinds);
  }

  private Model(Map<String, ModelKind> start, Collection<? extends ModelKind> more) {
    for (ModelKind k : more) {
      ModelKind existing = start.putIfAbsent(k.fqn(), k);
      if (existing != null && !existing.equals(k)) {
        throw new IllegalArgumentException(
            "kind " + k.fqn() + " is defined twice with different definitions");
      }
    }
    this.kinds = start;
  }

  /** The base kinds every collector builds on. */
  public static Model base() {
    return new Model(BaseModel.kinds());
  }

  /**
   * A new model with these kinds added. Defining an existing fqn again identically is fine.
   *
   * @throws IllegalArgumentException naming the kind if an fqn is redefined differently
   */
  public Model plus(Collection<? extends ModelKind> more) {
    return new Model(new LinkedHashMap<>(kinds), more);
  }

  /** All kinds in the order they were added. */
  public List<ModelKind> kinds() {
    return List.copyOf(kinds.values());
  }

  /** The kind with this fqn, if present. */
  public Optional<ModelKind> kind(String fqn) {
    return Optional.ofNullable(kinds.get(fqn));
  }

  /**
   * Checks that every base, property kind and successor kind refers to a kind of this model or to
   * a primitive.
   *
   * @return one problem per entry; empty when the model is consistent
   */
  public List<String> validate() {
    List<String> problems = new ArrayList<>();
    for (ModelKind k : kinds.values()) {
      if (k instanceof SimpleKind s) {
        if (!isPrimitive(s.runtimeKind())) {
          problems.add(
              "kind " + s.fqn() + ": runtime kind " + s.runtimeKind() + " is not a primitive");
        }
        continue;
      }
      ComplexKind c = (ComplexKind) k;
      for (String base : c.bases()) {
        if (!kinds.containsKey(base)) {
          problems.add("kind " + c.fqn() + ": base " + base + " does not exist");
        }
      }
      for (Property p : c.properties()) {
        for (String ref : referencedKinds(p.kind())) {
          if (!isPrimitive(ref) && !kinds.containsKey(ref)) {
            problems.add(
                "kind " + c.fqn() + ": property " + p.name() + " has unknown kind " + ref);
          }
        }
      }
      c.successorKinds()
          .forEach(
              (edgeType, targets) -> {
                for (String t : targets) {
                  if (!kinds.containsKey(t)) {
                    problems.add(
                        "kind " + c.fqn() + ": " + edgeType + " successor " + t
                            + " does not exist");
                  }
                }
              });
    }
    return problems;
  }

  /**
   * Checks every node's kind is part of this model.
   *
   * @return one problem per missing kind
   */
  public List<String> check(Graph graph) {
    Map<String, long[]> missing = new TreeMap<>();
    Map<String, String> example = new LinkedHashMap<>();
    for (Node n : graph.nodes()) {
      if (!kinds.containsKey(n.kind())) {
        missing.computeIfAbsent(n.kind(), k -> new long[1])[0]++;
        example.putIfAbsent(n.kind(), n.id());
      }
    }
    List<String> problems = new ArrayList<>();
    missing.forEach(
        (kind, count) ->
            problems.add(
                "kind " + kind + " is not in the model (" + count[0] + " node(s), e.g. "
                    + example.get(kind) + ")"));
    return problems;
  }

  /** Writes the JSON list of kinds in the core's model format. Flushes but does not close out. */
  public void writeJson(OutputStream out) throws IOException {
    try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      gen.writeStartArray();
      for (ModelKind k : kinds.values()) {
        if (k instanceof ComplexKind c) {
          writeComplex(gen, c);
        } else {
          writeSimple(gen, (SimpleKind) k);
        }
      }
      gen.writeEndArray();
    }
    out.flush();
  }

  private static void writeComplex(JsonGenerator gen, ComplexKind c) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("fqn", c.fqn());
    gen.writeArrayFieldStart("bases");
    for (String b : c.bases()) {
      gen.writeString(b);
    }
    gen.writeEndArray();
    gen.writeArrayFieldStart("properties");
    for (Property p : c.properties()) {
      gen.writeStartObject();
      gen.writeStringField("name", p.name());
      gen.writeStringField("kind", p.kind());
      gen.writeBooleanField("required", p.required());
      if (p.description() != null) {
        gen.writeStringField("description", p.description());
      }
      gen.writeEndObject();
    }
    gen.writeEndArray();
    gen.writeBooleanField("allow_unknown_props", false);
    gen.writeFieldName("successor_kinds");
    if (c.successorKinds().isEmpty()) {
      gen.writeNull();
    } else {
      JsonValues.writeObject(gen, c.successorKinds());
    }
    gen.writeBooleanField("aggregate_root", c.aggregateRoot());
    gen.writeFieldName("metadata");
    JsonValues.writeObject(gen, c.metadata());
    gen.writeEndObject();
  }

  private static void writeSimple(JsonGenerator gen, SimpleKind s) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("fqn", s.fqn());
    gen.writeStringField("runtime_kind", s.runtimeKind());
    if (!s.enumValues().isEmpty()) {
      gen.writeArrayFieldStart("enum");
      for (String v : s.enumValues()) {
        gen.writeString(v);
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }

  static boolean isPrimitive(String kind) {
    return PRIMITIVES.contains(kind) || kind.startsWith("trafo.");
  }

  /**
   * The plain kind names a property kind refers to: {@code X[]} refers to X, {@code
   * dictionary[K, V]} to K and V (each possibly nested again).
   */
  static List<String> referencedKinds(String kind) {
    List<String> out = new ArrayList<>();
    collect(kind.trim(), out);
    return out;
  }

  private static void collect(String kind, List<String> out) {
    String k = kind;
    while (k.endsWith("[]")) {
      k = k.substring(0, k.length() - 2).trim();
    }
    if (k.startsWith("dictionary[") && k.endsWith("]")) {
      String inner = k.substring("dictionary[".length(), k.length() - 1);
      int split = topLevelComma(inner);
      if (split < 0) {
        out.add(k);
        return;
      }
      collect(inner.substring(0, split).trim(), out);
      collect(inner.substring(split + 1).trim(), out);
      return;
    }
    out.add(k);
  }

  private static int topLevelComma(String s) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '[') {
        depth++;
      } else if (ch == ']') {
        depth--;
      } else if (ch == ',' && depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
