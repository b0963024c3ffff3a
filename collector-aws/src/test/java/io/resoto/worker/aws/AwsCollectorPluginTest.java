package io.resoto.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.resources.ResourceStore;
import io.resoto.worker.awssim.resources.cloudwatch.CloudWatchMetricsApi;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Model;
import io.resoto.worker.graph.Node;
import io.resoto.worker.run.CollectError;
import io.resoto.worker.run.CollectRun;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.GraphDelivery;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.RunInfo;
import io.resoto.worker.spi.CollectorPlugin;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

class AwsCollectorPluginTest {

  private static Simulation sim;
  private final RecordingSink sink = new RecordingSink();

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void clearFaults() {
    sim.aws().faults().clear();
  }

  /** Keeps what the real collect run delivers. */
  static final class RecordingSink implements GraphSink {
    final List<GraphDelivery> deliveries = new CopyOnWriteArrayList<>();
    volatile Model model;

    @Override
    public void runStarted(RunInfo run, Model model) {
      this.model = model;
    }

    @Override
    public void deliver(RunInfo run, GraphDelivery delivery) {
      deliveries.add(delivery);
    }

    @Override
    public String runFinished(RunInfo run, RunSummary summary) {
      return "memory";
    }

    @Override
    public String unusableReason() {
      return null;
    }

    @Override
    public String describe() {
      return "memory";
    }
  }

  private static AwsCollectorPlugin plugin() {
    return new AwsCollectorPlugin((c, f) -> TestSupport.discovery(), (c, f) -> TestSupport.resolver());
  }

  private RunSummary run(CollectorPlugin<?> plugin, String awsYaml) throws Exception {
    Map<String, Class<? extends Record>> sections = new LinkedHashMap<>();
    sections.put(ConfigLoader.WORKER_SECTION, ResotoWorkerConfig.class);
    sections.put("aws", AwsConfig.class);
    String yaml = "resotoworker:\n  collector: [aws]\naws:\n"
        + "  endpoint_url: " + sim.endpoint() + "\n"
        + "  access_key_id: " + TestSupport.KEY + "\n"
        + "  secret_access_key: " + TestSupport.SECRET + "\n"
        + (awsYaml.contains("max_attempts:") ? "" : "  max_attempts: 2\n") + awsYaml;
    LoadedConfig config = new ConfigLoader(sections).load(yaml, "test.yaml", Map.of(), List.of());
    RunInfo info = new RunInfo("r1", "test", Clock.systemUTC().instant(), "resoto");
    return new CollectRun(info, config, List.of(plugin), sink, Clock.systemUTC()).execute();
  }

  private static Map<String, List<Node>> byKind(Graph g) {
    return g.nodes().stream().collect(Collectors.groupingBy(Node::kind));
  }

  private static List<String> parents(Graph g, Node n) {
    return g.edges().stream().filter(e -> e.type() == EdgeType.DEFAULT && e.to().equals(n.id()))
        .map(e -> g.node(e.from()).orElseThrow()).map(p -> p.kind() + ":" + p.name()).toList();
  }

  @Test
  void aRunDeliversOneValidAccountGraphWithRegionsAndTheOrganisationTree() throws Exception {
    RunSummary summary = run(plugin(), "");

    // the opt-in region is listed as skipped; that does not make the run partial
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(summary.skipped()).isNotEmpty().allMatch(e -> e.message().startsWith("skipped: "));
    assertThat(sink.deliveries).hasSize(1);
    GraphDelivery d = sink.deliveries.get(0);
    Graph g = d.graph();
    assertThat(d.account()).isEqualTo(TestSupport.MGMT);
    assertThat(g.validate()).isEmpty();
    assertThat(sink.model.check(g)).isEmpty();
    Map<String, List<Node>> kinds = byKind(g);
    Node account = kinds.get("aws_account").get(0);
    assertThat(account.name()).isEqualTo("demo-mgmt");
    assertThat(parents(g, account)).containsExactly("cloud:aws");
    assertThat(kinds.get("aws_region")).extracting(Node::name)
        .containsExactlyInAnyOrder("global", "us-east-1", "eu-central-1", "us-west-2");
    assertThat(kinds.get("aws_region")).allSatisfy(r -> assertThat(parents(g, r)).containsExactly("aws_account:demo-mgmt"));
    assertThat(kinds.get("aws_organizational_root")).extracting(Node::resourceId).containsExactly("r-demo");
    assertThat(kinds.get("aws_organizational_unit")).hasSize(3);
    assertThat(summary.skipped()).extracting(CollectError::message)
        .containsExactly("skipped: " + TestSupport.SKIP_REASON);
  }

  @Test
  void aRunWithoutSkippedRegionsOrFailuresIsComplete() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin((c, f) -> TestSupport.discovery(),
        (c, f) -> account -> new io.resoto.worker.aws.account.RegionResolver.Regions(TestSupport.REGIONS, List.of()));

    RunSummary summary = run(plugin, "");

    assertThat(summary.errors()).isEmpty();
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(summary.resourcesByKind()).containsEntry("aws_account", 1L).containsEntry("aws_region", 4L)
        .containsEntry("aws_organizational_root", 1L).containsEntry("aws_organizational_unit", 3L);
  }

  @Test
  void nodeIdsAreStableAcrossRuns() throws Exception {
    run(plugin(), "");
    run(plugin(), "");

    assertThat(sink.deliveries).hasSize(2);
    List<String> first = sink.deliveries.get(0).graph().nodes().stream().map(Node::id).sorted().toList();
    List<String> second = sink.deliveries.get(1).graph().nodes().stream().map(Node::id).sorted().toList();
    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
  }

  @Test
  void noCollectLeavesOutTheMatchingKinds() throws Exception {
    run(plugin(), "  no_collect: ['aws_organizational_u*']\n");

    Map<String, List<Node>> kinds = byKind(sink.deliveries.get(0).graph());
    assertThat(kinds).containsKey("aws_organizational_root").doesNotContainKey("aws_organizational_unit");
  }

  @Test
  void deniedOrganizationsIsSkippedWithAWarningAndTheAccountIsStillDelivered() throws Exception {
    sim.aws().faults().add(FaultRule.forService("organizations").accessDenied(true));

    RunSummary summary = run(plugin(), "");

    assertThat(sink.deliveries).hasSize(1);
    Map<String, List<Node>> kinds = byKind(sink.deliveries.get(0).graph());
    assertThat(kinds).containsKeys("aws_account", "aws_region").doesNotContainKey("aws_organizational_root");
    // the account's organisation fields are left empty too: its other details are still there
    assertThat(summary.errors()).filteredOn(e -> e.kind() != null).extracting(CollectError::kind)
        .containsExactlyInAnyOrder("aws_organizational_root", "aws_organizational_unit", "aws_account");
    assertThat(kinds.get("aws_account").get(0).properties()).doesNotContainKey("is_organization_member")
        .containsEntry("users", 3L);
    assertThat(summary.errors()).filteredOn(e -> e.kind() != null)
        .allSatisfy(e -> {
          assertThat(e.plugin()).isEqualTo("aws");
          assertThat(e.region()).isEqualTo("global");
          assertThat(e.message()).startsWith("skipped: access denied");
        });
  }

  @Test
  void deniedCloudWatchLeavesTheRunCompleteWithTheDenialListed() throws Exception {
    // the metrics call only: the alarm kinds (DescribeAlarms) are kinds of
    // their own, whose denial is an error of theirs
    sim.aws().faults().add(FaultRule.forService("monitoring").operation("GetMetricData").accessDenied(true));

    RunSummary summary = run(plugin(), "");

    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(sink.deliveries).hasSize(1);
    assertThat(sink.deliveries.get(0).graph().nodes()).allSatisfy(n -> assertThat(n.usage()).isEmpty());
    assertThat(summary.skipped()).filteredOn(e -> "cloudwatch".equals(e.kind())).isNotEmpty()
        .allSatisfy(e -> assertThat(e.message()).startsWith("metrics skipped: access denied"));
  }

  @Test
  void usageReachesTheDeliveredGraph() throws Exception {
    run(plugin(), "");

    Node web = byKind(sink.deliveries.get(0).graph()).get("aws_ec2_instance").stream()
        .filter(n -> n.resourceId().equals("i-0a11c0e0000000001")).findFirst().orElseThrow();
    // the series repeats every 15 minutes: any hour has the same statistics
    assertThat(web.usage().get("cpu_utilization_percent")).isEqualTo(Map.of("min", 10.0, "avg", 20.0, "max", 30.0));
  }

  @Test
  void theUsageWindowIsTheTimeSinceThePreviousRunOfThePluginStarted() throws Exception {
    List<Long> windows = new CopyOnWriteArrayList<>();
    sim.aws().on(GetMetricDataRequest.class, (ctx, req) -> {
      windows.add(req.endTime().getEpochSecond() - req.startTime().getEpochSecond());
      return GetMetricDataResponse.builder().build();
    });
    try {
      // the worker creates a plugin instance per run: the start of the last run is kept beside them
      AtomicReference<Instant> lastStart = new AtomicReference<>();
      run(new AwsCollectorPlugin((c, f) -> TestSupport.discovery(), (c, f) -> TestSupport.resolver(),
          List.of(new AwsEc2InstanceKind()), lastStart), "");
      List<Long> first = List.copyOf(windows);
      windows.clear();
      run(new AwsCollectorPlugin((c, f) -> TestSupport.discovery(), (c, f) -> TestSupport.resolver(),
          List.of(new AwsEc2InstanceKind()), lastStart), "");
      // the first run has no history: 1 hour; the second started seconds later: the 10-minute minimum
      assertThat(first).isNotEmpty().containsOnly(3600L);
      assertThat(windows).isNotEmpty().containsOnly(600L);
    } finally {
      new CloudWatchMetricsApi().register(sim.aws(), new ResourceStore(sim.estate()));
    }
  }

  @Test
  void cancellationStopsTheRunEarlyAndSubmitsNothing() throws Exception {
    TestSupport.RecordingContext context = new TestSupport.RecordingContext();
    AtomicInteger collected = new AtomicInteger();
    AwsKind cancelling = TestSupport.kind("aws_test_cancel", AwsKind.Scope.REGIONAL, "ec2", ctx -> {
      collected.incrementAndGet();
      context.cancelled = true;
    });
    AwsCollectorPlugin plugin = new AwsCollectorPlugin((c, f) -> problems -> List.of(
        TestSupport.managementAccount(),
        new io.resoto.worker.aws.account.AwsAccountTarget("999999999999", "other", null, null, "aws",
            TestSupport.managementAccount().credentials())),
        (c, f) -> TestSupport.resolver(), List.of(cancelling));
    plugin.init(TestSupport.config(sim, Map.of("accountPoolSize", 1, "resourcePoolSize", 1)));
    try {
      plugin.collect(context);
    } finally {
      plugin.close();
    }

    assertThat(context.submitted).isEmpty();
    // the first region's task cancelled the run: the other regions and the second account never ran
    assertThat(collected.get()).isEqualTo(1);
  }

  @Test
  void discoveryProblemsAreReportedAndTheRestIsCollected() throws Exception {
    TestSupport.RecordingContext context = new TestSupport.RecordingContext();
    AwsCollectorPlugin plugin = new AwsCollectorPlugin((c, f) -> problems -> {
      problems.report("444444444444", "cannot assume role ResotoAccess: AccessDenied");
      return List.of(TestSupport.managementAccount());
    }, (c, f) -> TestSupport.resolver());
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      plugin.collect(context);
    } finally {
      plugin.close();
    }
    assertThat(context.errors).contains("444444444444|null|null|cannot assume role ResotoAccess: AccessDenied");
    assertThat(context.submitted).hasSize(1);
  }

  @Test
  void thePluginIsFoundByServiceLoaderAndDeclaresTheRegistryModel() {
    List<String> names = ServiceLoader.load(CollectorPlugin.class).stream()
        .map(p -> p.get().name()).toList();
    assertThat(names).contains("aws");
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    assertThat(plugin.configType()).isEqualTo(AwsConfig.class);
    assertThat(plugin.kinds()).isEqualTo(KindRegistry.model());
    assertThat(Model.base().plus(plugin.kinds()).validate()).isEmpty();
  }

  @Test
  void withFivePercentThrottledAndOneRegionDeniedEveryOtherRegionIsCollectedInFull() throws Exception {
    // standard retries: the adaptive strategy also rate-limits the client after throttles, which
    // only makes this test slow
    String demo = "  role: ResotoAccess\n  external_id: demo-external-id\n  scrape_org: true\n"
        + "  retry_mode: standard\n  max_attempts: 8\n";
    RunSummary clean = run(new AwsCollectorPlugin(), demo);
    Map<String, Long> expected = resourcesOutside(sink.deliveries, "eu-central-1");
    assertThat(clean.status()).isEqualTo(RunStatus.COMPLETE);
    sink.deliveries.clear();

    sim.aws().faults().add(FaultRule.any().throttleRate(0.05));
    sim.aws().faults().add(FaultRule.forService("ec2").region("eu-central-1").accessDenied(true));
    long throttledBefore = io.resoto.worker.aws.client.AwsApiMetrics.INSTANCE.throttledAttempts("EC2");
    long simThrottledBefore = ec2Throttled();
    RunSummary faulty = run(new AwsCollectorPlugin(), demo);
    // the throttles the SDK retried are counted in the worker's metrics, as the simulator saw them
    assertThat(io.resoto.worker.aws.client.AwsApiMetrics.INSTANCE.throttledAttempts("EC2") - throttledBefore)
        .isEqualTo(ec2Throttled() - simThrottledBefore).isPositive();

    // every resource of every other region (and the global ones) is there, as in the clean run
    assertThat(resourcesOutside(sink.deliveries, "eu-central-1")).isEqualTo(expected);
    assertThat(sim.aws().counters().snapshot().values().stream().mapToLong(c -> c.throttled()).sum()).isPositive();
    // the denied region is reported, per kind, with the reason
    assertThat(faulty.status()).isEqualTo(RunStatus.PARTIAL);
    // (a call there may be throttled before it is denied: the throttling rule comes first)
    assertThat(faulty.errors()).isNotEmpty()
        .allSatisfy(e -> assertThat(e.region()).isEqualTo("eu-central-1"))
        .anySatisfy(e -> assertThat(e.message()).contains("access denied"));
  }

  private static long ec2Throttled() {
    return sim.aws().counters().snapshot().entrySet().stream()
        .filter(e -> e.getKey().startsWith("ec2:")).mapToLong(e -> e.getValue().throttled()).sum();
  }

  /** Resource nodes per kind, leaving out those of one region (their region node's successors). */
  private static Map<String, Long> resourcesOutside(List<GraphDelivery> deliveries, String region) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (GraphDelivery d : deliveries) {
      Graph g = d.graph();
      java.util.Set<String> excluded = new java.util.HashSet<>();
      g.nodes().stream().filter(n -> n.kind().equals("aws_region") && n.resourceId().equals(region)
          && n.name().equals(region)).forEach(r -> excluded.add(r.id()));
      java.util.Set<String> inRegion = new java.util.HashSet<>();
      g.edges().stream().filter(e -> e.type() == EdgeType.DEFAULT && excluded.contains(e.from()))
          .forEach(e -> inRegion.add(e.to()));
      for (Node n : g.nodes()) {
        if (!inRegion.contains(n.id()) && !excluded.contains(n.id())
            && !(n.region() != null && n.region().equals(region))) {
          counts.merge(d.account() + ":" + n.kind(), 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void theReadmesDemoCollectsTheWholeDemoOrganisation() throws Exception {
    // the config of the README's "Trying the AWS collector without AWS"
    RunSummary summary = run(new AwsCollectorPlugin(),
        "  role: ResotoAccess\n  external_id: demo-external-id\n  scrape_org: true\n");

    assertThat(summary.status()).as(summary.errors().toString()).isEqualTo(RunStatus.COMPLETE);
    assertThat(summary.accounts()).extracting(a -> a.account() + "=" + a.name())
        .containsExactlyInAnyOrder("111111111111=demo-mgmt", "222222222222=demo-payments", "333333333333=sandbox");
    assertThat(sink.deliveries).allSatisfy(d -> assertThat(d.graph().validate()).isEmpty());
    // the convention: every registered kind has an entry in the demo estate, so the demo shows it
    assertThat(summary.resourcesByKind().keySet())
        .containsAll(KindRegistry.kinds().stream().filter(AwsKind::exportsNodes).map(AwsKind::name).toList());
    // kinds without nodes of their own show as assessments on the nodes they are about
    java.util.Set<String> providers = new java.util.TreeSet<>();
    sink.deliveries.forEach(d -> d.graph().nodes().forEach(n -> n.assessments().forEach(a -> providers.add(a.provider()))));
    KindRegistry.kinds().stream().filter(k -> !k.exportsNodes())
        .forEach(k -> assertThat(providers).as("assessments of %s", k.name()).contains(k.service()));
  }

  @Test
  void theRealDiscoveryAndRegionResolverCollectTheDemoManagementAccount() throws Exception {
    RunSummary summary = run(new AwsCollectorPlugin(), "");

    assertThat(summary.status()).as(summary.errors().toString()).isEqualTo(RunStatus.COMPLETE);
    assertThat(sink.deliveries).hasSize(1);
    Graph g = sink.deliveries.get(0).graph();
    assertThat(g.validate()).isEmpty();
    Map<String, List<Node>> kinds = byKind(g);
    assertThat(kinds.get("aws_account")).extracting(Node::name).containsExactly("demo-mgmt");
    assertThat(kinds.get("aws_region")).extracting(Node::name)
        .containsExactlyInAnyOrder("global", "us-east-1", "eu-central-1", "us-west-2");
    assertThat(summary.skipped()).extracting(e -> e.region())
        .contains("af-south-1", "ap-east-1", "me-south-1");
  }

  @Test
  void initFailsWhenTheConfiguredDiscoveryCannotBeBuilt() {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin((c, f) -> {
      throw new IllegalStateException("aws: no credentials");
    }, (c, f) -> TestSupport.resolver());
    try {
      assertThatThrownBy(() -> plugin.init(AwsConfig.DEFAULTS)).hasMessage("aws: no credentials");
    } finally {
      plugin.close();
    }
  }
}
