package io.resoto.worker.aws.engine;

import static io.resoto.worker.aws.engine.TestSupport.kind;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector.Level;
import io.resoto.worker.aws.engine.AccountCollector.Problem;
import io.resoto.worker.aws.engine.AwsKind.Scope;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.graph.Assessment;
import io.resoto.worker.graph.Edge;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class AccountCollectorTest {

  private static Simulation sim;
  private final TestSupport.RecordingContext context = new TestSupport.RecordingContext();
  private AwsClientFactory clients;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @AfterEach
  void closeClients() {
    sim.aws().faults().clear();
    if (clients != null) {
      clients.close();
    }
  }

  private AccountCollector.Result collect(Map<String, Object> config, AwsKind... kinds) throws Exception {
    AwsConfig c = TestSupport.config(sim, config);
    clients = new AwsClientFactory(c);
    return new AccountCollector(c, clients, TestSupport.resolver(), List.of(kinds), context)
        .collect(TestSupport.managementAccount());
  }

  private static List<Node> nodes(Graph g, String kind) {
    return g.nodes().stream().filter(n -> n.kind().equals(kind)).toList();
  }

  private static Node parentOf(Graph g, Node n) {
    return g.edges().stream().filter(e -> e.type() == EdgeType.DEFAULT && e.to().equals(n.id()))
        .map(e -> g.node(e.from()).orElseThrow()).findFirst().orElseThrow();
  }

  @Test
  void accountRegionsAndTheGlobalRegionFormOneTree() throws Exception {
    AwsKind regional = kind("aws_test_thing", Scope.REGIONAL, "ec2",
        ctx -> ctx.add(ctx.node("aws_test_thing", "thing-" + ctx.region()).build()));
    AwsKind global = kind("aws_test_global", Scope.GLOBAL, "iam",
        ctx -> ctx.add(ctx.node("aws_test_global", "g1").build()));

    Graph g = collect(Map.of(), regional, global).graph().graph();

    assertThat(g.validate()).isEmpty();
    Node account = nodes(g, "aws_account").get(0);
    assertThat(account.resourceId()).isEqualTo(TestSupport.MGMT);
    assertThat(nodes(g, "aws_region")).extracting(Node::name)
        .containsExactlyInAnyOrder("global", "us-east-1", "eu-central-1", "us-west-2");
    assertThat(nodes(g, "aws_region")).allSatisfy(r -> assertThat(parentOf(g, r)).isEqualTo(account));
    assertThat(nodes(g, "aws_test_thing")).hasSize(3)
        .allSatisfy(n -> assertThat(parentOf(g, n).resourceId()).isEqualTo(n.region()));
    Node g1 = nodes(g, "aws_test_global").get(0);
    assertThat(g1.region()).isEqualTo("us-east-1");
    assertThat(parentOf(g, g1).name()).isEqualTo("global");
    // the skipped region is reported, with no node
    assertThat(context.skipped).containsExactly(TestSupport.MGMT + "|af-south-1|null|skipped: " + TestSupport.SKIP_REASON);
  }

  @Test
  void edgesResolveByIdentityWhateverTheOrderAndUnresolvedOnesAreDropped() throws Exception {
    // the source kind runs first and names its targets before they exist
    CountDownLatch sourceDone = new CountDownLatch(1);
    AwsKind source = kind("aws_test_source", Scope.GLOBAL, "svc-a", ctx -> {
      Node s = ctx.add(ctx.node("aws_test_source", "s1").build());
      ctx.edge(s, "aws_test_target", "t1", EdgeType.DEFAULT);
      ctx.edge(s, "aws_test_target", "missing", EdgeType.DEFAULT);
      ctx.edgeFrom("aws_test_target", "t1", s, EdgeType.DELETE);
      sourceDone.countDown();
    });
    AwsKind target = kind("aws_test_target", Scope.GLOBAL, "svc-b", ctx -> {
      assertThat(sourceDone.await(10, TimeUnit.SECONDS)).isTrue();
      ctx.add(ctx.node("aws_test_target", "t1").build());
    });

    Graph g = collect(Map.of(), source, target).graph().graph();

    assertThat(g.validate()).isEmpty();
    Node s1 = nodes(g, "aws_test_source").get(0);
    Node t1 = nodes(g, "aws_test_target").get(0);
    assertThat(g.edges()).contains(new Edge(s1.id(), t1.id(), EdgeType.DEFAULT, null),
        new Edge(t1.id(), s1.id(), EdgeType.DELETE, null));
    assertThat(g.edges()).allSatisfy(e -> {
      assertThat(g.node(e.from())).isPresent();
      assertThat(g.node(e.to())).isPresent();
    });
  }

  @Test
  void edgesToAllInRegionStayInTheSourcesRegion() throws Exception {
    AwsKind target = kind("aws_test_target", Scope.REGIONAL, "svc-b", ctx -> {
      ctx.add(ctx.node("aws_test_target", "t-" + ctx.region()).build());
      ctx.add(ctx.node("aws_test_target", "u-" + ctx.region()).build());
    });
    AwsKind quota = kind("aws_test_quota", Scope.REGIONAL, "svc-a",
        ctx -> ctx.edgesToAllInRegion(ctx.add(ctx.node("aws_test_quota", "q-" + ctx.region()).build()),
            "aws_test_target", EdgeType.DEFAULT));

    Graph g = collect(Map.of(), quota, target).graph().graph();

    List<Node> quotas = nodes(g, "aws_test_quota");
    assertThat(quotas).hasSize(3);
    for (Node q : quotas) {
      assertThat(g.edges().stream().filter(e -> e.from().equals(q.id())).map(e -> g.node(e.to()).orElseThrow()))
          .extracting(Node::resourceId)
          .containsExactlyInAnyOrder("t-" + q.region(), "u-" + q.region());
    }
  }

  @Test
  void edgesResolveByTheTargetsArnToo() throws Exception {
    AwsKind source = kind("aws_test_source", Scope.GLOBAL, "svc-a", ctx -> {
      Node s = ctx.add(ctx.node("aws_test_source", "s1").build());
      ctx.edgeToArn(s, "aws_test_target", "arn:aws:svc:us-east-1:111111111111:thing/one", EdgeType.DEFAULT);
      ctx.edgeFromArn("aws_test_target", "arn:aws:svc:us-east-1:111111111111:thing/one", s, EdgeType.DELETE);
      ctx.edgeToArn(s, "aws_test_target", "arn:aws:svc:us-east-1:111111111111:thing/missing", EdgeType.DEFAULT);
      // an id that happens to equal the ARN's text does not match by ARN, nor the reverse
      ctx.edge(s, "aws_test_target", "arn:aws:svc:us-east-1:111111111111:thing/two", EdgeType.DEFAULT);
    });
    AwsKind target = kind("aws_test_target", Scope.GLOBAL, "svc-b", ctx -> {
      ctx.add(KindContext.arn(ctx.node("aws_test_target", "table-id-1"), "arn:aws:svc:us-east-1:111111111111:thing/one")
          .build());
      ctx.add(KindContext.arn(ctx.node("aws_test_target", "table-id-2"), "arn:aws:svc:us-east-1:111111111111:thing/two")
          .build());
    });

    Graph g = collect(Map.of(), source, target).graph().graph();

    Node s1 = nodes(g, "aws_test_source").get(0);
    Node one = nodes(g, "aws_test_target").stream().filter(n -> n.resourceId().equals("table-id-1")).findFirst()
        .orElseThrow();
    assertThat(g.edges()).filteredOn(e -> e.from().equals(s1.id()) || e.to().equals(s1.id()))
        .filteredOn(e -> !nodes(g, "aws_region").stream().anyMatch(r -> r.id().equals(e.from())))
        .containsExactlyInAnyOrder(new Edge(s1.id(), one.id(), EdgeType.DEFAULT, null),
            new Edge(one.id(), s1.id(), EdgeType.DELETE, null));
  }

  @Test
  void findingsLandInTheAssessmentsOfTheirNodesByIdOrArnOnePerProviderAndUnresolvedOnesAreDropped()
      throws Exception {
    Assessment.Finding missingPatch = new Assessment.Finding("missing patch", "high", null, null, null, Map.of());
    Assessment.Finding oldAgent = new Assessment.Finding("old agent", "low", null, null, null, Map.of("v", "1"));
    Assessment.Finding open = new Assessment.Finding("open port", "critical", "port 22 is open", null, null, Map.of());
    AwsKind findings = kind("aws_test_findings", Scope.GLOBAL, "svc-a", ctx -> {
      ctx.finding("aws_test_target", "t1", "ssm", missingPatch);
      ctx.findingForArn("aws_test_target", "arn:aws:svc:us-east-1:111111111111:thing/t1", "guard_duty", open);
      ctx.finding("aws_test_target", "t1", "ssm", oldAgent);
      ctx.finding("aws_test_target", "not-collected", "ssm", missingPatch);
      ctx.finding("aws_test_other", "t1", "ssm", missingPatch);
    });
    AwsKind target = kind("aws_test_target", Scope.GLOBAL, "svc-b", ctx -> {
      ctx.add(KindContext.arn(ctx.node("aws_test_target", "t1"), "arn:aws:svc:us-east-1:111111111111:thing/t1")
          .build());
      ctx.add(ctx.node("aws_test_target", "t2").build());
    });

    AccountCollector.Result result = collect(Map.of(), findings, target);
    Graph g = result.graph().graph();

    assertThat(result.problems()).filteredOn(p -> p.kind() != null).isEmpty();
    Node t1 = nodes(g, "aws_test_target").stream().filter(n -> n.resourceId().equals("t1")).findFirst().orElseThrow();
    assertThat(t1.assessments()).containsExactly(new Assessment("ssm", List.of(missingPatch, oldAgent)),
        new Assessment("guard_duty", List.of(open)));
    // the node keeps its id and its edges
    assertThat(t1.id()).isEqualTo(ctxFreeId(t1));
    assertThat(g.edges()).anyMatch(e -> e.to().equals(t1.id()));
    assertThat(g.nodes()).filteredOn(n -> !n.assessments().isEmpty()).containsExactly(t1);
  }

  private static String ctxFreeId(Node n) {
    Node.Builder b = Node.builder(n.kind(), n.resourceId()).cloud(n.cloud()).account(n.account()).region(n.region());
    n.idKeyExtra().forEach(b::idKeyExtra);
    return b.build().id();
  }

  @Test
  void aKindThatIsDeniedIsSkippedWithAWarningAndTheOthersAreCollected() throws Exception {
    sim.aws().faults().add(FaultRule.forService("ec2").region("eu-central-1").accessDenied(true));
    AwsKind denied = kind("aws_test_regions", Scope.REGIONAL, "ec2", ctx -> {
      Ec2Client ec2 = ctx.client(Ec2Client.builder());
      ec2.describeRegions();
      ctx.add(ctx.node("aws_test_regions", "r-" + ctx.region()).build());
    });
    AwsKind other = kind("aws_test_other", Scope.GLOBAL, "iam", ctx -> ctx.add(ctx.node("aws_test_other", "o1").build()));

    AccountCollector.Result result = collect(Map.of(), denied, other);

    Graph g = result.graph().graph();
    assertThat(nodes(g, "aws_test_regions")).extracting(Node::region).containsExactlyInAnyOrder("us-east-1", "us-west-2");
    assertThat(nodes(g, "aws_test_other")).hasSize(1);
    List<Problem> denials = result.problems().stream().filter(p -> "aws_test_regions".equals(p.kind())).toList();
    assertThat(denials).hasSize(1);
    assertThat(denials.get(0).level()).isEqualTo(Level.WARN);
    assertThat(denials.get(0).region()).isEqualTo("eu-central-1");
    assertThat(denials.get(0).message()).startsWith("skipped: access denied (");
    assertThat(context.errors).anyMatch(e -> e.startsWith(TestSupport.MGMT + "|eu-central-1|aws_test_regions|skipped: access denied"));
  }

  @Test
  void fanOutTasksDeniedAlikeAreRecordedOnceAndTheirItemsLeftOut() throws Exception {
    sim.aws().faults().add(FaultRule.forService("ec2").region("eu-central-1").accessDenied(true));
    AwsKind perItem = kind("aws_test_items", Scope.REGIONAL, "ec2", ctx -> {
      Ec2Client ec2 = ctx.client(Ec2Client.builder());
      for (int i = 0; i < 5; i++) {
        String id = "i-" + i + "-" + ctx.region();
        // one describe per item, as the kinds do for their per-item calls
        ctx.submit(() -> {
          ec2.describeRegions();
          ctx.add(ctx.node("aws_test_items", id).build());
        });
      }
    });

    AccountCollector.Result result = collect(Map.of(), perItem);

    Graph g = result.graph().graph();
    assertThat(nodes(g, "aws_test_items")).extracting(Node::region).doesNotContain("eu-central-1")
        .hasSize(5 * (TestSupport.REGIONS.size() - 1));
    List<Problem> denials = result.problems().stream().filter(p -> "aws_test_items".equals(p.kind())).toList();
    assertThat(denials).hasSize(1);
    assertThat(denials.get(0).level()).isEqualTo(Level.WARN);
    assertThat(denials.get(0).region()).isEqualTo("eu-central-1");
    assertThat(context.errors).filteredOn(e -> e.contains("|aws_test_items|")).hasSize(1);
  }

  @Test
  void tasksPerRegionAndServiceNeverExceedTheCap() throws Exception {
    int cap = 3;
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> peak = new ConcurrentHashMap<>();
    Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();
    AwsKind busy = kind("aws_test_busy", Scope.REGIONAL, "ec2", ctx -> {
      String key = ctx.region();
      CountDownLatch atCap = reached.computeIfAbsent(key, k -> new CountDownLatch(1));
      for (int i = 0; i < 12; i++) {
        ctx.submit(() -> {
          int now = running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
          peak.computeIfAbsent(key, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
          if (now >= cap) {
            atCap.countDown();
          }
          // hold the slot until the cap was reached once, so the queue has to hold the rest back
          atCap.await(10, TimeUnit.SECONDS);
          running.get(key).decrementAndGet();
        });
      }
    });

    collect(Map.of("resourcePoolTasksPerServiceDefault", 20,
        "resourcePoolTasksPerService", Map.of("ec2", cap)), busy);

    assertThat(peak).containsOnlyKeys(TestSupport.REGIONS.toArray(String[]::new));
    // the kind's own task holds one slot while it submits; the cap counts it
    assertThat(peak.values()).allSatisfy(p -> assertThat(p.get()).isLessThanOrEqualTo(cap).isGreaterThanOrEqualTo(cap - 1));
  }

  @Test
  void clientsOfTheFactoryCarryTheRateLimitInterceptor() throws Exception {
    AwsConfig c = TestSupport.config(sim, Map.of());
    clients = new AwsClientFactory(c);
    AtomicInteger seen = new AtomicInteger();
    software.amazon.awssdk.core.interceptor.ExecutionInterceptor counting =
        new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
          @Override
          public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
              software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
            seen.incrementAndGet();
          }
        };
    try (Ec2Client ec2 = clients.create(Ec2Client.builder(), TestSupport.managementAccount().credentials(),
        "us-east-1", java.util.List.of(counting))) {
      ec2.describeRegions();
      ec2.describeRegions();
    }
    assertThat(seen.get()).isEqualTo(2);
  }

  @Test
  void requestsOfAServiceInARegionKeepToItsConfiguredRate() throws Exception {
    // 20 requests/s with a burst of one second's worth: 50 calls cannot take less than 1.5 s
    // (a lower bound only, which a slow machine cannot break)
    AwsKind chatty = kind("aws_test_chatty", Scope.GLOBAL, "ec2", ctx -> {
      Ec2Client ec2 = ctx.client(Ec2Client.builder());
      for (int i = 0; i < 50; i++) {
        ec2.describeRegions();
      }
    });
    long started = System.nanoTime();
    collect(Map.of("requestRateLimits", Map.of("ec2", 20.0)), chatty);
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;

    assertThat(context.errors).isEmpty();
    assertThat(elapsedMs).isGreaterThanOrEqualTo(1_450);
  }

  @Test
  void theCapOfAServiceCanOnlyLowerTheDefault() {
    AwsConfig c = TestSupport.with(AwsConfig.DEFAULTS, Map.of("resourcePoolTasksPerServiceDefault", 10,
        "resourcePoolTasksPerService", Map.of("sagemaker", 6, "ec2", 50, "elb", 0)));
    assertThat(AccountCollector.tasksPerService(c, "sagemaker")).isEqualTo(6);
    assertThat(AccountCollector.tasksPerService(c, "ec2")).isEqualTo(10);
    assertThat(AccountCollector.tasksPerService(c, "elb")).isEqualTo(1);
    assertThat(AccountCollector.tasksPerService(c, "iam")).isEqualTo(10);
    assertThat(AccountCollector.requestRate(AwsConfig.DEFAULTS, "iam")).isEqualTo(10.0);
    assertThat(AccountCollector.requestRate(AwsConfig.DEFAULTS, "lambda")).isEqualTo(20.0);
  }

  @Test
  void throttlingThatSurvivedRetriesIsCountedAndReportedOnce() throws Exception {
    AwsKind throttled = kind("aws_test_throttled", Scope.GLOBAL, "iam", ctx -> {
      for (int i = 0; i < 3; i++) {
        ctx.submit(() -> {
          throw ErrorClassifierTest.aws("Throttling", 400, "Rate exceeded");
        });
      }
    });

    AccountCollector.Result result = collect(Map.of(), throttled);

    assertThat(result.graph()).isNotNull();
    assertThat(result.problems()).filteredOn(p -> "aws_test_throttled".equals(p.kind()))
        .containsExactly(new Problem(Level.ERROR, "global", "aws_test_throttled",
            "3 call(s) still throttled after the SDK's retries (Throttling)"));
  }

  @Test
  void anErrorDiscardsTheAccountOnlyInStrictMode() throws Exception {
    AwsKind broken = kind("aws_test_broken", Scope.GLOBAL, "iam", ctx -> {
      throw new IllegalStateException("unexpected shape");
    });
    AwsKind fine = kind("aws_test_fine", Scope.GLOBAL, "iam", ctx -> ctx.add(ctx.node("aws_test_fine", "f").build()));

    AccountCollector.Result lenient = collect(Map.of(), broken, fine);
    assertThat(nodes(lenient.graph().graph(), "aws_test_fine")).hasSize(1);
    assertThat(lenient.problems()).contains(new Problem(Level.ERROR, "global", "aws_test_broken",
        "IllegalStateException: unexpected shape"));

    AccountCollector.Result strict = collect(Map.of("discardAccountOnResourceError", true), broken, fine);
    assertThat(strict.graph()).isNull();
    assertThat(strict.problems()).extracting(Problem::message).contains(
        "account discarded: a resource failed to collect and discard_account_on_resource_error is set");
  }

  @Test
  void collectAndNoCollectGlobsChooseTheKinds() throws Exception {
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<AwsKind> kinds = new ArrayList<>();
    for (String name : List.of("aws_ec2_a", "aws_ec2_b", "aws_iam_c")) {
      kinds.add(kind(name, Scope.GLOBAL, "x", ctx -> ran.add(ctx.kind())));
    }

    collect(Map.of("collect", List.of("aws_ec2_*", "aws_iam_c"), "noCollect", List.of("*_b")),
        kinds.toArray(AwsKind[]::new));

    assertThat(ran).containsExactlyInAnyOrder("aws_ec2_a", "aws_iam_c");
  }

  @Test
  void anEngineKindRunsOnceInTheGlobalRegionWhateverTheGlobsAndCompletesTheAccountNode() throws Exception {
    List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    AwsKind details = kind("aws_test_details", Scope.ENGINE, "iam", ctx -> {
      ran.add(ctx.regionName());
      Map<String, Object> props = new java.util.HashMap<>();
      props.put("users", 3L);
      props.put("account_alias", null);
      ctx.addAccountProperties(props);
      ctx.submit(() -> ctx.addAccountProperties(Map.of("groups", 2L, "users", 4L)));
    });

    AccountCollector.Result result = collect(Map.of("collect", List.of("aws_nothing_*")), details);

    assertThat(ran).containsExactly("global");
    Node account = result.graph().account();
    assertThat(account.properties()).containsEntry("users", 4L).containsEntry("groups", 2L)
        .containsEntry("partition", "aws").doesNotContainKey("account_alias");
    Graph g = result.graph().graph();
    assertThat(g.node(account.id())).containsSame(account);
    assertThat(g.validate()).isEmpty();
  }

  @Test
  void sharedValuesAreComputedOncePerRunAndFailuresAreNotKept() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    AtomicInteger failing = new AtomicInteger();
    List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    AwsKind pricing = kind("aws_test_priced", Scope.REGIONAL, "ec2", ctx -> {
      seen.add(ctx.shared("price", computed::incrementAndGet));
      try {
        ctx.shared("broken", () -> {
          failing.incrementAndGet();
          throw new IllegalStateException("no price");
        });
      } catch (IllegalStateException expected) {
        seen.add("failed");
      }
    });
    // one thread: the regions run one after the other (a concurrent caller would share the failure)
    AwsConfig c = TestSupport.config(sim, Map.of("resourcePoolSize", 1));
    clients = new AwsClientFactory(c);
    AccountCollector run = new AccountCollector(c, clients, TestSupport.resolver(), List.of(pricing), context);

    run.collect(TestSupport.managementAccount());
    run.collect(TestSupport.managementAccount());

    assertThat(computed.get()).isEqualTo(1);
    assertThat(seen).filteredOn(v -> v.equals(1)).hasSize(6);
    assertThat(failing.get()).isEqualTo(6);
  }

  @Test
  void theGlobalClientCallsThePartitionsGlobalRegion() throws Exception {
    List<String> regions = new java.util.concurrent.CopyOnWriteArrayList<>();
    AwsKind global = kind("aws_test_global_client", Scope.REGIONAL, "ec2", ctx -> {
      Ec2Client ec2 = ctx.globalClient(Ec2Client.builder());
      regions.add(ec2.serviceClientConfiguration().region().id());
    });

    collect(Map.of(), global);

    assertThat(regions).hasSize(3).containsOnly("us-east-1");
  }

  @Test
  void cancellationStopsTheAccountWithoutAGraph() throws Exception {
    AtomicInteger started = new AtomicInteger();
    AwsKind cancelling = kind("aws_test_cancel", Scope.REGIONAL, "ec2", ctx -> {
      started.incrementAndGet();
      context.cancelled = true;
      for (int i = 0; i < 100; i++) {
        ctx.submit(started::incrementAndGet);
      }
    });

    AccountCollector.Result result = collect(Map.of("resourcePoolSize", 1), cancelling);

    assertThat(result.graph()).isNull();
    // queued work is dropped once the run is cancelled
    assertThat(started.get()).isLessThan(3 + 300);
  }
}
