package io.resoto.worker.aws.engine;

import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Property;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the model {@link ComplexKind} of an AWS kind: bases, properties (each with its
 * description), successor kinds per edge type, and display metadata.
 */
public final class KindModel {

  /**
   * The metadata key under which a kind's declared predecessors travel from its model to
   * {@link KindRegistry#model()}, which turns them into successors of the other kind and drops the
   * key (it never reaches the core).
   */
  static final String PREDECESSORS = "_predecessors";

  /** The base kind of every AWS resource: it brings the {@code arn} property. */
  public static final String AWS_RESOURCE = "aws_resource";

  private final String fqn;
  private final List<String> bases = new ArrayList<>();
  private final List<Property> properties = new ArrayList<>();
  private final Map<String, List<String>> successors = new LinkedHashMap<>();
  private final Map<String, List<String>> predecessors = new LinkedHashMap<>();
  private final Map<String, Object> metadata = new LinkedHashMap<>();

  private KindModel(String fqn) {
    this.fqn = Objects.requireNonNull(fqn, "fqn");
  }

  /** Starts the model of a kind. */
  public static KindModel kind(String fqn) {
    return new KindModel(fqn);
  }

  /** The {@value #AWS_RESOURCE} base kind. */
  public static ComplexKind awsResource() {
    return kind(AWS_RESOURCE).bases("resource").display("resource", "misc")
        .property("arn", "string", "The Amazon Resource Name (ARN) of the resource.")
        .build();
  }

  /** The direct base kinds. */
  public KindModel bases(String... fqns) {
    bases.addAll(List.of(fqns));
    return this;
  }

  /** An optional property; the description is shown to users and must not be empty. */
  public KindModel property(String name, String kind, String description) {
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException(fqn + "." + name + ": a property needs a description");
    }
    properties.add(new Property(name, kind, false, description));
    return this;
  }

  /** Kinds this kind may have edges of this type to. */
  public KindModel successors(EdgeType type, String... kinds) {
    successors.computeIfAbsent(type.wireName(), t -> new ArrayList<>()).addAll(List.of(kinds));
    return this;
  }

  /**
   * Kinds that may have edges of this type to this kind, as the original's reference kinds
   * declare predecessors: for edges a kind makes from another kind's node to its own
   * ({@link KindContext#edgeFrom}). The model sent to the core lists them as successors of those
   * kinds.
   */
  public KindModel predecessors(EdgeType type, String... kinds) {
    predecessors.computeIfAbsent(type.wireName(), t -> new ArrayList<>()).addAll(List.of(kinds));
    return this;
  }

  /** Icon and group, as the base kinds carry them. */
  public KindModel display(String icon, String group) {
    metadata.put("icon", icon);
    metadata.put("group", group);
    return this;
  }

  /** The model kind. */
  public ComplexKind build() {
    Map<String, Object> meta = new LinkedHashMap<>(metadata);
    meta.put("name", displayName(fqn));
    meta.put("source", "aws");
    if (!predecessors.isEmpty()) {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      predecessors.forEach((type, kinds) -> copy.put(type, List.copyOf(kinds)));
      meta.put(PREDECESSORS, copy);
    }
    return new ComplexKind(fqn, bases, properties, successors, true, meta);
  }

  /** "aws_ec2_instance" -> "AWS EC2 Instance": how kinds are named in the UI. */
  static String displayName(String fqn) {
    StringBuilder b = new StringBuilder();
    for (String part : fqn.split("_")) {
      if (part.isEmpty()) {
        continue;
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      if (part.length() <= 3 && !part.equals("key") && !part.equals("job")) {
        b.append(part.toUpperCase(Locale.ROOT));
      } else {
        b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return b.toString();
  }
}
