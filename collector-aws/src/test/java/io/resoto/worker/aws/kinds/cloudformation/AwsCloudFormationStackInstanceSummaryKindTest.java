package io.resoto.worker.aws.kinds.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AwsCloudFormationStackInstanceSummaryKindTest extends CloudFormationTestBase {

  static final String SET_ID = "org-baseline:0a11c0e0-cf5e-4000-8000-000000000001";
  static final String STACK_EU =
      "arn:aws:cloudformation:eu-central-1:222222222222:stack/StackSet-org-baseline-0a11c0e0/0a11c0e0-cf00-4000-8000-000000000202";

  @Test
  void instancesOfActiveSetsAreMappedAndPointToTheirStacks() throws Exception {
    AwsCloudFormationStackInstanceSummaryKind kind = new AwsCloudFormationStackInstanceSummaryKind();
    Graph g = collect(kind, new AwsCloudFormationStackSetKind());

    assertEveryPropertyFilled(g, kind);
    String euId = SET_ID + "/0a11c0e0-cf00-4000-8000-000000000202/222222222222/eu-central-1";
    assertThat(nodes(g, AwsCloudFormationStackInstanceSummaryKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder(euId, SET_ID + "/0a11c0e0-cf00-4000-8000-000000000201/222222222222/us-east-1");
    Node eu = node(g, AwsCloudFormationStackInstanceSummaryKind.KIND, euId);
    assertThat(eu.region()).isEqualTo("us-east-1");
    assertThat(eu.properties())
        .containsEntry("arn", "arn:aws:cloudformation:us-east-1:111111111111:stack-instance/" + euId)
        .containsEntry("stack_instance_stack_set_id", SET_ID)
        .containsEntry("stack_instance_region", "eu-central-1")
        .containsEntry("stack_instance_account", "222222222222")
        .containsEntry("stack_instance_stack_id", STACK_EU)
        .containsEntry("stack_instance_status", "OUTDATED")
        .containsEntry("stack_instance_stack_instance_status", "FAILED")
        .containsEntry("stack_instance_organizational_unit_id", "ou-demo-0001")
        .containsEntry("stack_instance_drift_status", "NOT_CHECKED");
    Node us = node(g, AwsCloudFormationStackInstanceSummaryKind.KIND,
        SET_ID + "/0a11c0e0-cf00-4000-8000-000000000201/222222222222/us-east-1");
    assertThat(us.properties()).containsEntry("stack_instance_last_drift_check_timestamp",
        Instant.parse("2024-05-04T06:00:00Z"));

    // the stacks live in account 222222222222: edges the core resolves
    Map<String, String> kindAndIdById = g.nodes().stream()
        .collect(Collectors.toMap(Node::id, n -> n.kind() + ":" + n.resourceId()));
    assertThat(g.deferredEdges()).extracting(e -> kindAndIdById.get(e.from().nodeId()) + " -> " + e.to().searchCriteria())
        .contains("aws_cloud_formation_stack_instance_summary:" + euId
            + " -> is(aws_cloudformation_stack) and reported.id == \"" + STACK_EU + "\"")
        .hasSize(2);
    assertThat(edges(g, io.resoto.worker.graph.EdgeType.DEFAULT))
        .filteredOn(e -> e.endsWith(" -> aws_cloud_formation_stack_instance_summary:" + euId))
        .containsExactly("aws_cloudformation_stack_set:org-baseline -> aws_cloud_formation_stack_instance_summary:"
            + euId);
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> instances = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("StackSetId", "set:uuid");
      s.put("Region", "us-west-2");
      s.put("Account", "33333333333" + i);
      s.put("StackId", "arn:aws:cloudformation:us-west-2:33333333333" + i + ":stack/s/uuid-" + i);
      s.put("Status", "CURRENT");
      instances.add(s);
    }
    Map<String, Object> set = Map.of("StackSetName", "set", "StackSetId", "set:uuid", "Status", "ACTIVE");
    try (Simulation big = withCollections(Map.of("StackSets", List.of(set), "StackInstances", instances))) {
      Graph g = collect(big, new AwsCloudFormationStackInstanceSummaryKind(3));
      assertThat(nodes(g, AwsCloudFormationStackInstanceSummaryKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFormationStackInstanceSummaryKind.KIND, "set:uuid/uuid-6/333333333336/us-west-2")
          .properties()).containsEntry("stack_instance_status", "CURRENT");
    }
  }
}
