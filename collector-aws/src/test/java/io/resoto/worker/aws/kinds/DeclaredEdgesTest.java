package io.resoto.worker.aws.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.graph.Edge;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every edge the collector makes is declared in the model the core receives: collecting the demo
 * account with every kind, each edge's type and target kind is among its source kind's successors
 * (declared by the source, or by the target as its predecessor; the engine's own region and
 * account edges aside), so the core's model and the graph agree.
 */
class DeclaredEdgesTest extends KindTestHarness {

  @Test
  void everyEdgeOfTheDemoCollectIsDeclared() throws Exception {
    Graph g = collect(KindRegistry.kinds().toArray(AwsKind[]::new));
    Map<String, AwsKind> kinds = KindRegistry.kinds().stream()
        .collect(Collectors.toMap(AwsKind::name, Function.identity()));
    Set<String> undeclared = new TreeSet<>();
    for (Edge e : g.edges()) {
      Node from = g.node(e.from()).orElseThrow();
      Node to = g.node(e.to()).orElseThrow();
      if (from.kind().equals("aws_account") || from.kind().equals("aws_region")) {
        continue;
      }
      List<String> declared = KindRegistry.successors(kinds.get(from.kind()))
          .getOrDefault(e.type().wireName(), List.of());
      if (!declared.contains(to.kind())) {
        undeclared.add(from.kind() + " -" + e.type().wireName() + "-> " + to.kind());
      }
    }
    assertThat(undeclared).as("edges made but not declared as successors of their source kind").isEmpty();
  }
}
