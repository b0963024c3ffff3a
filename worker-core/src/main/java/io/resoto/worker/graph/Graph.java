package io.resoto.worker.graph;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A mutable resource graph: nodes keyed by id in insertion order, and at most one edge per (from,
 * to, type). Edges refer to nodes by id and may dangle until {@link #validate()} reports them, so
 * collectors can add edges before both ends exist. Not thread-safe: collectors build their own
 * graph and {@link #merge(Graph)} it into the run's graph.
 */
public final class Graph {

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<EdgeKey, Edge> edges = new LinkedHashMap<>();
  private final Set<DeferredEdge> deferredEdges = new LinkedHashSet<>();

  private record EdgeKey(String from, String to, EdgeType type) {}

  /** An empty graph. */
  public Graph() {}

  /**
   * Adds a node. If a node with the same id is already present, that one is kept and returned, so
   * callers can use the returned node for edges either way.
   */
  public Node add(Node node) {
    Objects.requireNonNull(node, "node");
    Node existing = nodes.putIfAbsent(node.id(), node);
    return existing != null ? existing : node;
  }

  /**
   * Puts a node in place of the present node with the same id: a fuller view of the same resource,
   * such as an account node completed once its account is collected. It keeps its position and,
   * since edges refer to ids, its edges. A node not yet present is added.
   */
  public Node replace(Node node) {
    Objects.requireNonNull(node, "node");
    nodes.put(node.id(), node);
    return node;
  }

  /** Adds a {@link EdgeType#DEFAULT} edge. */
  public void addEdge(Node from, Node to) {
    addEdge(from, to, EdgeType.DEFAULT);
  }

  /** Adds an edge of the given type; the nodes themselves are not added. */
  public void addEdge(Node from, Node to, EdgeType type) {
    addEdge(from.id(), to.id(), type, null);
  }

  /** Adds an edge by node ids; a repeated (from, to, type) is a no-op and keeps the first. */
  public void addEdge(String fromId, String toId, EdgeType type, Map<String, Object> reported) {
    EdgeKey key = new EdgeKey(fromId, toId, type);
    if (!edges.containsKey(key)) {
      edges.put(key, new Edge(fromId, toId, type, reported));
    }
  }

  /**
   * Adds an edge the core resolves after the merge (see {@link DeferredEdge}); a repeated one is
   * a no-op. A node-id selector must name a node of this graph by the time it is validated.
   */
  public void addDeferredEdge(DeferredEdge edge) {
    deferredEdges.add(Objects.requireNonNull(edge, "edge"));
  }

  /** All deferred edges in insertion order (unmodifiable view). */
  public Collection<DeferredEdge> deferredEdges() {
    return Collections.unmodifiableCollection(deferredEdges);
  }

  /** The node with this id, if present. */
  public Optional<Node> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /** All nodes in insertion order (unmodifiable view). */
  public Collection<Node> nodes() {
    return Collections.unmodifiableCollection(nodes.values());
  }

  /** All edges in insertion order (unmodifiable view). */
  public Collection<Edge> edges() {
    return Collections.unmodifiableCollection(edges.values());
  }

  /** Number of nodes. */
  public int nodeCount() {
    return nodes.size();
  }

  /** Number of edges. */
  public int edgeCount() {
    return edges.size();
  }

  /** Node count per kind, sorted by kind. */
  public Map<String, Long> countByKind() {
    Map<String, Long> counts = new TreeMap<>();
    for (Node n : nodes.values()) {
      counts.merge(n.kind(), 1L, Long::sum);
    }
    return counts;
  }

  /** Findings per assessment provider (e.g. {@code ssm}) over all nodes, sorted by provider. */
  public Map<String, Long> countFindingsByProvider() {
    Map<String, Long> counts = new TreeMap<>();
    for (Node n : nodes.values()) {
      for (Assessment a : n.assessments()) {
        counts.merge(a.provider(), (long) a.findings().size(), Long::sum);
      }
    }
    return counts;
  }

  /** Adds all nodes and edges of {@code other}, with the same first-one-wins rules as single adds. */
  public void merge(Graph other) {
    if (other == this) {
      return;
    }
    other.nodes.values().forEach(this::add);
    for (Edge e : other.edges.values()) {
      addEdge(e.from(), e.to(), e.type(), e.reported());
    }
    deferredEdges.addAll(other.deferredEdges);
  }

  /**
   * Checks the graph is what the core accepts: no dangling edges (deferred edges' node ids
   * included), exactly one root, no cycle over default or delete edges.
   *
   * @return one human-readable problem per entry; empty when the graph is valid
   */
  public List<String> validate() {
    return new GraphValidator(this).validate();
  }
}
