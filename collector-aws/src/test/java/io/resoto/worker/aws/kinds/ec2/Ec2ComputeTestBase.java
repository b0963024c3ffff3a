package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.graph.Property;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Collects the EC2 compute kinds of the demo management account through the account collector. */
abstract class Ec2ComputeTestBase {

  static final List<AwsKind> ALL = List.of(new AwsEc2InstanceKind(), new AwsEc2InstanceTypeKind(),
      new AwsEc2VolumeKind(), new AwsEc2VolumeTypeKind(), new AwsEc2SnapshotKind(), new AwsEc2ImageKind(),
      new AwsEc2KeypairKind(), new AwsEc2LaunchTemplateKind(), new AwsEc2HostKind(),
      new AwsEc2ReservedInstancesKind());

  static Simulation sim;
  static Graph demo;
  final TestSupport.RecordingContext context = new TestSupport.RecordingContext();
  private AwsClientFactory clients;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    TestSupport.RecordingContext ctx = new TestSupport.RecordingContext();
    AwsConfig c = TestSupport.config(sim, Map.of());
    try (AwsClientFactory f = new AwsClientFactory(c)) {
      AccountCollector.Result result = new AccountCollector(c, f, TestSupport.resolver(), ALL, ctx)
          .collect(TestSupport.managementAccount());
      assertThat(result.problems()).as("problems").noneMatch(p -> p.kind() != null);
      demo = result.graph().graph();
    }
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void cleanUp() {
    if (clients != null) {
      clients.close();
    }
  }

  AccountCollector.Result collect(Simulation s, AwsKind... kinds) throws Exception {
    AwsConfig c = TestSupport.config(s, Map.of());
    clients = new AwsClientFactory(c);
    return new AccountCollector(c, clients, TestSupport.resolver(), List.of(kinds), context)
        .collect(TestSupport.managementAccount());
  }

  static List<Node> nodes(Graph g, String kind) {
    return g.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
  }

  static Node node(Graph g, String kind, String id) {
    return nodes(g, kind).stream().filter(n -> n.resourceId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + id));
  }

  /** "kind:resourceId" of the successors of n over edges of the type. */
  static List<String> successors(Graph g, Node n, EdgeType type) {
    return g.edges().stream().filter(e -> e.type() == type && e.from().equals(n.id()))
        .map(e -> g.node(e.to()).orElseThrow()).map(p -> p.kind() + ":" + p.resourceId()).toList();
  }

  /** "kind:resourceId" of the predecessors of n over edges of the type. */
  static List<String> predecessors(Graph g, Node n, EdgeType type) {
    return g.edges().stream().filter(e -> e.type() == type && e.to().equals(n.id()))
        .map(e -> g.node(e.from()).orElseThrow()).map(p -> p.kind() + ":" + p.resourceId()).toList();
  }

  /** Every property the kind declares (plus the given base ones) is filled on some node of it. */
  static void assertEveryPropertyFilled(Graph g, AwsKind kind, String... baseProperties) {
    List<Node> ofKind = nodes(g, kind.name());
    assertThat(ofKind).as("nodes of %s", kind.name()).isNotEmpty();
    Set<String> filled = new HashSet<>();
    ofKind.forEach(n -> n.properties().forEach((k, v) -> {
      if (v != null) {
        filled.add(k);
      }
    }));
    ComplexKind model = kind.model();
    for (Property p : model.properties()) {
      assertThat(filled).as("%s.%s filled from the fixture", kind.name(), p.name()).contains(p.name());
    }
    assertThat(filled).contains("arn").containsAll(List.of(baseProperties));
    // and nothing reported that the model does not declare (beyond the bases' properties)
    Set<String> declared = new HashSet<>(Set.of(baseProperties));
    declared.add("arn");
    model.properties().forEach(p -> declared.add(p.name()));
    assertThat(declared).as("declared properties of %s", kind.name()).containsAll(filled);
  }

  /** The node is in the region, attached to it, with its ARN in its id tuple. */
  static void assertArn(Node n, String arn) {
    assertThat(n.properties().get("arn")).isEqualTo(arn);
    assertThat(n.idKeyExtra()).containsExactly(arn);
  }
}
