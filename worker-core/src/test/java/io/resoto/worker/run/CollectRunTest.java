package io.resoto.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.graph.Node;
import io.resoto.worker.sink.GraphDelivery;
import io.resoto.worker.sink.RunInfo;
import io.resoto.worker.testing.Configs;
import io.resoto.worker.testing.RecordingSink;
import io.resoto.worker.testing.TestCloudPlugin;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectRunTest {

  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void reset() {
    TestCloudPlugin.EVENTS.clear();
    TestCloudPlugin.gate = new CountDownLatch(0);
  }

  private CollectRun run(String yaml) {
    LoadedConfig config = Configs.load("resotoworker:\n  collector: [testcloud]\n" + yaml);
    RunInfo info = new RunInfo("r1", "test", Clock.systemUTC().instant(), "resoto");
    return new CollectRun(info, config, Configs.REGISTRY.createConfigured(config.worker()), sink, Clock.systemUTC());
  }

  @Test
  void completeRunDeliversEveryAccountWithRootCloudAndReplaceNode() {
    RunSummary summary = run("testcloud:\n  accounts: 3\n  instances: 2\n").execute();

    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(summary.plugins()).extracting(PluginResult::status).containsExactly(PluginStatus.COMPLETE);
    assertThat(sink.deliveries).hasSize(3);
    GraphDelivery first = sink.deliveries.stream().filter(d -> d.account().equals("000000000001")).findFirst().orElseThrow();
    assertThat(first.graph().nodes()).extracting(Node::kind)
        .contains("graph_root", "cloud", "testcloud_account", "testcloud_region", "testcloud_instance");
    Node account = first.graph().nodes().stream().filter(n -> n.kind().equals("testcloud_account")).findFirst().orElseThrow();
    assertThat(first.replaceNodeIds()).containsExactly(account.id());
    assertThat(first.graph().validate()).isEmpty();
    // account + region + 2 instances, per account
    assertThat(summary.resourcesByKind()).containsEntry("testcloud_instance", 6L).containsEntry("testcloud_account", 3L);
    assertThat(summary.totalNodes()).isEqualTo(12);
    assertThat(summary.accounts()).allMatch(AccountResult::delivered);
    assertThat(TestCloudPlugin.EVENTS).containsExactly("init", "collect",
        "submit 000000000001", "submit 000000000002", "submit 000000000003", "close");
    assertThat(sink.events.get(0)).isEqualTo("started r1");
    assertThat(sink.events.get(sink.events.size() - 1)).isEqualTo("finished r1");
    assertThat(sink.model.kind("testcloud_instance")).isPresent();
  }

  @Test
  void aFinishedAccountIsDeliveredWhileThePluginStillCollects() throws Exception {
    TestCloudPlugin.gate = new CountDownLatch(1);
    CollectRun run = run("testcloud:\n  accounts: 2\n  delay_ms: 300\n");
    CompletableFuture<RunSummary> result = CompletableFuture.supplyAsync(run::execute);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sink.deliveries.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sink.deliveries).hasSize(1);
    assertThat(result).isNotDone();
    assertThat(result.get(10, TimeUnit.SECONDS).accounts()).hasSize(2);
  }

  @Test
  void aPluginThatThrowsInInitIsReportedAndTheRunFails() {
    RunSummary summary = run("testcloud:\n  mode: fail_init\n").execute();

    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
    assertThat(summary.plugins().get(0).status()).isEqualTo(PluginStatus.FAILED);
    assertThat(summary.plugins().get(0).message()).isEqualTo("init failed: testcloud: credentials are missing");
    assertThat(TestCloudPlugin.EVENTS).containsExactly("init", "close");
  }

  @Test
  void aPluginThatThrowsInCollectIsReportedAndClosed() {
    RunSummary summary = run("testcloud:\n  mode: fail_collect\n").execute();

    assertThat(summary.plugins().get(0).status()).isEqualTo(PluginStatus.FAILED);
    assertThat(summary.plugins().get(0).message()).isEqualTo("collect failed: testcloud: API exploded");
    assertThat(summary.errors()).extracting(CollectError::plugin).containsExactly("testcloud");
    assertThat(TestCloudPlugin.EVENTS).containsExactly("init", "collect", "close");
  }

  @Test
  void aTimedOutPluginIsIncompleteNeverComplete() {
    TestCloudPlugin.gate = new CountDownLatch(1);
    RunSummary summary = run("  timeout: 1\ntestcloud:\n  mode: hang\n").execute();

    assertThat(summary.plugins().get(0).status()).isEqualTo(PluginStatus.TIMED_OUT);
    assertThat(summary.status()).isNotEqualTo(RunStatus.COMPLETE);
    assertThat(summary.durationSeconds()).isLessThan(1 + CollectRun.CANCEL_GRACE.toSeconds());
    assertThat(TestCloudPlugin.EVENTS).contains("close");
  }

  @Test
  void aPluginDeafToCancellationIsReportedAndTheRunStillEnds() {
    RunSummary summary = run("  timeout: 1\ntestcloud:\n  mode: ignore_cancel\n").execute();

    assertThat(summary.plugins().get(0).status()).isEqualTo(PluginStatus.TIMED_OUT);
    assertThat(summary.plugins().get(0).message()).contains("did not stop within");
  }

  @Test
  void abortStopsTheRunAndReportsAborted() throws Exception {
    TestCloudPlugin.gate = new CountDownLatch(1);
    CollectRun run = run("testcloud:\n  mode: hang\n");
    CompletableFuture<RunSummary> result = CompletableFuture.supplyAsync(run::execute);
    while (!TestCloudPlugin.EVENTS.contains("collect")) {
      Thread.sleep(5);
    }
    run.abort();
    RunSummary summary = result.get(10, TimeUnit.SECONDS);
    assertThat(summary.status()).isEqualTo(RunStatus.ABORTED);
    assertThat(summary.plugins().get(0).status()).isEqualTo(PluginStatus.ABORTED);
  }

  @Test
  void anInvalidGraphIsNotDeliveredAndTheOthersAre() {
    RunSummary summary = run("testcloud:\n  mode: dangling_edge\n  accounts: 1\n").execute();

    assertThat(sink.deliveries).isEmpty();
    assertThat(summary.accounts().get(0).delivered()).isFalse();
    assertThat(summary.accounts().get(0).problem()).startsWith("graph rejected: ").contains("no-such-node");
    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
  }

  @Test
  void accountsAboveMaxResourcesAreRejected() {
    RunSummary summary = run("  max_resources_per_account: 3\ntestcloud:\n  accounts: 1\n  instances: 5\n").execute();

    assertThat(sink.deliveries).isEmpty();
    assertThat(summary.errors()).extracting(CollectError::message).containsExactly(
        "account graph has 7 nodes, more than resotoworker.max_resources_per_account (3)");
  }

  @Test
  void scopedErrorsMakeThRunPartialAndKeepTheirScope() {
    RunSummary summary = run("testcloud:\n  fail_region_for: [2]\n").execute();

    assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(summary.errors()).containsExactly(new CollectError("testcloud", "000000000002", "us-west-2",
        "testcloud_instance", "AccessDenied: not allowed to list instances"));
    assertThat(sink.deliveries).hasSize(2);
  }

  @Test
  void partsThatFailedAreCarriedForwardFromTheLastGoodRunAndReported(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    io.resoto.worker.sink.LastGood store = io.resoto.worker.sink.LastGood.in(dir);
    CollectRun good = run("testcloud:\n  accounts: 2\n  instances: 3\n");
    good.carryForward(store);
    assertThat(good.execute().status()).isEqualTo(RunStatus.COMPLETE);
    sink.deliveries.clear();

    CollectRun failing = run("testcloud:\n  accounts: 2\n  instances: 3\n  fail_region_for: [2]\n");
    failing.carryForward(store);
    RunSummary summary = failing.execute();

    assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(summary.errors()).extracting(CollectError::describe)
        .containsExactly("[testcloud 000000000002 us-west-2 testcloud_instance] AccessDenied: not allowed to list instances");
    GraphDelivery second = sink.deliveries.stream().filter(d -> d.account().equals("000000000002")).findFirst()
        .orElseThrow();
    assertThat(second.graph().countByKind()).doesNotContainKey("testcloud_instance");
    assertThat(second.carried().nodeLines()).hasSize(3).allMatch(l -> l.contains("\"carried_forward\""));
    assertThat(second.carried().edgeLines()).hasSize(3);
    assertThat(second.nodeCount()).isEqualTo(second.graph().nodeCount() + 3);
    // what the sink writes: every edge's ends are nodes of the same document
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    second.writeNdjson(out);
    java.util.Set<String> nodes = new java.util.HashSet<>();
    List<com.fasterxml.jackson.databind.JsonNode> edges = new java.util.ArrayList<>();
    for (String line : out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      if (j.has("id")) {
        nodes.add(j.get("id").asText());
      } else {
        edges.add(j);
      }
    }
    assertThat(nodes).hasSize((int) second.nodeCount());
    assertThat(edges).allMatch(e -> nodes.contains(e.get("from").asText()) && nodes.contains(e.get("to").asText()));
    // the account that worked carries nothing
    assertThat(sink.deliveries.stream().filter(d -> d.account().equals("000000000001")).findFirst().orElseThrow()
        .carried().isEmpty()).isTrue();
    assertThat(summary.accounts()).extracting(AccountResult::carried).containsExactly(0L, 3L);
    assertThat(SummaryTable.render(summary))
        .contains("yes, with 3 nodes carried forward")
        .contains("carried forward: 3 nodes of the parts that failed, from the last good data");
  }

  @Test
  void anAccountThatFailedWhollyIsDeliveredFromItsLastGoodDataMarkedAsCarried(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    io.resoto.worker.sink.LastGood store = io.resoto.worker.sink.LastGood.in(dir);
    CollectRun good = run("testcloud:\n  accounts: 2\n  instances: 3\n");
    good.carryForward(store);
    good.execute();
    GraphDelivery before = sink.deliveries.stream().filter(d -> d.account().equals("000000000002")).findFirst()
        .orElseThrow();
    sink.deliveries.clear();

    CollectRun failing = run("testcloud:\n  accounts: 2\n  instances: 3\n  fail_account: [2]\n");
    failing.carryForward(store);
    RunSummary summary = failing.execute();

    assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
    GraphDelivery carried = sink.deliveries.stream().filter(d -> d.account().equals("000000000002")).findFirst()
        .orElseThrow();
    assertThat(carried.graph().countByKind()).containsOnlyKeys("graph_root", "cloud");
    // the account, its region and its 3 instances, the account marked replace as a delivered one is
    assertThat(carried.carried().nodeLines()).hasSize(5).allMatch(l -> l.contains("\"carried_forward\""));
    String accountId = before.replaceNodeIds().iterator().next();
    assertThat(carried.replaceNodeIds()).containsExactly(accountId);
    com.fasterxml.jackson.databind.JsonNode accountLine = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(carried.carried().nodeLines().stream().filter(l -> l.contains(accountId)).findFirst().orElseThrow());
    assertThat(accountLine.at("/metadata/replace").asBoolean()).isTrue();
    assertThat(accountLine.at("/metadata/carried_forward/reason").asText())
        .isEqualTo("account not collected: AccessDenied: cannot assume the role");
    // account -> region, region -> 3 instances, and cloud -> account
    assertThat(carried.carried().edgeLines()).hasSize(5);
    assertThat(summary.accounts()).filteredOn(a -> "000000000002".equals(a.account()))
        .singleElement().satisfies(a -> {
          assertThat(a.delivered()).isTrue();
          assertThat(a.carried()).isEqualTo(5);
        });
    // cancelled or not failed: nothing of the kind
    sink.deliveries.clear();
    CollectRun fine = run("testcloud:\n  accounts: 2\n  instances: 3\n");
    fine.carryForward(store);
    fine.execute();
    assertThat(sink.deliveries).allMatch(d -> d.carried().isEmpty());
  }

  @Test
  void aFailingSinkIsRecordedPerAccount() {
    sink.failDeliveries = true;
    RunSummary summary = run("testcloud:\n  accounts: 2\n").execute();

    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
    assertThat(summary.accounts()).extracting(AccountResult::problem)
        .containsOnly("delivery failed: disk full");
  }

  @Test
  void cloudMergeKindDeliversOneGraphWithTheCloudAsReplaceNode() {
    RunSummary summary = run("  graph_merge_kind: cloud\ntestcloud:\n  accounts: 3\n").execute();

    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(sink.deliveries).hasSize(1);
    GraphDelivery delivery = sink.deliveries.get(0);
    assertThat(delivery.account()).isNull();
    Node cloud = delivery.graph().nodes().stream().filter(n -> n.kind().equals("cloud")).findFirst().orElseThrow();
    assertThat(delivery.replaceNodeIds()).containsExactly(cloud.id());
    assertThat(delivery.graph().countByKind()).containsEntry("testcloud_account", 3L);
    assertThat(delivery.graph().validate()).isEmpty();
  }

  @Test
  void poolSizeZeroDisablesCollecting() {
    RunSummary summary = run("  pool_size: 0\n").execute();

    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
    assertThat(summary.errors()).extracting(CollectError::message)
        .containsExactly("collecting is disabled (resotoworker.pool_size is 0)");
    assertThat(TestCloudPlugin.EVENTS).isEmpty();
  }

  @Test
  void pluginsOfOneRunRunInParallel() {
    // Both plugins wait at a barrier for each other: run one after the other, they would time out there.
    TestCloudPlugin.barrier = new java.util.concurrent.CyclicBarrier(2);
    LoadedConfig config = Configs.load("resotoworker:\n  collector: [testcloud, othercloud]\n  pool_size: 1\n"
        + "testcloud:\n  mode: barrier\nothercloud:\n  mode: barrier\n");
    RunInfo info = new RunInfo("r2", "test", Clock.systemUTC().instant(), "resoto");
    RunSummary summary = new CollectRun(info, config, Configs.REGISTRY.createConfigured(config.worker()), sink,
        Clock.systemUTC()).execute();

    assertThat(summary.plugins()).extracting(PluginResult::name).containsExactly("testcloud", "othercloud");
    assertThat(summary.plugins()).extracting(PluginResult::status).containsOnly(PluginStatus.COMPLETE);
    assertThat(sink.deliveries).hasSize(4);
  }

  @Test
  void aFailingPluginDoesNotStopTheOthers() {
    LoadedConfig config = Configs.load("resotoworker:\n  collector: [testcloud, othercloud]\n"
        + "testcloud:\n  mode: fail_collect\nothercloud:\n  accounts: 2\n");
    RunInfo info = new RunInfo("r3", "test", Clock.systemUTC().instant(), "resoto");
    RunSummary summary = new CollectRun(info, config, Configs.REGISTRY.createConfigured(config.worker()), sink,
        Clock.systemUTC()).execute();

    assertThat(summary.status()).isEqualTo(RunStatus.PARTIAL);
    assertThat(summary.plugins()).extracting(PluginResult::name, PluginResult::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("testcloud", PluginStatus.FAILED),
        org.assertj.core.groups.Tuple.tuple("othercloud", PluginStatus.COMPLETE));
    assertThat(sink.deliveries).extracting(GraphDelivery::cloud).containsOnly("othercloud").hasSize(2);
  }
}
