package io.resoto.worker.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A directed, typed edge between two node ids, optionally carrying reported properties.
 *
 * @param from id of the source node
 * @param to id of the target node
 * @param type the edge type
 * @param reported properties of the edge itself, or null for none
 */
public record Edge(String from, String to, EdgeType type, Map<String, Object> reported) {

  /** Validates and defensively copies {@code reported}. */
  public Edge {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(type, "type");
    // LinkedHashMap rather than Map.copyOf: keeps caller order and tolerates null values.
    reported = reported == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(reported));
  }

  /** An edge without reported properties. */
  public Edge(String from, String to, EdgeType type) {
    this(from, to, type, null);
  }
}
