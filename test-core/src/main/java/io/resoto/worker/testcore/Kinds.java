package io.resoto.worker.testcore;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A model as the core receives it (a JSON list of kinds, reference §5.7), indexed by fqn, with
 * what the import and config checks ask of it: a kind's bases (transitively) and its properties
 * (own and inherited).
 */
final class Kinds {

  private final Map<String, JsonNode> byFqn = new LinkedHashMap<>();

  Kinds(JsonNode list) {
    add(list);
  }

  /** Adds or replaces kinds by fqn (PATCH semantics). */
  void add(JsonNode list) {
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException("a model is a JSON list of kinds");
    }
    for (JsonNode kind : list) {
      if (!kind.path("fqn").isTextual()) {
        throw new IllegalArgumentException("a kind without fqn: " + abbreviate(kind.toString()));
      }
      byFqn.put(kind.get("fqn").asText(), kind);
    }
  }

  boolean contains(String fqn) {
    return byFqn.containsKey(fqn);
  }

  JsonNode get(String fqn) {
    return byFqn.get(fqn);
  }

  int size() {
    return byFqn.size();
  }

  /** The kind and every base reachable from it. */
  Set<String> lineage(String fqn) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(fqn);
    while (!todo.isEmpty()) {
      String k = todo.poll();
      if (seen.add(k)) {
        JsonNode kind = byFqn.get(k);
        if (kind != null) {
          kind.path("bases").forEach(b -> todo.add(b.asText()));
        }
      }
    }
    return seen;
  }

  /** Property definitions by name: the kind's own and its bases'. */
  Map<String, JsonNode> properties(String fqn) {
    Map<String, JsonNode> props = new LinkedHashMap<>();
    for (String k : lineage(fqn)) {
      JsonNode kind = byFqn.get(k);
      if (kind != null) {
        kind.path("properties").forEach(p -> props.putIfAbsent(p.path("name").asText(), p));
      }
    }
    return props;
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }
}
