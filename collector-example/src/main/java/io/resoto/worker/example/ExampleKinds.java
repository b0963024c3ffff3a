package io.resoto.worker.example;

import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.graph.Property;
import java.util.List;
import java.util.Map;

/** The model of the example plugin's kinds. */
final class ExampleKinds {

  static final String ACCOUNT = "example_account";
  static final String REGION = "example_region";
  static final String INSTANCE = "example_instance";
  static final String VOLUME = "example_volume";

  private ExampleKinds() {}

  static List<ModelKind> all() {
    return List.of(
        kind(ACCOUNT, "account", "Example Account", "account", "management", List.of(),
            Map.of("default", List.of(REGION))),
        kind(REGION, "region", "Example Region", "region", "management", List.of(),
            Map.of("default", List.of(INSTANCE, VOLUME))),
        kind(INSTANCE, "instance", "Example Instance", "instance", "compute",
            List.of(new Property("architecture", "string", false, "CPU architecture of the instance, e.g. x86_64 or arm64.")),
            Map.of("default", List.of(VOLUME))),
        kind(VOLUME, "volume", "Example Volume", "volume", "storage",
            List.of(new Property("attached_to", "string", false, "Id of the instance the volume is attached to.")),
            Map.of("delete", List.of(INSTANCE))));
  }

  private static ComplexKind kind(String fqn, String base, String name, String icon, String group,
      List<Property> properties, Map<String, List<String>> successors) {
    return new ComplexKind(fqn, List.of(base), properties, successors, true,
        Map.of("icon", icon, "group", group, "name", name, "source", "example"));
  }
}
