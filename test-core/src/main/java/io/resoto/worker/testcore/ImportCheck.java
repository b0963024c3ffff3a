package io.resoto.worker.testcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core's rules for one merge upload (reference §3.5), each enforced: every line a node, an
 * edge or a deferred edge; node kinds known to the model; edge types default, delete or iam;
 * every edge endpoint a node of the same upload; exactly one root (one node without incoming
 * edges of any type); at least one replace node, each of a kind that resolves to cloud, account,
 * region or zone; no node below two replace nodes; each line under the core's read buffer (5 MiB).
 */
final class ImportCheck {

  static final int MAX_LINE = 5 * 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> EDGE_TYPES = Set.of("default", "delete", "iam");
  private static final Set<String> REPLACE_KINDS = Set.of("cloud", "account", "region", "zone");

  final Map<String, JsonNode> nodes = new LinkedHashMap<>();
  final List<JsonNode> edges = new ArrayList<>();
  final List<JsonNode> deferred = new ArrayList<>();

  /** Reads the body and returns why it is rejected, or null. Reads to the end either way. */
  String read(BufferedReader body, Kinds model, boolean jsonArray) throws IOException {
    String problem = null;
    if (jsonArray) {
      JsonNode array = JSON.readTree(body);
      if (array == null || !array.isArray()) {
        return "expected a JSON array";
      }
      int n = 0;
      for (JsonNode item : array) {
        n++;
        problem = problem != null ? problem : line(item, n, model);
      }
    } else {
      String line;
      int n = 0;
      while ((line = body.readLine()) != null) {
        n++;
        if (problem != null || line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_LINE) {
          problem = "line " + n + " is longer than " + MAX_LINE + " characters";
          continue;
        }
        JsonNode item;
        try {
          item = JSON.readTree(line);
        } catch (IOException e) {
          problem = "line " + n + " is not JSON";
          continue;
        }
        problem = line(item, n, model);
      }
    }
    return problem != null ? problem : graph(model);
  }

  private String line(JsonNode item, int n, Kinds model) {
    if (!item.isObject()) {
      return "line " + n + " is not a JSON object";
    }
    if (item.has("id") && item.has("reported")) {
      String id = item.get("id").asText();
      String kind = item.path("reported").path("kind").asText(null);
      if (kind == null) {
        return "line " + n + ": node " + id + " has no reported.kind";
      }
      if (!model.contains(kind)) {
        return "line " + n + ": kind " + kind + " of node " + id + " is not in the model";
      }
      if (nodes.putIfAbsent(id, item) != null) {
        return "line " + n + ": node " + id + " appears twice";
      }
      return null;
    }
    if (item.has("from") && item.has("to")) {
      String type = item.path("edge_type").asText("default");
      if (!EDGE_TYPES.contains(type)) {
        return "line " + n + ": unknown edge type " + type;
      }
      edges.add(item);
      return null;
    }
    if (item.has("from_selector") && item.has("to_selector")) {
      String type = item.path("edge_type").asText("default");
      if (!EDGE_TYPES.contains(type)) {
        return "line " + n + ": unknown edge type " + type + " of a deferred edge";
      }
      deferred.add(item);
      return null;
    }
    return "line " + n + " is neither a node, an edge nor a deferred edge: " + Kinds.abbreviate(item.toString());
  }

  private String graph(Kinds model) {
    Map<String, Integer> incoming = new HashMap<>();
    Map<String, List<String>> children = new HashMap<>();
    for (JsonNode e : edges) {
      String from = e.get("from").asText();
      String to = e.get("to").asText();
      if (!nodes.containsKey(from) || !nodes.containsKey(to)) {
        return "edge " + from + " -> " + to + " refers to a node that is not in the upload";
      }
      incoming.merge(to, 1, Integer::sum);
      if (e.path("edge_type").asText("default").equals("default")) {
        children.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
      }
    }
    List<String> roots = nodes.keySet().stream().filter(id -> !incoming.containsKey(id)).toList();
    if (roots.size() != 1) {
      return "expected exactly one root, found " + roots.size()
          + (roots.isEmpty() ? "" : ": " + roots.subList(0, Math.min(5, roots.size())));
    }
    List<JsonNode> replace = nodes.values().stream().filter(ImportCheck::isReplace).toList();
    if (replace.isEmpty()) {
      return "no replace node";
    }
    Map<String, String> owner = new HashMap<>();
    for (JsonNode r : replace) {
      String kind = r.path("reported").path("kind").asText();
      if (model.lineage(kind).stream().noneMatch(REPLACE_KINDS::contains)) {
        return "replace node " + r.get("id").asText() + " is of kind " + kind
            + ", which is none of cloud, account, region, zone";
      }
      String id = r.get("id").asText();
      Deque<String> todo = new ArrayDeque<>(List.of(id));
      while (!todo.isEmpty()) {
        String n = todo.poll();
        String previous = owner.putIfAbsent(n, id);
        if (previous != null) {
          if (previous.equals(id)) {
            continue;
          }
          return "node " + n + " is below two replace nodes: " + previous + " and " + id;
        }
        todo.addAll(children.getOrDefault(n, List.of()));
      }
    }
    return null;
  }

  static boolean isReplace(JsonNode node) {
    return node.path("metadata").path("replace").asBoolean(false) || node.path("replace").asBoolean(false);
  }
}
