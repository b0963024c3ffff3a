package io.resoto.worker.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageTest {

  private static final Duration FIVE = Duration.ofMinutes(5);

  private static MetricData data(double... values) {
    List<Instant> t = new ArrayList<>();
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      t.add(Instant.ofEpochSecond(1_000_000 - i * 300L));
      v.add(values[i]);
    }
    return new MetricData(t, v);
  }

  private static MetricQuery q(String stat, Usage usage) {
    return MetricQuery.of("AWS/EC2", "M", "InstanceId", "i-1", FIVE, stat, "Count").usage(usage);
  }

  @Test
  void latestTakesTheNewestDatapointAsTheQuerysStatistic() {
    Usage.Collector c = new Usage.Collector();
    Usage cpu = Usage.latest("cpu_utilization", Usage.PERCENT);
    c.add(q("Minimum", cpu), data(3, 1));
    c.add(q("Average", cpu), data(12.34567, 99));
    c.add(q("Maximum", cpu), data(80));
    // Sum has no place among min/avg/max: the original's statistic map leaves it out
    c.add(q("Sum", Usage.latest("other", Usage.COUNT)), data(5));
    assertThat(c.values()).isEqualTo(Map.of("cpu_utilization_percent", Map.of("min", 3.0, "avg", 12.3457, "max", 80.0)));
    assertThat(c.values().get("cpu_utilization_percent").keySet()).containsExactly("min", "avg", "max");
  }

  @Test
  void seriesTakesMinAvgAndMaxOfAllDatapointsScaled() {
    Usage.Collector c = new Usage.Collector();
    c.add(q("Sum", Usage.series("network_in", Usage.BYTES, Usage.bytesToMegabitsPerSecond(FIVE))),
        data(31457280, 62914560, 31457280, 62914560));
    c.add(q("Sum", Usage.series("disk_read", Usage.IOPS, Usage.perSecond(FIVE))), data(600, 1200, 1800));
    c.add(q("Sum", Usage.series("disk_read", Usage.BYTES, Usage.bytesToMegabytesPerSecond(FIVE))), data(5242880));
    assertThat(c.values()).containsEntry("network_in_bytes", Map.of("min", 0.8, "avg", 1.2, "max", 1.6))
        .containsEntry("disk_read_iops", Map.of("min", 2.0, "avg", 4.0, "max", 6.0))
        // 5 MiB in 5 minutes: 0.016666... MB/s
        .containsEntry("disk_read_bytes", Map.of("min", 0.0167, "avg", 0.0167, "max", 0.0167));
  }

  @Test
  void summedUsageAddsUpAndEmptyAnswersAddNothing() {
    Usage.Collector c = new Usage.Collector();
    Usage size = Usage.latest("bucket_size", Usage.BYTES).summed();
    c.add(q("Average", size), data(1073741824));
    c.add(q("Average", size), data(536870912));
    c.add(q("Average", size), MetricData.EMPTY);
    c.add(q("Average", Usage.latest("number_of_objects", Usage.COUNT)), MetricData.EMPTY);
    c.add(MetricQuery.of("AWS/EBS", "VolumeReadOps", "VolumeId", "v", FIVE, "Sum", "Count"), data(4));
    assertThat(c.values()).isEqualTo(Map.of("bucket_size_bytes", Map.of("avg", 1610612736.0)));
  }

  @Test
  void roundsLikePython() {
    assertThat(Usage.round4(0.12345)).isEqualTo(0.1235); // the double is a little above ...45
    assertThat(Usage.round4(2.00005)).isEqualTo(2.0); // ... and this one a little below ...05
    assertThat(Usage.round4(0.5)).isEqualTo(0.5);
    assertThat(Usage.round4(-1.23456)).isEqualTo(-1.2346);
  }

  @Test
  void firstNonZeroIsTheNewestPeriodWithAValue() {
    MetricData d = new MetricData(List.of(Instant.ofEpochSecond(300), Instant.ofEpochSecond(200),
        Instant.ofEpochSecond(100)), List.of(0.0, 2.0, 5.0));
    assertThat(d.firstNonZero()).contains(Instant.ofEpochSecond(200));
    assertThat(MetricData.EMPTY.firstNonZero()).isEmpty();
  }
}
