package io.resoto.worker.aws.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2NatGatewayKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The metrics phase end to end: the demo estate's metric series (estates/demo-parts/
 * cloudwatch-metrics.yaml) through the simulator's GetMetricData into the nodes' usage, at a fixed
 * "now" on the hour so every window holds whole cycles of the series and the values are exact.
 */
class UsageCollectionTest {

  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final List<AwsKind> KINDS = List.of(new AwsEc2InstanceKind(), new AwsEc2NatGatewayKind(),
      new AwsEc2VolumeKind(), new AwsS3BucketKind());

  private static Simulation sim;
  private static Graph demo;
  private final List<AwsClientFactory> factories = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    AwsConfig c = TestSupport.config(sim, Map.of());
    try (AwsClientFactory f = new AwsClientFactory(c)) {
      AccountCollector.Result result = collect(c, f, new TestSupport.RecordingContext());
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
    sim.aws().faults().clear();
    factories.forEach(AwsClientFactory::close);
  }

  private static AccountCollector.Result collect(AwsConfig c, AwsClientFactory f,
      TestSupport.RecordingContext context) throws Exception {
    return new AccountCollector(c, f, TestSupport.resolver(), KINDS, context, CLOCK, null)
        .collect(TestSupport.managementAccount());
  }

  private AccountCollector.Result collect(Simulation s, Map<String, Object> config,
      TestSupport.RecordingContext context) throws Exception {
    AwsConfig c = TestSupport.config(s, config);
    AwsClientFactory f = new AwsClientFactory(c);
    factories.add(f);
    return collect(c, f, context);
  }

  private static Node node(Graph g, String kind, String id) {
    return g.nodes().stream().filter(n -> n.kind().equals(kind) && n.resourceId().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + id));
  }

  private static Map<String, Double> stats(double min, double avg, double max) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("min", min);
    m.put("avg", avg);
    m.put("max", max);
    return m;
  }

  @Test
  void aRunningInstanceHasCpuNetworkAndDiskUsage() {
    Node web = node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000001");
    // the hour before NOW: twelve 5-minute datapoints, whole cycles of each series
    assertThat(web.usage()).isEqualTo(Map.of(
        "cpu_utilization_percent", stats(10, 20, 30),
        "network_in_bytes", stats(0.8, 1.2, 1.6), // 30 and 60 MiB per 5 minutes in Mbit/s
        "network_out_bytes", stats(0.4, 0.4, 0.4),
        "network_in_count", stats(10, 15, 20), // packets per second
        "network_out_count", stats(5, 5, 5),
        "disk_read_iops", stats(2, 4, 6),
        "disk_write_iops", stats(1, 1, 1),
        "disk_read_bytes", stats(0.1, 0.15, 0.2), // MB/s
        "disk_write_bytes", stats(0.1, 0.1, 0.1)));
    // a running instance without metrics has no usage; a stopped one is not asked for any
    assertThat(node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000003").usage()).isEmpty();
    assertThat(node(demo, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000002").usage()).isEmpty();
  }

  @Test
  void aNatGatewayHasItsConnectionPacketAndByteCounts() {
    Node nat = node(demo, AwsEc2NatGatewayKind.KIND, "nat-0a1b2c3d4e5f60001");
    assertThat(nat.usage()).isEqualTo(Map.of(
        "active_connection_count", stats(100, 200, 300),
        "packets_drop_count", stats(0, 2, 4),
        "bytes_out_to_destination_bytes", stats(1000, 2000, 3000)));
  }

  @Test
  void volumesHaveUsageAndTheirLastUse() {
    Node root = node(demo, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000001");
    assertThat(root.usage()).isEqualTo(Map.of(
        "volume_read_bytes", stats(0.01, 0.01, 0.01), // 3 MiB per 5 minutes in MB/s
        "volume_write_bytes", stats(0.02, 0.03, 0.04),
        "volume_read_iops", stats(5, 10, 15),
        "volume_write_iops", stats(3, 3, 3),
        "volume_idle_time_seconds", stats(120, 180, 240),
        "volume_total_write_time_seconds", stats(3, 3, 3),
        "volume_queue_length_count", stats(0.5, 1.0, 1.5)));
    // attached: used now
    assertThat(root.atime()).isEqualTo(NOW);
    assertThat(root.mtime()).isEqualTo(NOW);
    // unattached: read hourly until 2024-05-20, never written within the 60 days
    Node free = node(demo, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000004");
    assertThat(free.atime()).isEqualTo(Instant.parse("2024-05-19T23:00:00Z"));
    assertThat(free.mtime()).isEqualTo(Instant.parse("2024-04-02T12:00:00Z"));
    assertThat(free.usage()).isEmpty();
  }

  @Test
  void bucketsHaveSizeAndObjectCountFromTheirOwnRegion() {
    assertThat(node(demo, AwsS3BucketKind.KIND, "demo-mgmt-artifacts").usage()).isEqualTo(Map.of(
        "bucket_size_bytes", Map.of("avg", 2147483648.0),
        "number_of_objects_count", Map.of("avg", 420.0)));
    // demo-mgmt-logs is in eu-central-1, its node under the global region: Standard + Standard-IA
    Node logs = node(demo, AwsS3BucketKind.KIND, "demo-mgmt-logs");
    assertThat(logs.region()).isEqualTo("us-east-1");
    assertThat(logs.usage()).isEqualTo(Map.of(
        "bucket_size_bytes", Map.of("avg", 1610612736.0),
        "number_of_objects_count", Map.of("avg", 1200.0)));
  }

  @Test
  void deniedCloudWatchLeavesUsageOutListedAsSkippedAndTheAccountComplete() throws Exception {
    sim.aws().faults().add(FaultRule.forService("monitoring").accessDenied(true));
    TestSupport.RecordingContext context = new TestSupport.RecordingContext();
    AccountCollector.Result result = collect(sim, Map.of(), context);

    assertThat(result.graph()).isNotNull();
    Graph g = result.graph().graph();
    assertThat(g.nodes()).allSatisfy(n -> assertThat(n.usage()).as(n.toString()).isEmpty());
    // every node as without the denial
    assertThat(g.nodeCount()).isEqualTo(demo.nodeCount());
    assertThat(result.problems().stream().filter(p -> p.kind() != null)).isNotEmpty().allSatisfy(p -> {
      assertThat(p.level()).isEqualTo(AccountCollector.Level.SKIP);
      assertThat(p.kind()).isEqualTo("cloudwatch");
      assertThat(p.message()).startsWith("metrics skipped: access denied");
    });
    // skipped, not an error: the run stays complete
    assertThat(context.errors).isEmpty();
    assertThat(context.skipped).anyMatch(s -> s.contains("|cloudwatch|metrics skipped: access denied"));
    // once per region, whatever the number of calls
    assertThat(result.problems().stream().filter(p -> p.kind() != null)).extracting(AccountCollector.Problem::region)
        .doesNotHaveDuplicates().contains("us-east-1", "eu-central-1");
    // the volumes' times follow their rules without data
    assertThat(node(g, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000001").atime()).isEqualTo(NOW);
    assertThat(node(g, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000004").atime())
        .isEqualTo(Instant.parse("2024-04-02T12:00:00Z"));
  }

  @Test
  void otherFailuresOfCloudWatchAreWarningsAndNeverDiscardTheAccount() throws Exception {
    sim.aws().faults().add(FaultRule.forService("monitoring").errorRate(1.0));
    TestSupport.RecordingContext context = new TestSupport.RecordingContext();
    AccountCollector.Result result = collect(sim, Map.of("discardAccountOnResourceError", true), context);
    assertThat(result.graph()).isNotNull();
    assertThat(result.graph().graph().nodes()).allSatisfy(n -> assertThat(n.usage()).isEmpty());
    assertThat(result.problems().stream().filter(p -> p.kind() != null)).isNotEmpty().allSatisfy(p -> {
      assertThat(p.level()).isEqualTo(AccountCollector.Level.WARN);
      assertThat(p.kind()).isEqualTo("cloudwatch");
    });
    assertThat(context.errors).isNotEmpty().allMatch(e -> e.contains("|cloudwatch|metrics not collected: "));
  }

  @Test
  void withoutUsageMetricsOnlyTheLastUseIsAsked() throws Exception {
    sim.aws().counters().reset();
    AccountCollector.Result result = collect(sim, Map.of("collectUsageMetrics", false),
        new TestSupport.RecordingContext());
    Graph g = result.graph().graph();
    assertThat(g.nodes()).allSatisfy(n -> assertThat(n.usage()).isEmpty());
    assertThat(node(g, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000004").atime())
        .isEqualTo(Instant.parse("2024-05-19T23:00:00Z"));
    // one unattached volume in us-east-1: one call for its two queries
    assertThat(sim.aws().counters().get("monitoring", "GetMetricData").calls()).isEqualTo(1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void moreThan499QueriesOfARegionGoInTwoCalls() throws Exception {
    // 46 running instances: 46 x 11 = 506 queries in us-west-2
    List<Map<String, Object>> instances = new ArrayList<>();
    for (int i = 0; i < 46; i++) {
      instances.add(Map.of("InstanceId", String.format("i-%017x", i), "InstanceType", "t3.micro",
          "State", Map.of("Code", 16, "Name", "running")));
    }
    Map<String, Object> resources = Map.of("111111111111", Map.of("us-west-2", Map.of("ec2",
        Map.of("Reservations", List.of(Map.of("ReservationId", "r-0000000000000001", "OwnerId", "111111111111",
            "Instances", instances))))));
    try (Simulation many = Simulation.start(estate(resources, null))) {
      AccountCollector.Result result = collect(many, Map.of("collect", List.of("aws_ec2_instance")),
          new TestSupport.RecordingContext());
      assertThat(result.problems()).noneMatch(p -> p.kind() != null);
      assertThat(many.aws().counters().get("monitoring", "GetMetricData").calls()).isEqualTo(2);
    }
  }

  @Test
  void answersOfManyPagesAreJoined() throws Exception {
    // 10 datapoints a page: the unattached volume's 60 days of hourly reads take over a hundred
    try (Simulation paged = Simulation.start(demoWithSettings(Map.of("metric_datapoints_per_page", 10)))) {
      AccountCollector.Result result = collect(paged, Map.of(), new TestSupport.RecordingContext());
      assertThat(result.problems()).noneMatch(p -> p.kind() != null);
      Graph g = result.graph().graph();
      assertThat(paged.aws().counters().get("monitoring", "GetMetricData").calls()).isGreaterThan(100);
      for (Node n : demo.nodes()) {
        Node same = g.node(n.id()).orElseThrow();
        assertThat(same.usage()).as(n.toString()).isEqualTo(n.usage());
        assertThat(same.atime()).as(n.toString()).isEqualTo(n.atime());
        assertThat(same.mtime()).as(n.toString()).isEqualTo(n.mtime());
      }
      assertThat(node(g, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000004").atime())
          .isEqualTo(Instant.parse("2024-05-19T23:00:00Z"));
    }
  }

  /** The demo estate's accounts and keys with other resources and settings. */
  @SuppressWarnings("unchecked")
  private static Estate estate(Map<String, Object> resources, Map<String, Object> settings) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    doc.put("resources", resources);
    if (settings != null) {
      doc.put("settings", settings);
    }
    return Estate.parse(yaml.dump(doc), "test-estate");
  }

  /** The whole demo estate (its parts merged) with other settings. */
  @SuppressWarnings("unchecked")
  private static Estate demoWithSettings(Map<String, Object> settings) throws Exception {
    Estate merged = Estate.demo();
    Map<String, Object> resources = new LinkedHashMap<>();
    merged.resources().asMap().forEach((account, regions) -> resources.put(account, regions));
    return estate(resources, settings);
  }
}
