package io.resoto.worker.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks behind {@link Graph#validate()}. Works on int indices and flat adjacency arrays and
 * walks iteratively, since graphs of a million nodes would overflow the stack of a recursive DFS.
 */
final class GraphValidator {

  /** Cap on reported dangling edges, so one broken collector does not produce a million lines. */
  static final int MAX_DANGLING_REPORTED = 20;
  /** How many roots the "N roots" problem lists. */
  static final int MAX_ROOTS_LISTED = 5;

  private final Graph graph;
  private final Node[] byIndex;
  private final Map<String, Integer> index;

  GraphValidator(Graph graph) {
    this.graph = graph;
    this.byIndex = graph.nodes().toArray(new Node[0]);
    this.index = new HashMap<>(byIndex.length * 2);
    for (int i = 0; i < byIndex.length; i++) {
      index.put(byIndex[i].id(), i);
    }
  }

  List<String> validate() {
    List<String> problems = new ArrayList<>();
    checkDanglingEdges(problems);
    checkDeferredEdges(problems);
    checkRoots(problems);
    checkAcyclic(EdgeType.DEFAULT, problems);
    checkAcyclic(EdgeType.DELETE, problems);
    return problems;
  }

  private void checkDeferredEdges(List<String> problems) {
    int reported = 0;
    for (DeferredEdge e : graph.deferredEdges()) {
      for (DeferredEdge.Selector s : List.of(e.from(), e.to())) {
        if (s.nodeId() != null && !index.containsKey(s.nodeId()) && reported++ < MAX_DANGLING_REPORTED) {
          problems.add("deferred edge (" + e.type().wireName() + "): node " + s.nodeId() + " is not in the graph");
        }
      }
    }
  }

  private void checkDanglingEdges(List<String> problems) {
    int dangling = 0;
    for (Edge e : graph.edges()) {
      boolean fromMissing = !index.containsKey(e.from());
      boolean toMissing = !index.containsKey(e.to());
      if (!fromMissing && !toMissing) {
        continue;
      }
      dangling++;
      if (dangling > MAX_DANGLING_REPORTED) {
        continue;
      }
      String prefix = "edge " + e.from() + " -> " + e.to() + " (" + e.type().wireName() + "): ";
      if (fromMissing) {
        problems.add(prefix + "source node " + e.from() + " is not in the graph");
      }
      if (toMissing) {
        problems.add(prefix + "target node " + e.to() + " is not in the graph");
      }
    }
    if (dangling > MAX_DANGLING_REPORTED) {
      problems.add((dangling - MAX_DANGLING_REPORTED) + " more edges refer to nodes not in the graph");
    }
  }

  private void checkRoots(List<String> problems) {
    boolean[] hasIncoming = new boolean[byIndex.length];
    for (Edge e : graph.edges()) {
      Integer to = index.get(e.to());
      if (to != null && index.containsKey(e.from())) {
        hasIncoming[to] = true;
      }
    }
    List<Integer> roots = new ArrayList<>();
    int rootCount = 0;
    for (int i = 0; i < byIndex.length; i++) {
      if (!hasIncoming[i]) {
        rootCount++;
        if (roots.size() < MAX_ROOTS_LISTED) {
          roots.add(i);
        }
      }
    }
    if (rootCount == 0) {
      problems.add("no root: every node has an incoming edge");
    } else if (rootCount > 1) {
      StringBuilder sb = new StringBuilder().append(rootCount).append(" roots: ");
      for (int i = 0; i < roots.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(describe(roots.get(i)));
      }
      if (rootCount > roots.size()) {
        sb.append(", ...");
      }
      problems.add(sb.toString());
    }
  }

  private void checkAcyclic(EdgeType type, List<String> problems) {
    int n = byIndex.length;
    // Compressed adjacency: successors of node i are targets[offsets[i] .. offsets[i + 1]).
    int[] offsets = new int[n + 1];
    int count = 0;
    for (Edge e : graph.edges()) {
      int from = endpoint(e, type, true);
      if (from >= 0) {
        offsets[from + 1]++;
        count++;
      }
    }
    if (count == 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      offsets[i + 1] += offsets[i];
    }
    // Second pass instead of a list of pairs: a million boxed pairs would dwarf these arrays.
    int[] targets = new int[count];
    int[] fill = offsets.clone();
    for (Edge e : graph.edges()) {
      int from = endpoint(e, type, true);
      if (from >= 0) {
        targets[fill[from]++] = endpoint(e, type, false);
      }
    }
    List<Integer> cycle = findCycle(n, offsets, targets);
    if (cycle != null) {
      StringBuilder sb = new StringBuilder("cycle over " + type.wireName() + " edges: ");
      for (int i = 0; i < cycle.size(); i++) {
        sb.append(i > 0 ? " -> " : "").append(describe(cycle.get(i)));
      }
      problems.add(sb.toString());
    }
  }

  /** Index of the edge's source (or target), or -1 if it has another type or dangles. */
  private int endpoint(Edge e, EdgeType type, boolean source) {
    if (e.type() != type) {
      return -1;
    }
    Integer from = index.get(e.from());
    Integer to = index.get(e.to());
    if (from == null || to == null) {
      return -1;
    }
    return source ? from : to;
  }

  /** The node path of one cycle, first node repeated at the end, or null if acyclic. */
  private static List<Integer> findCycle(int n, int[] offsets, int[] targets) {
    final byte white = 0;
    final byte grey = 1;
    final byte black = 2;
    byte[] color = new byte[n];
    int[] stack = new int[n];
    int[] nextEdge = new int[n];
    for (int start = 0; start < n; start++) {
      if (color[start] != white || offsets[start] == offsets[start + 1]) {
        continue;
      }
      int depth = 0;
      stack[depth++] = start;
      color[start] = grey;
      nextEdge[start] = offsets[start];
      while (depth > 0) {
        int v = stack[depth - 1];
        if (nextEdge[v] == offsets[v + 1]) {
          color[v] = black;
          depth--;
          continue;
        }
        int w = targets[nextEdge[v]++];
        if (color[w] == grey) {
          // The grey nodes are exactly the current path, so the cycle is its tail from w.
          List<Integer> cycle = new ArrayList<>();
          int from = depth - 1;
          while (stack[from] != w) {
            from--;
          }
          for (int i = from; i < depth; i++) {
            cycle.add(stack[i]);
          }
          cycle.add(w);
          return cycle;
        }
        if (color[w] == white) {
          color[w] = grey;
          nextEdge[w] = offsets[w];
          stack[depth++] = w;
        }
      }
    }
    return null;
  }

  private String describe(int i) {
    return byIndex[i].kind() + ":" + byIndex[i].id();
  }
}
