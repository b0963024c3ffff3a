package io.resoto.worker.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphTest {

  private static Node node(String kind, String id) {
    return Node.builder(kind, id).build();
  }

  @Test
  void demoNodesGetThePythonIds() {
    DemoGraph d = new DemoGraph();
    assertThat(d.root.id()).isEqualTo("jhGgCglHlbuWRQy1l0y_FA");
    assertThat(d.cloud.id()).isEqualTo("LG1N4T76O9qMVeweryT1ig");
    assertThat(d.account.id()).isEqualTo("2I089qtpcGlDzQys-Te9rg");
    assertThat(d.region.id()).isEqualTo("ZP6VTvAQImD0yY1NFysx4Q");
    assertThat(d.instance.id()).isEqualTo("JXxZaXq4p9XGKglsivZe9Q");
    assertThat(d.volume.id()).isEqualTo("xLwm6v2l4ESrcmzZI1YfHA");
  }

  @Test
  void demoGraphIsValid() {
    DemoGraph d = new DemoGraph();
    assertThat(d.graph.validate()).isEmpty();
    assertThat(d.graph.nodeCount()).isEqualTo(6);
    assertThat(d.graph.edgeCount()).isEqualTo(7);
  }

  @Test
  void nodeDefaultsAndImmutability() {
    Node n = Node.builder("k", "r1").tag("a", null).property("p", 1).build();
    assertThat(n.name()).isEqualTo("r1");
    assertThat(n.cloud()).isNull();
    assertThat(n.keyParts())
        .containsExactly("k", "undefined", "undefined", "undefined", "undefined", "r1");
    assertThat(n.tags()).containsEntry("a", null);
    assertThatThrownBy(() -> n.tags().put("b", "c"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> n.properties().put("q", 2))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Node.builder("", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addingTheSameIdKeepsTheFirstNode() {
    Graph g = new Graph();
    Node first = g.add(Node.builder("k", "r1").name("first").build());
    Node second = g.add(Node.builder("k", "r1").name("second").build());
    assertThat(second).isSameAs(first);
    assertThat(g.nodeCount()).isEqualTo(1);
    assertThat(g.node(first.id())).get().extracting(Node::name).isEqualTo("first");
    assertThat(g.node("nope")).isEmpty();
  }

  @Test
  void replacingANodeKeepsItsPlaceAndItsEdges() {
    Graph g = new Graph();
    Node a = g.add(Node.builder("k", "a").build());
    Node b = g.add(node("k", "b"));
    g.addEdge(a, b);
    Node fuller = Node.builder("k", "a").property("p", 1).build();

    assertThat(g.replace(fuller)).isSameAs(fuller);

    assertThat(g.nodes()).containsExactly(fuller, b);
    assertThat(g.node(a.id())).get().extracting(n -> n.properties().get("p")).isEqualTo(1);
    assertThat(g.edges()).containsExactly(new Edge(a.id(), b.id(), EdgeType.DEFAULT, null));
    Node c = node("k", "c");
    g.replace(c);
    assertThat(g.nodes()).containsExactly(fuller, b, c);
  }

  @Test
  void nodesKeepInsertionOrder() {
    Graph g = new Graph();
    List<Node> added = List.of(node("z", "1"), node("a", "2"), node("m", "3"));
    added.forEach(g::add);
    assertThat(g.nodes()).containsExactlyElementsOf(added);
  }

  @Test
  void atMostOneEdgePerFromToAndType() {
    Graph g = new Graph();
    Node a = g.add(node("k", "a"));
    Node b = g.add(node("k", "b"));
    g.addEdge(a, b);
    g.addEdge(a, b);
    g.addEdge(a.id(), b.id(), EdgeType.DEFAULT, Map.of("x", 1));
    g.addEdge(a, b, EdgeType.DELETE);
    g.addEdge(b, a, EdgeType.IAM);
    assertThat(g.edgeCount()).isEqualTo(3);
    assertThat(g.edges())
        .containsExactly(
            new Edge(a.id(), b.id(), EdgeType.DEFAULT),
            new Edge(a.id(), b.id(), EdgeType.DELETE),
            new Edge(b.id(), a.id(), EdgeType.IAM));
  }

  @Test
  void countsByKind() {
    Graph g = new Graph();
    g.add(node("b", "1"));
    g.add(node("a", "2"));
    g.add(node("b", "3"));
    assertThat(g.countByKind()).containsExactly(Map.entry("a", 1L), Map.entry("b", 2L));
  }

  @Test
  void mergeAddsNodesAndEdgesOfTheOther() {
    Graph g = new Graph();
    Node root = g.add(node("graph_root", "root"));
    Graph other = new Graph();
    Node a = other.add(node("k", "a"));
    Node dup = other.add(Node.builder("graph_root", "root").name("other").build());
    other.addEdge(dup, a);
    other.addEdge(dup.id(), a.id(), EdgeType.IAM, Map.of("w", true));
    g.merge(other);
    assertThat(g.nodeCount()).isEqualTo(2);
    assertThat(g.node(root.id())).get().extracting(Node::name).isEqualTo("root");
    assertThat(g.edges()).hasSize(2);
    assertThat(g.edges()).contains(new Edge(root.id(), a.id(), EdgeType.IAM, Map.of("w", true)));
    assertThat(g.validate()).isEmpty();
  }

  @Test
  void edgeTypeWireNames() {
    assertThat(EdgeType.DEFAULT.wireName()).isEqualTo("default");
    assertThat(EdgeType.DELETE.wireName()).isEqualTo("delete");
    assertThat(EdgeType.IAM.wireName()).isEqualTo("iam");
    for (EdgeType t : EdgeType.values()) {
      assertThat(EdgeType.fromWireName(t.wireName())).isEqualTo(t);
    }
    assertThatThrownBy(() -> EdgeType.fromWireName("bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bogus");
  }
}
