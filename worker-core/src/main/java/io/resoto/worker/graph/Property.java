package io.resoto.worker.graph;

import java.util.Objects;

/**
 * A property of a {@link ComplexKind}.
 *
 * @param name property name as it appears in {@code reported}
 * @param kind the property's kind: a primitive, another kind's fqn, {@code X[]} or
 *     {@code dictionary[K, V]}
 * @param required whether every node of the kind must have it
 * @param description one sentence shown to users, or null
 */
public record Property(String name, String kind, boolean required, String description) {

  /** Checks the mandatory parts. */
  public Property {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
