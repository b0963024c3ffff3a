package io.resoto.worker.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ComplexKind kind(String fqn, List<String> bases, Property... props) {
    return new ComplexKind(fqn, bases, List.of(props), Map.of(), true, Map.of("source", "test"));
  }

  private static JsonNode json(Model model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.writeJson(out);
    return MAPPER.readTree(out.toByteArray());
  }

  private static JsonNode byFqn(JsonNode list, String fqn) {
    for (JsonNode k : list) {
      if (k.get("fqn").asText().equals(fqn)) {
        return k;
      }
    }
    throw new AssertionError("no kind " + fqn);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void baseModelIsConsistent() {
    Model base = Model.base();
    assertThat(base.validate()).isEmpty();
    assertThat(base.kind("resource")).isPresent();
    assertThat(base.kind("instance_status")).get().isInstanceOf(SimpleKind.class);
    assertThat(base.kinds()).extracting(ModelKind::fqn)
        .contains("graph_root", "cloud", "account", "region", "zone", "instance", "volume",
            "instance_type", "volume_type", "dns_record", "managed_kubernetes_cluster_provider")
        .doesNotHaveDuplicates();
  }

  @Test
  void baseModelDescribesEveryProperty() {
    for (ModelKind k : Model.base().kinds()) {
      if (k instanceof ComplexKind c) {
        assertThat(c.aggregateRoot()).as(c.fqn()).isTrue();
        assertThat(c.metadata()).as(c.fqn()).containsKeys("icon", "group", "name", "source");
        for (Property p : c.properties()) {
          assertThat(p.description()).as(c.fqn() + "." + p.name()).isNotBlank().endsWith(".");
        }
      }
    }
  }

  @Test
  void baseHierarchyFollowsTheOriginal() {
    Model base = Model.base();
    assertThat(((ComplexKind) base.kind("cloud").orElseThrow()).bases())
        .containsExactly("base_cloud");
    assertThat(((ComplexKind) base.kind("instance_type").orElseThrow()).bases())
        .containsExactly("type");
    assertThat(((ComplexKind) base.kind("type").orElseThrow()).bases()).containsExactly("quota");
    assertThat(((ComplexKind) base.kind("region").orElseThrow()).bases())
        .containsExactly("phantom_resource");
    assertThat(((ComplexKind) base.kind("resource").orElseThrow()).properties())
        .filteredOn(Property::required).extracting(Property::name)
        .containsExactly("id", "kind");
  }

  @Test
  void writesTheCoreFormat() throws IOException {
    JsonNode list = json(Model.base());
    assertThat(list.isArray()).isTrue();
    assertThat(list.size()).isEqualTo(Model.base().kinds().size());

    JsonNode instance = byFqn(list, "instance");
    assertThat(fieldNames(instance)).containsExactly("fqn", "bases", "properties",
        "allow_unknown_props", "successor_kinds", "aggregate_root", "metadata");
    assertThat(instance.get("bases").toString()).isEqualTo("[\"resource\"]");
    assertThat(instance.get("allow_unknown_props").asBoolean(true)).isFalse();
    assertThat(instance.get("successor_kinds").isNull()).isTrue();
    assertThat(instance.get("aggregate_root").asBoolean()).isTrue();
    assertThat(instance.get("metadata").get("group").asText()).isEqualTo("compute");
    assertThat(instance.get("metadata").get("source").asText()).isEqualTo("base");
    JsonNode status = instance.get("properties").get(3);
    assertThat(fieldNames(status)).containsExactly("name", "kind", "required", "description");
    assertThat(status.get("name").asText()).isEqualTo("instance_status");
    assertThat(status.get("kind").asText()).isEqualTo("instance_status");
    assertThat(status.get("required").asBoolean(true)).isFalse();

    JsonNode enumKind = byFqn(list, "instance_status");
    assertThat(enumKind.toString()).isEqualTo("{\"fqn\":\"instance_status\",\"runtime_kind\":"
        + "\"string\",\"enum\":[\"running\",\"stopped\",\"terminated\",\"busy\",\"unknown\"]}");

    JsonNode root = byFqn(list, "graph_root");
    assertThat(root.get("successor_kinds").toString()).isEqualTo("{\"default\":[\"cloud\"]}");
    assertThat(byFqn(list, "network").get("properties").get(0).get("kind").asText())
        .isEqualTo("string[]");
    assertThat(byFqn(list, "dns_record_set").get("metadata").get("name").asText())
        .isEqualTo("DNS Record Set");
  }

  @Test
  void omitsNullDescriptionAndEmptyEnum() throws IOException {
    Model m = new Model(List.of(
        kind("thing", List.of(), new Property("p", "string", true, null)),
        new SimpleKind("label", "string", List.of())));
    JsonNode list = json(m);
    assertThat(list.get(0).get("properties").get(0).has("description")).isFalse();
    assertThat(list.get(1).toString()).isEqualTo("{\"fqn\":\"label\",\"runtime_kind\":\"string\"}");
  }

  @Test
  void plusAcceptsIdenticalRedefinitionAndRejectsConflicts() {
    Model base = Model.base();
    ComplexKind instance = (ComplexKind) base.kind("instance").orElseThrow();
    ComplexKind mine = kind("example_instance", List.of("instance"));
    Model more = base.plus(List.of(instance, mine));
    assertThat(more.kinds()).hasSize(base.kinds().size() + 1);
    assertThat(base.kind("example_instance")).isEmpty();
    assertThat(more.validate()).isEmpty();

    ComplexKind different = kind("instance", List.of("resource"));
    assertThatThrownBy(() -> more.plus(List.of(different)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instance");
    assertThatThrownBy(() -> new Model(List.of(mine, kind("example_instance", List.of()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example_instance");
  }

  @Test
  void validateReportsUnknownReferences() {
    Model m = Model.base().plus(List.of(
        kind("a", List.of("missing_base"),
            new Property("p1", "nope[]", false, "x."),
            new Property("p2", "dictionary[string, dictionary[string, gone]]", false, "x."),
            new Property("p3", "trafo.duration_to_datetime", false, "x."),
            new Property("p4", "instance_status[]", false, "x."),
            new Property("p5", "dictionary[string, any]", false, "x.")),
        new ComplexKind("b", List.of("resource"), List.of(),
            Map.of("delete", List.of("a", "ghost")), true, Map.of()),
        new SimpleKind("c", "strange", List.of())));
    assertThat(m.validate()).containsExactly(
        "kind a: base missing_base does not exist",
        "kind a: property p1 has unknown kind nope",
        "kind a: property p2 has unknown kind gone",
        "kind b: delete successor ghost does not exist",
        "kind c: runtime kind strange is not a primitive");
  }

  @Test
  void referencedKindsUnwrapsListsAndDictionaries() {
    assertThat(Model.referencedKinds("string")).containsExactly("string");
    assertThat(Model.referencedKinds("foo[][]")).containsExactly("foo");
    assertThat(Model.referencedKinds("dictionary[string, bar[]]"))
        .containsExactly("string", "bar");
    assertThat(Model.referencedKinds("dictionary[string, dictionary[x, y]][]"))
        .containsExactly("string", "x", "y");
  }

  @Test
  void checkReportsKindsMissingFromTheModel() {
    DemoGraph d = new DemoGraph();
    Model m = Model.base();
    List<String> problems = m.check(d.graph);
    assertThat(problems).containsExactly(
        "kind demo_account is not in the model (1 node(s), e.g. " + d.account.id() + ")",
        "kind demo_instance is not in the model (1 node(s), e.g. " + d.instance.id() + ")",
        "kind demo_region is not in the model (1 node(s), e.g. " + d.region.id() + ")",
        "kind demo_volume is not in the model (1 node(s), e.g. " + d.volume.id() + ")");
    Model withDemo = m.plus(List.of(
        kind("demo_account", List.of("account")), kind("demo_region", List.of("region")),
        kind("demo_instance", List.of("instance")), kind("demo_volume", List.of("volume"))));
    assertThat(withDemo.check(d.graph)).isEmpty();
    assertThat(withDemo.validate()).isEmpty();
  }
}
