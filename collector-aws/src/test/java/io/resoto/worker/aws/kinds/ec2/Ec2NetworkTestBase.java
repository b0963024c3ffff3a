package io.resoto.worker.aws.kinds.ec2;

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
import org.junit.jupiter.api.BeforeAll;

/**
 * Collects all EC2 networking kinds of the demo management account (three regions) through the
 * account collector against the simulator, once per test class, so each kind's edges to the
 * others can be checked.
 */
abstract class Ec2NetworkTestBase {

  static final String ACCOUNT = TestSupport.MGMT;

  static Simulation sim;
  static AccountCollector.Result result;
  static Graph g;

  static List<AwsKind> kinds() {
    return List.of(new AwsVpcKind(), new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind(),
        new AwsEc2InternetGatewayKind(), new AwsEc2NatGatewayKind(), new AwsEc2RouteTableKind(),
        new AwsEc2NetworkAclKind(), new AwsEc2NetworkInterfaceKind(), new AwsVpcEndpointKind(),
        new AwsVpcPeeringConnectionKind(), new AwsEc2ElasticIpKind(), new AwsEc2FlowLogKind());
  }

  @BeforeAll
  static void collectDemo() throws Exception {
    sim = Simulation.start(Estate.demo());
    result = collect(sim, kinds());
    g = result.graph().graph();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static AccountCollector.Result collect(Simulation s, List<AwsKind> kinds) throws Exception {
    AwsConfig c = TestSupport.config(s, Map.of());
    try (AwsClientFactory clients = new AwsClientFactory(c)) {
      return new AccountCollector(c, clients, TestSupport.resolver(), kinds, new TestSupport.RecordingContext())
          .collect(TestSupport.managementAccount());
    }
  }

  static List<Node> nodes(Graph graph, String kind) {
    return graph.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
  }

  static Node node(String kind, String resourceId) {
    return nodes(g, kind).stream().filter(n -> n.resourceId().equals(resourceId)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + resourceId));
  }

  /** Whether the graph has an edge of this type between the two resources. */
  static boolean edge(String fromKind, String fromId, String toKind, String toId, EdgeType type) {
    Node from = node(fromKind, fromId);
    Node to = node(toKind, toId);
    return g.edges().stream().anyMatch(e -> e.from().equals(from.id()) && e.to().equals(to.id()) && e.type() == type);
  }

  /** The collection went without a problem, the graph is valid, and every edge reaches existing nodes. */
  static void assertCleanRun() {
    assertThat(result.problems()).as("problems").noneMatch(p -> p.kind() != null);
    assertThat(g.validate()).isEmpty();
    assertThat(g.edges()).allSatisfy(e -> {
      assertThat(g.node(e.from())).isPresent();
      assertThat(g.node(e.to())).isPresent();
    });
  }

  /** Every property the kind declares is filled on this node, and the ARN is set and part of the id tuple. */
  static void assertAllPropertiesFilled(AwsKind kind, Node n) {
    for (Property p : kind.model().properties()) {
      assertThat(n.properties().get(p.name())).as("%s.%s", kind.name(), p.name()).isNotNull();
    }
    String arn = (String) n.properties().get("arn");
    assertThat(arn).isNotNull();
    assertThat(n.idKeyExtra()).containsExactly(arn);
  }

  /** The ARN the original formats from its EC2 template. */
  static String arn(String region, String type, String id) {
    return "arn:aws:ec2:" + region + ":" + ACCOUNT + ":" + type + "/" + id;
  }
}
