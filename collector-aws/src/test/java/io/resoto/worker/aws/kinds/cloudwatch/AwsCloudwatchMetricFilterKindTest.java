package io.resoto.worker.aws.kinds.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudwatchMetricFilterKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void filtersAreMappedAndLinkedToTheirGroupAndAlarms() throws Exception {
    AwsCloudwatchMetricFilterKind kind = new AwsCloudwatchMetricFilterKind();
    Graph g = collect(kind, new AwsCloudwatchLogGroupKind(), new AwsCloudwatchAlarmKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudwatchMetricFilterKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("checkout-errors", "checkout-latency");
    Node errors = node(g, AwsCloudwatchMetricFilterKind.KIND, "checkout-errors");
    assertThat(errors.ctime()).isEqualTo(Instant.ofEpochMilli(1709300100000L));
    assertThat(errors.properties())
        .containsEntry("arn", "arn:aws:logs:us-east-1:111111111111:metric-filter/checkout-errors")
        .containsEntry("filter_pattern", "{ $.level = \"ERROR\" }")
        .containsEntry("filter_log_group_name", "/demo/checkout");
    assertThat((List<Map<String, Object>>) errors.properties().get("filter_transformations"))
        .extracting(t -> t.get("metric_name")).containsExactly("CheckoutErrors");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCloudwatchMetricFilterKind.KIND))
        .containsExactly("aws_cloudwatch_metric_filter:checkout-errors -> aws_cloudwatch_alarm:checkout-errors");
    assertThat(edges(g, EdgeType.DELETE)).containsExactlyInAnyOrder(
        "aws_cloudwatch_metric_filter:checkout-errors -> aws_cloudwatch_log_group:/demo/checkout",
        "aws_cloudwatch_metric_filter:checkout-latency -> aws_cloudwatch_log_group:/demo/checkout");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> filters = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      filters.add(Map.of("filterName", "f-" + i, "logGroupName", "g", "filterPattern", "ERROR"));
    }
    try (Simulation big = Simulation.start(KindEstates.with("many-filters", Map.of("111111111111",
        Map.of("us-west-2", Map.of("logs", Map.of("MetricFilters", filters))))))) {
      Graph g = collect(big, new AwsCloudwatchMetricFilterKind(2));
      assertThat(nodes(g, AwsCloudwatchMetricFilterKind.KIND)).hasSize(7);
    }
  }
}
