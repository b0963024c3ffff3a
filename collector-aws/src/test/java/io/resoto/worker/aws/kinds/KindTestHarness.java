package io.resoto.worker.aws.kinds;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.resoto.worker.graph.Property;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared kind harness: runs kinds through the real account collector, with real SDK clients
 * over HTTP, against the simulator's demo estate (account 111111111111) or another estate, and
 * offers the assertions every kind test makes (every declared property filled, edges by name).
 */
public abstract class KindTestHarness {

  protected static Simulation sim;
  protected final TestSupport.RecordingContext context = new TestSupport.RecordingContext();
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

  /** Collects the management account with these kinds; fails on any problem of theirs. */
  protected Graph collect(AwsKind... kinds) throws Exception {
    return collect(sim, kinds);
  }

  /** As {@link #collect(AwsKind...)} against another simulation. */
  protected Graph collect(Simulation simulation, AwsKind... kinds) throws Exception {
    AwsConfig c = TestSupport.config(simulation, Map.of());
    clients = new AwsClientFactory(c);
    AccountCollector.Result result = new AccountCollector(c, clients, TestSupport.resolver(), List.of(kinds), context)
        .collect(TestSupport.managementAccount());
    assertThat(result.problems()).as("problems").filteredOn(p -> p.kind() != null).isEmpty();
    assertThat(context.errors).isEmpty();
    Graph g = result.graph().graph();
    assertThat(g.validate()).isEmpty();
    return g;
  }

  protected static List<Node> nodes(Graph g, String kind) {
    return g.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
  }

  protected static Node node(Graph g, String kind, String resourceId) {
    return nodes(g, kind).stream().filter(n -> n.resourceId().equals(resourceId)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + resourceId));
  }

  /** "fromKind:fromName -> toKind:toName" for every edge of the type: edges by both ends' names. */
  protected static List<String> edges(Graph g, EdgeType type) {
    return g.edges().stream().filter(e -> e.type() == type).map(e -> {
      Node from = g.node(e.from()).orElseThrow();
      Node to = g.node(e.to()).orElseThrow();
      return from.kind() + ":" + from.name() + " -> " + to.kind() + ":" + to.name();
    }).toList();
  }

  /** Every property the kind's model declares is set on at least one of its nodes. */
  protected static void assertEveryPropertyFilled(Graph g, AwsKind kind) {
    List<Node> all = nodes(g, kind.name());
    assertThat(all).isNotEmpty();
    for (Property p : kind.model().properties()) {
      assertThat(all).as("%s.%s", kind.name(), p.name()).anyMatch(n -> n.properties().get(p.name()) != null);
    }
  }

  /** The node hangs under the account's global region. */
  protected static void assertUnderGlobalRegion(Graph g, Node n) {
    assertThat(g.edges().stream().filter(e -> e.type() == EdgeType.DEFAULT && e.to().equals(n.id()))
        .map(e -> g.node(e.from()).orElseThrow()).map(p -> p.kind() + ":" + p.name()))
        .contains("aws_region:global");
  }
}
