package io.resoto.worker.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphValidatorTest {

  private static Node node(String kind, String id) {
    return Node.builder(kind, id).build();
  }

  @Test
  void reportsEdgesToMissingNodes() {
    DemoGraph d = new DemoGraph();
    Node ghost = node("demo_instance", "ghost");
    d.graph.addEdge(d.region, ghost);
    assertThat(d.graph.validate())
        .containsExactly(
            "edge " + d.region.id() + " -> " + ghost.id() + " (default): target node "
                + ghost.id() + " is not in the graph");
  }

  @Test
  void deferredEdgesMustStartAtANodeOfTheGraphAndAreNotPartOfTheCycleCheck() {
    DemoGraph d = new DemoGraph();
    // a deferred edge back to the root would be a cycle if it were a plain edge
    d.graph.addDeferredEdge(new DeferredEdge(DeferredEdge.Selector.node(d.volume.id()),
        DeferredEdge.Selector.node(d.graph.nodes().iterator().next().id()), EdgeType.DEFAULT));
    assertThat(d.graph.validate()).isEmpty();
    d.graph.addDeferredEdge(new DeferredEdge(DeferredEdge.Selector.node("gone"),
        DeferredEdge.Selector.kindAndId("demo_account", "x"), EdgeType.DELETE));
    assertThat(d.graph.validate()).containsExactly("deferred edge (delete): node gone is not in the graph");
  }

  @Test
  void aSelectorHasExactlyOneOfNodeIdAndSearch() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeferredEdge.Selector(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeferredEdge.Selector("a", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(DeferredEdge.Selector.kindAndId("k", "a\"b").searchCriteria())
        .isEqualTo("is(k) and reported.id == \"a\\\"b\"");
  }

  @Test
  void reportsMissingSourceNodes() {
    DemoGraph d = new DemoGraph();
    d.graph.addEdge("nope", d.volume.id(), EdgeType.DELETE, null);
    assertThat(d.graph.validate())
        .containsExactly(
            "edge nope -> " + d.volume.id() + " (delete): source node nope is not in the graph");
  }

  @Test
  void capsTheNumberOfDanglingEdgesReported() {
    DemoGraph d = new DemoGraph();
    for (int i = 0; i < GraphValidator.MAX_DANGLING_REPORTED + 5; i++) {
      d.graph.addEdge(d.root.id(), "missing-" + i, EdgeType.DEFAULT, null);
    }
    List<String> problems = d.graph.validate();
    assertThat(problems).hasSize(GraphValidator.MAX_DANGLING_REPORTED + 1);
    assertThat(problems.get(problems.size() - 1))
        .isEqualTo("5 more edges refer to nodes not in the graph");
  }

  @Test
  void reportsSeveralRoots() {
    DemoGraph d = new DemoGraph();
    Node orphan = d.graph.add(node("demo_instance", "orphan"));
    assertThat(d.graph.validate())
        .containsExactly(
            "2 roots: graph_root:" + d.root.id() + ", demo_instance:" + orphan.id());
  }

  @Test
  void listsOnlyTheFirstFewRoots() {
    Graph g = new Graph();
    for (int i = 0; i < 8; i++) {
      g.add(node("k", "n" + i));
    }
    List<String> problems = g.validate();
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("8 roots: k:").endsWith(", ...");
    assertThat(problems.get(0).split("k:")).hasSize(GraphValidator.MAX_ROOTS_LISTED + 1);
  }

  @Test
  void iamEdgesCountForInDegree() {
    Graph g = new Graph();
    Node a = g.add(node("k", "a"));
    Node b = g.add(node("k", "b"));
    g.addEdge(a, b, EdgeType.IAM);
    assertThat(g.validate()).isEmpty();
  }

  @Test
  void reportsNoRoot() {
    Graph g = new Graph();
    Node a = g.add(node("k", "a"));
    Node b = g.add(node("k", "b"));
    g.addEdge(a, b, EdgeType.IAM);
    g.addEdge(b, a, EdgeType.IAM);
    assertThat(g.validate()).singleElement().asString().startsWith("no root");
    assertThat(new Graph().validate()).singleElement().asString().startsWith("no root");
  }

  @Test
  void reportsDefaultCycleWithPath() {
    DemoGraph d = new DemoGraph();
    d.graph.addEdge(d.volume, d.region);
    List<String> problems = d.graph.validate();
    assertThat(problems)
        .containsExactly(
            "cycle over default edges: demo_region:" + d.region.id() + " -> demo_instance:"
                + d.instance.id() + " -> demo_volume:" + d.volume.id() + " -> demo_region:"
                + d.region.id());
  }

  @Test
  void reportsDeleteCycleButNotIamCycle() {
    DemoGraph d = new DemoGraph();
    d.graph.addEdge(d.instance, d.volume, EdgeType.IAM);
    d.graph.addEdge(d.volume, d.instance, EdgeType.IAM);
    assertThat(d.graph.validate()).isEmpty();
    d.graph.addEdge(d.instance, d.volume, EdgeType.DELETE);
    assertThat(d.graph.validate())
        .containsExactly(
            "cycle over delete edges: demo_instance:" + d.instance.id() + " -> demo_volume:"
                + d.volume.id() + " -> demo_instance:" + d.instance.id());
  }

  @Test
  void reportsSelfLoop() {
    DemoGraph d = new DemoGraph();
    d.graph.addEdge(d.volume, d.volume, EdgeType.DELETE);
    assertThat(d.graph.validate())
        .containsExactly(
            "cycle over delete edges: demo_volume:" + d.volume.id() + " -> demo_volume:"
                + d.volume.id());
  }

  @Test
  void handlesDeepChainsAndDiamondsWithoutRecursion() {
    Graph g = new Graph();
    List<Node> chain = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      chain.add(g.add(node("k", "n" + i)));
    }
    for (int i = 1; i < chain.size(); i++) {
      g.addEdge(chain.get(i - 1), chain.get(i));
      if (i > 1) {
        g.addEdge(chain.get(i - 2), chain.get(i));
      }
    }
    assertThat(g.validate()).isEmpty();
    g.addEdge(chain.get(chain.size() - 1), chain.get(1));
    List<String> problems = g.validate();
    assertThat(problems).singleElement().asString()
        .startsWith("cycle over default edges: k:" + chain.get(1).id() + " -> ");
  }
}
