package io.resoto.worker.aws.kinds.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSsmInstanceKindTest extends KindTestHarness {

  @Test
  void managedNodesAreMappedAndPointToTheirEc2Instance() throws Exception {
    AwsSsmInstanceKind kind = new AwsSsmInstanceKind();
    Graph g = collect(kind, new AwsEc2InstanceKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsSsmInstanceKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("i-0a11c0e0000000001", "i-0a11c0e0000000002", "mi-0a11c0e0000000001");
    Node web = node(g, AwsSsmInstanceKind.KIND, "i-0a11c0e0000000001");
    assertThat(web.name()).isEqualTo("i-0a11c0e0000000001");
    assertThat(web.tags()).isEmpty();
    assertThat(web.properties())
        .containsEntry("arn", "arn:aws:ssm:us-east-1:111111111111:instance/i-0a11c0e0000000001")
        .containsEntry("ping_status", "Online").containsEntry("platform_type", "Windows")
        .containsEntry("is_latest_version", false).containsEntry("resource_type", "EC2Instance")
        .containsEntry("last_ping", Instant.parse("2026-11-24T01:55:00Z"))
        .containsEntry("association_overview",
            Map.of("detailed_status", "Success", "instance_association_status_aggregated_count", Map.of("Success", 2)));
    Node server = node(g, AwsSsmInstanceKind.KIND, "mi-0a11c0e0000000001");
    assertThat(server.name()).isEqualTo("office-print-server");
    assertThat(server.properties()).containsEntry("iam_role", "worker-node")
        .containsEntry("resource_type", "ManagedInstance")
        .containsEntry("registration_date", Instant.parse("2025-02-14T09:30:00Z"));

    // EC2 instances only: the registered server has no EC2 node
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsSsmInstanceKind.KIND + ":"))
        .containsExactlyInAnyOrder("aws_ssm_instance:i-0a11c0e0000000001 -> aws_ec2_instance:web-1",
            "aws_ssm_instance:i-0a11c0e0000000002 -> aws_ec2_instance:batch-worker");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(SsmEstates.many(17))) {
      Graph g = collect(big, new AwsSsmInstanceKind(5));
      assertThat(nodes(g, AwsSsmInstanceKind.KIND)).hasSize(17);
      assertThat(node(g, AwsSsmInstanceKind.KIND, "mi-16").properties()).containsEntry("ping_status", "Online");
    }
  }
}
