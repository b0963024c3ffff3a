package io.resoto.worker.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

class MetricBatchesTest {

  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final MetricWindow WINDOW =
      new MetricWindow(NOW, Duration.ofHours(1), Duration.ofDays(60), Duration.ofHours(1));

  private static MetricBatches.Request cpu(String region, int i) {
    return new MetricBatches.Request("node" + i, region, MetricQuery.of("AWS/EC2", "CPUUtilization", "InstanceId",
        "i-" + i, Duration.ofMinutes(5), "Sum", "Percent").usage(Usage.latest("cpu_utilization", "percent")));
  }

  @Test
  void oneGroupPerRegionAndWindowInCallsOfAtMost499() {
    List<MetricBatches.Request> requests = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      requests.add(cpu("us-east-1", i));
    }
    requests.add(cpu("eu-central-1", 1000));
    MetricBatches.Request daily = new MetricBatches.Request("bucket", "us-east-1",
        MetricQuery.of("AWS/S3", "NumberOfObjects", "BucketName", "b", Duration.ofDays(1), "Average", "Count")
            .dimension("StorageType", "AllStorageTypes").over(Duration.ofDays(2)));
    requests.add(daily);

    List<MetricBatches.Batch> batches = MetricBatches.plan(requests, WINDOW);
    assertThat(batches).extracting(MetricBatches.Batch::region, b -> b.requests().size(), MetricBatches.Batch::start)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("us-east-1", 499, NOW.minusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("us-east-1", 499, NOW.minusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("us-east-1", 2, NOW.minusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("eu-central-1", 1, NOW.minusSeconds(3600)),
            org.assertj.core.groups.Tuple.tuple("us-east-1", 1, NOW.minus(Duration.ofDays(2))));
    assertThat(batches).allSatisfy(b -> assertThat(b.end()).isEqualTo(NOW));
    assertThat(batches.get(1).requests().get(0)).isEqualTo(requests.get(499));
    assertThat(batches.get(4).requests()).containsExactly(daily);
  }

  @Test
  void callsEndAtTheLastWholeMinute() {
    MetricWindow late = new MetricWindow(NOW.plusSeconds(42).plusMillis(5), Duration.ofMinutes(10), Duration.ofDays(60),
        Duration.ofHours(1));
    MetricBatches.Batch batch = MetricBatches.plan(List.of(cpu("us-east-1", 0)), late).get(0);
    assertThat(batch.end()).isEqualTo(NOW);
    assertThat(batch.start()).isEqualTo(NOW.minusSeconds(600));
  }

  @Test
  void theCallAsksNewestFirstWithIdsThatFindTheirRequest() {
    MetricBatches.Batch batch = MetricBatches.plan(List.of(cpu("us-east-1", 0), cpu("us-east-1", 1)), WINDOW).get(0);
    GetMetricDataRequest call = batch.toRequest();
    assertThat(call.scanBy()).isEqualTo(ScanBy.TIMESTAMP_DESCENDING);
    assertThat(call.startTime()).isEqualTo(NOW.minusSeconds(3600));
    assertThat(call.endTime()).isEqualTo(NOW);
    MetricDataQuery second = call.metricDataQueries().get(1);
    assertThat(second.id()).isEqualTo("m1");
    assertThat(batch.request("m1").nodeId()).isEqualTo("node1");
    assertThat(batch.request("m2")).isNull();
    assertThat(batch.request("x1")).isNull();
    assertThat(second.returnData()).isTrue();
    assertThat(second.metricStat().period()).isEqualTo(300);
    assertThat(second.metricStat().stat()).isEqualTo("Sum");
    assertThat(second.metricStat().unitAsString()).isEqualTo("Percent");
    assertThat(second.metricStat().metric().namespace()).isEqualTo("AWS/EC2");
    assertThat(second.metricStat().metric().dimensions()).singleElement()
        .satisfies(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("InstanceId=i-1"));
  }
}
