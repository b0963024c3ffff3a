package io.resoto.worker.aws.kinds.organizations;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Runs organisation kinds through the account collector against the demo estate. */
abstract class OrgTreeTestBase {

  static Simulation sim;
  final TestSupport.RecordingContext context = new TestSupport.RecordingContext();
  private AwsClientFactory clients;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void cleanUp() {
    sim.aws().faults().clear();
    if (clients != null) {
      clients.close();
    }
  }

  AccountCollector.Result collect(AwsKind... kinds) throws Exception {
    AwsConfig c = TestSupport.config(sim, Map.of());
    clients = new AwsClientFactory(c);
    return new AccountCollector(c, clients, TestSupport.resolver(), List.of(kinds), context)
        .collect(TestSupport.managementAccount());
  }

  static List<Node> nodes(Graph g, String kind) {
    return g.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
  }

  static List<String> parents(Graph g, Node n) {
    return g.edges().stream().filter(e -> e.type() == EdgeType.DEFAULT && e.to().equals(n.id()))
        .map(e -> g.node(e.from()).orElseThrow()).map(p -> p.kind() + ":" + p.name()).toList();
  }
}
