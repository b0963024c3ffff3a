package io.resoto.worker.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A kind with properties and bases, such as a resource kind.
 *
 * @param fqn fully qualified name
 * @param bases fqns of the direct base kinds
 * @param properties properties declared by this kind (not inherited ones)
 * @param successorKinds edge type wire name to kinds this kind may have edges to; may be empty
 * @param aggregateRoot whether nodes of this kind are graph nodes (as opposed to nested values)
 * @param metadata free-form metadata (icon, group, name, source)
 */
public record ComplexKind(
    String fqn,
    List<String> bases,
    List<Property> properties,
    Map<String, List<String>> successorKinds,
    boolean aggregateRoot,
    Map<String, Object> metadata)
    implements ModelKind {

  /** Defensively copies all collections; nulls become empty. */
  public ComplexKind {
    Objects.requireNonNull(fqn, "fqn");
    bases = bases == null ? List.of() : List.copyOf(bases);
    properties = properties == null ? List.of() : List.copyOf(properties);
    successorKinds = successorKinds == null ? Map.of() : copyOrdered(successorKinds);
    metadata =
        metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  private static Map<String, List<String>> copyOrdered(Map<String, List<String>> in) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    in.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }
}
