package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.metrics.MetricData;
import io.resoto.worker.aws.metrics.MetricQuery;
import io.resoto.worker.aws.metrics.MetricWindow;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsEc2VolumeKindTest extends Ec2ComputeTestBase {

  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final MetricWindow WINDOW =
      new MetricWindow(NOW, Duration.ofHours(1), Duration.ofDays(60), Duration.ofHours(1));
  /** NOW minus the 60 days. */
  private static final Instant WINDOW_START = Instant.parse("2024-04-02T12:00:00Z");

  private static Node volume(String status, Instant ctime) {
    return Node.builder(AwsEc2VolumeKind.KIND, "vol-1").ctime(ctime).property("volume_status", status).build();
  }

  private static MetricData hourly(Instant newest, double... newestFirst) {
    List<Instant> times = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < newestFirst.length; i++) {
      times.add(newest.minus(Duration.ofHours(i)));
      values.add(newestFirst[i]);
    }
    return new MetricData(times, values);
  }

  private static Node apply(Node n, Map<MetricQuery, MetricData> answers) {
    return new AwsEc2VolumeKind().withMetrics(n, answers, WINDOW);
  }

  @Test
  void anAttachedVolumeIsUsedNowWithoutAskingCloudWatch() {
    Node n = apply(volume("in-use", Instant.parse("2024-01-01T00:00:00Z")), Map.of());
    assertThat(n.atime()).isEqualTo(NOW);
    assertThat(n.mtime()).isEqualTo(NOW);
    assertThat(new AwsEc2VolumeKind().metricQueries(volume("in-use", null), WINDOW))
        .noneMatch(q -> q.usage() == null);
  }

  @Test
  void anUnattachedVolumeAsksForReadsAndWritesOverTheAtimeMtimePeriod() {
    List<MetricQuery> own = new AwsEc2VolumeKind().metricQueries(volume("available", null), WINDOW).stream()
        .filter(q -> q.usage() == null).toList();
    assertThat(own).extracting(MetricQuery::metricName).containsExactly("VolumeReadOps", "VolumeWriteOps");
    assertThat(own).allSatisfy(q -> {
      assertThat(q.window()).isEqualTo(Duration.ofDays(60));
      assertThat(q.period()).isEqualTo(Duration.ofHours(1));
      assertThat(q.stat()).isEqualTo("Sum");
      assertThat(q.dimensions()).isEqualTo(Map.of("VolumeId", "vol-1"));
    });
  }

  @Test
  void theNewestPeriodWithReadsIsTheAtimeWithWritesTheMtime() {
    Instant newest = Instant.parse("2024-06-01T11:00:00Z");
    Map<MetricQuery, MetricData> answers = Map.of(
        AwsEc2VolumeKind.lastUse("vol-1", "VolumeReadOps", WINDOW), hourly(newest, 0, 0, 3, 5),
        AwsEc2VolumeKind.lastUse("vol-1", "VolumeWriteOps", WINDOW), hourly(newest, 0, 0, 0, 0, 1));
    Node n = apply(volume("available", Instant.parse("2024-01-01T00:00:00Z")), answers);
    assertThat(n.atime()).isEqualTo(Instant.parse("2024-06-01T09:00:00Z"));
    assertThat(n.mtime()).isEqualTo(Instant.parse("2024-06-01T07:00:00Z"));
  }

  @Test
  void withoutReadsOrWritesItIsTheWindowsStartOrTheCtimeIfLater() {
    Map<MetricQuery, MetricData> zeros = Map.of(
        AwsEc2VolumeKind.lastUse("vol-1", "VolumeReadOps", WINDOW), hourly(NOW, 0, 0),
        AwsEc2VolumeKind.lastUse("vol-1", "VolumeWriteOps", WINDOW), MetricData.EMPTY);
    Node old = apply(volume("available", Instant.parse("2023-11-02T10:00:00Z")), zeros);
    assertThat(old.atime()).isEqualTo(WINDOW_START);
    assertThat(old.mtime()).isEqualTo(WINDOW_START);
    Instant recent = Instant.parse("2024-05-30T08:00:00Z");
    Node young = apply(volume("available", recent), Map.of());
    assertThat(young.atime()).isEqualTo(recent);
    assertThat(young.mtime()).isEqualTo(recent);
    Node unknownAge = apply(volume("available", null), Map.of());
    assertThat(unknownAge.atime()).isEqualTo(WINDOW_START);
  }

  @Test
  void otherStatesKeepNoTimes() {
    for (String status : List.of("busy", "error", "deleted", "unknown")) {
      Node n = apply(volume(status, Instant.parse("2024-01-01T00:00:00Z")), Map.of());
      assertThat(n.atime()).as(status).isNull();
      assertThat(n.mtime()).as(status).isNull();
    }
  }

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2VolumeKind(), "volume_size", "volume_type", "volume_status",
        "volume_iops", "volume_throughput", "volume_encrypted", "snapshot_before_delete");
  }

  @Test
  void idNameTagsArnAndEdges() {
    Node v = node(demo, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000001");
    assertThat(v.name()).isEqualTo("web-1-root");
    assertThat(v.ctime()).isEqualTo(Instant.parse("2024-03-04T09:15:01Z"));
    assertThat(v.tags()).containsEntry("env", "prod");
    assertArn(v, "arn:aws:ec2:us-east-1:111111111111:volume/vol-0a11c0e0000000001");
    assertThat(v.properties()).containsEntry("volume_size", 50L).containsEntry("volume_status", "in-use");
    assertThat(successors(demo, v, EdgeType.DELETE)).containsExactly("aws_ec2_instance:i-0a11c0e0000000001");
    assertThat(successors(demo, v, EdgeType.DEFAULT)).containsExactly("aws_ec2_snapshot:snap-0a11c0e0000000001");
    assertThat(predecessors(demo, v, EdgeType.DEFAULT)).contains("aws_ec2_volume_type:gp3",
        "aws_ec2_instance:i-0a11c0e0000000001");
    Node free = node(demo, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000004");
    assertThat(free.properties()).containsEntry("volume_status", "available");
    assertThat(successors(demo, free, EdgeType.DELETE)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> volumes = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("VolumeId", String.format("vol-%017x", i));
      v.put("Size", 1);
      v.put("VolumeType", i % 2 == 0 ? "gp3" : "gp2");
      v.put("State", "available");
      volumes.add(v);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("ec2", Map.of("Volumes", volumes)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-volumes"))) {
      AccountCollector.Result result = collect(big, new AwsEc2VolumeKind(), new AwsEc2VolumeTypeKind());
      assertThat(nodes(result.graph().graph(), AwsEc2VolumeKind.KIND)).hasSize(1234);
      Node gp3 = node(result.graph().graph(), AwsEc2VolumeTypeKind.KIND, "gp3");
      assertThat(successors(result.graph().graph(), gp3, EdgeType.DEFAULT)).hasSize(617);
    }
  }
}
