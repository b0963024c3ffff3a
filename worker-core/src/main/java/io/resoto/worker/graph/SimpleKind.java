package io.resoto.worker.graph;

import java.util.List;
import java.util.Objects;

/**
 * A kind backed by a primitive, optionally restricted to enum values.
 *
 * @param fqn fully qualified name
 * @param runtimeKind the primitive it is stored as, e.g. {@code string}
 * @param enumValues the allowed values; empty for no restriction
 */
public record SimpleKind(String fqn, String runtimeKind, List<String> enumValues)
    implements ModelKind {

  /** Copies the enum values; null becomes empty. */
  public SimpleKind {
    Objects.requireNonNull(fqn, "fqn");
    Objects.requireNonNull(runtimeKind, "runtimeKind");
    enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
  }
}
