package io.resoto.worker.aws.kinds.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AwsOrganizationalUnitKindTest extends OrgTreeTestBase {

  @Test
  void nestedUnitsHangUnderTheirParentsAndTheGlobalRegion() throws Exception {
    Graph g = collect(new AwsOrganizationalRootKind(), new AwsOrganizationalUnitKind()).graph().graph();

    assertThat(g.validate()).isEmpty();
    Map<String, Node> units = nodes(g, "aws_organizational_unit").stream()
        .collect(Collectors.toMap(Node::resourceId, n -> n));
    assertThat(units).containsOnlyKeys("ou-demo-prod0001", "ou-demo-paym0001", "ou-demo-sand0001");
    assertThat(units.get("ou-demo-paym0001").name()).isEqualTo("Payments");
    assertThat(units.get("ou-demo-paym0001").properties().get("arn")).asString()
        .startsWith("arn:aws:organizations::111111111111:ou/o-demo0a1b2c/ou-demo-paym0001");
    assertThat(parents(g, units.get("ou-demo-prod0001")))
        .containsExactlyInAnyOrder("aws_region:global", "aws_organizational_root:Root");
    assertThat(parents(g, units.get("ou-demo-paym0001")))
        .containsExactlyInAnyOrder("aws_region:global", "aws_organizational_unit:Production");
    assertThat(parents(g, units.get("ou-demo-sand0001")))
        .containsExactlyInAnyOrder("aws_region:global", "aws_organizational_root:Root");
  }

  @Test
  void eachAccountGetsADeferredEdgeFromTheRootOrUnitItIsIn() throws Exception {
    Graph g = collect(new AwsOrganizationalRootKind(), new AwsOrganizationalUnitKind()).graph().graph();

    Map<String, String> kindAndIdById = g.nodes().stream()
        .collect(Collectors.toMap(Node::id, n -> n.kind() + ":" + n.resourceId()));
    assertThat(g.deferredEdges())
        .allSatisfy(e -> assertThat(e.type()).isEqualTo(EdgeType.DEFAULT))
        .extracting(e -> kindAndIdById.get(e.from().nodeId()) + " -> " + e.to().searchCriteria())
        .containsExactlyInAnyOrder(
            "aws_organizational_root:r-demo -> is(aws_account) and reported.id == \"111111111111\"",
            "aws_organizational_unit:ou-demo-paym0001 -> is(aws_account) and reported.id == \"222222222222\"",
            "aws_organizational_unit:ou-demo-sand0001 -> is(aws_account) and reported.id == \"333333333333\"");
    assertThat(g.validate()).isEmpty();
  }

  @Test
  void withoutTheRootKindUnitsStillHangUnderTheRegionAndNoEdgeDangles() throws Exception {
    Graph g = collect(new AwsOrganizationalUnitKind()).graph().graph();

    assertThat(g.validate()).isEmpty();
    assertThat(nodes(g, "aws_organizational_unit")).hasSize(3);
    assertThat(parents(g, nodes(g, "aws_organizational_unit").stream()
        .filter(n -> n.resourceId().equals("ou-demo-sand0001")).findFirst().orElseThrow()))
        .containsExactly("aws_region:global");
  }
}
