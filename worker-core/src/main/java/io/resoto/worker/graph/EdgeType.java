package io.resoto.worker.graph;

import java.util.Locale;

/** The edge types the core knows. The wire name is what appears in NDJSON and in the model. */
public enum EdgeType {
  /** Containment and dependency: root to cloud to account to region to resource. */
  DEFAULT("default"),
  /** "From must be deleted before to can be deleted"-style ordering used by cleanup. */
  DELETE("delete"),
  /** Permission relations; these may form cycles. */
  IAM("iam");

  private final String wireName;

  EdgeType(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the wire: {@code default}, {@code delete} or {@code iam}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The edge type with this wire name (case-insensitive).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static EdgeType fromWireName(String name) {
    if (name != null) {
      String lower = name.toLowerCase(Locale.ROOT);
      for (EdgeType t : values()) {
        if (t.wireName.equals(lower)) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException("unknown edge type: " + name);
  }
}
