package io.resoto.worker.aws.kinds.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

class AwsCloudFormationStackSetKindTest extends CloudFormationTestBase {

  static final String SET_ID = "org-baseline:0a11c0e0-cf5e-4000-8000-000000000001";

  @Test
  void activeStackSetsAreMappedFromTheirSummaryAndDescription() throws Exception {
    AwsCloudFormationStackSetKind kind = new AwsCloudFormationStackSetKind();
    Graph g = collect(kind, new AwsCloudFormationStackInstanceSummaryKind());

    assertEveryPropertyFilled(g, kind);
    // the deleted set is not listed (Status=ACTIVE)
    assertThat(nodes(g, AwsCloudFormationStackSetKind.KIND)).extracting(Node::resourceId).containsExactly(SET_ID);
    Node set = node(g, AwsCloudFormationStackSetKind.KIND, SET_ID);
    assertThat(set.name()).isEqualTo("org-baseline");
    assertThat(set.region()).isEqualTo("us-east-1");
    assertThat(set.tags()).isEqualTo(Map.of("owner", "platform"));
    assertThat(set.properties())
        .containsEntry("arn", "arn:aws:cloudformation:us-east-1:111111111111:stackset/" + SET_ID)
        .containsEntry("stack_set_status", "ACTIVE")
        .containsEntry("stack_set_permission_model", "SERVICE_MANAGED")
        .containsEntry("stack_set_drift_status", "IN_SYNC")
        .containsEntry("stack_set_last_drift_check_timestamp", Instant.parse("2024-05-04T06:00:00Z"))
        .containsEntry("stack_set_managed_execution", true)
        .containsEntry("stack_set_parameters", Map.of("AlarmEmail", "ops@demo.example"))
        .containsEntry("stack_set_auto_deployment", Map.of("enabled", true, "retain_stacks_on_account_removal", false));
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCloudFormationStackSetKind.KIND))
        .hasSize(2).allMatch(e -> e.contains(" -> aws_cloud_formation_stack_instance_summary:" + SET_ID + "/"));
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> sets = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("StackSetName", "set-" + i);
      s.put("StackSetId", "set-" + i + ":uuid-" + i);
      s.put("Status", "ACTIVE");
      sets.add(s);
    }
    try (Simulation big = withCollections(Map.of("StackSets", sets))) {
      Graph g = collect(big, new AwsCloudFormationStackSetKind(3));
      assertThat(nodes(g, AwsCloudFormationStackSetKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFormationStackSetKind.KIND, "set-6:uuid-6").name()).isEqualTo("set-6");
    }
  }

  @Test
  void tagsChangeThroughUpdateStackSet() throws Exception {
    TagTarget set = new TagTarget(AwsCloudFormationStackSetKind.KIND, SET_ID, "org-baseline", null,
        TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
    AwsCollectorPlugin plugin = plugin(sim);
    try (CloudFormationClient cfn = client(sim)) {
      Map<String, String> before = tags(cfn);
      plugin.updateTag(null, set, "reviewed", "2024-06");
      assertThat(tags(cfn)).containsEntry("reviewed", "2024-06").containsAllEntriesOf(before);
      plugin.deleteTag(null, set, "reviewed");
      assertThat(tags(cfn)).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }

  private static Map<String, String> tags(CloudFormationClient cfn) {
    return CloudFormationValues.tags(cfn.describeStackSet(r -> r.stackSetName("org-baseline")).stackSet().tags());
  }
}
