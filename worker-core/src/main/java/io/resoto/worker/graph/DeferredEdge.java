package io.resoto.worker.graph;

import java.util.Objects;

/**
 * An edge whose ends the core resolves after the merge, across graphs: e.g. from an
 * organisational unit in the management account's graph to an account whose graph another
 * worker, another run or another account delivers. Written after the node and edge lines as
 * {@code {"from_selector": {...}, "to_selector": {...}, "edge_type": "..."}}.
 *
 * @param from the source end
 * @param to the target end
 * @param type the edge type
 */
public record DeferredEdge(Selector from, Selector to, EdgeType type) {

  /** Validates the parts. */
  public DeferredEdge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
  }

  /**
   * One end of a deferred edge: either a node id of this graph or a search the core runs over
   * its whole database.
   *
   * @param nodeId the node id, or null
   * @param searchCriteria a core search such as {@code is(aws_account) and reported.id == "123"},
   *     or null
   */
  public record Selector(String nodeId, String searchCriteria) {

    /** Exactly one of the two must be set. */
    public Selector {
      if ((nodeId == null) == (searchCriteria == null)) {
        throw new IllegalArgumentException("a selector has either a node id or search criteria");
      }
    }

    /** The node with this id. */
    public static Selector node(String nodeId) {
      return new Selector(Objects.requireNonNull(nodeId, "nodeId"), null);
    }

    /** The nodes the core finds with this search. */
    public static Selector search(String criteria) {
      return new Selector(null, Objects.requireNonNull(criteria, "criteria"));
    }

    /**
     * The search for the node of this kind with this resource id, the id quoted as the core's
     * query language wants strings.
     */
    public static Selector kindAndId(String kind, String resourceId) {
      return search("is(" + kind + ") and reported.id == " + quote(resourceId));
    }

    private static String quote(String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
  }
}
