package io.resoto.worker.testing;

import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.AccountGraph;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.CollectorPlugin;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

/**
 * A collector for tests, discovered through META-INF/services like a real one, whose behaviour
 * the config chooses. {@link #EVENTS} records what happened, in order, across instances.
 */
public class TestCloudPlugin implements CollectorPlugin<TestCloudConfig> {

  public static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();
  /** Released by tests to let a "hang" plugin or a "gated" account go on. */
  public static volatile CountDownLatch gate = new CountDownLatch(0);
  /** Mode "barrier": plugins wait here for each other before collecting. */
  public static volatile java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(1);

  private TestCloudConfig config;

  @Override
  public String name() {
    return "testcloud";
  }

  /** The cloud id used in node ids; the same as the name. */
  protected String cloud() {
    return name();
  }

  @Override
  public Class<TestCloudConfig> configType() {
    return TestCloudConfig.class;
  }

  @Override
  public List<ModelKind> kinds() {
    return List.of(
        new ComplexKind("testcloud_account", List.of("account"), List.of(), Map.of(), true, Map.of()),
        new ComplexKind("testcloud_region", List.of("region"), List.of(), Map.of(), true, Map.of()),
        new ComplexKind("testcloud_instance", List.of("instance"), List.of(), Map.of(), true, Map.of()));
  }

  /** The timeout the last autoEnable call was given. */
  public static volatile java.time.Duration autoEnableTimeout;

  @Override
  public boolean autoEnable(TestCloudConfig config, java.time.Duration timeout) {
    EVENTS.add("autoEnable " + name());
    autoEnableTimeout = timeout;
    switch (config.autoEnable()) {
      case "yes" -> {
        return true;
      }
      case "throw" -> throw new IllegalStateException(name() + ": cannot tell");
      case "block" -> {
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          EVENTS.add("autoEnable interrupted " + name());
          Thread.currentThread().interrupt();
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  @Override
  public void init(TestCloudConfig config) {
    EVENTS.add("init");
    if (config.mode().equals("fail_init")) {
      throw new IllegalStateException("testcloud: credentials are missing");
    }
    this.config = config;
  }

  @Override
  public void collect(CollectContext context) throws Exception {
    EVENTS.add("collect");
    switch (config.mode()) {
      case "fail_collect" -> throw new IllegalStateException("testcloud: API exploded");
      case "barrier" -> barrier.await(5, java.util.concurrent.TimeUnit.SECONDS);
      case "hang" -> {
        gate.await();
        return;
      }
      case "ignore_cancel" -> {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
          try {
            Thread.sleep(50);
          } catch (InterruptedException ignored) {
            // deliberately deaf to cancellation
          }
        }
        return;
      }
      default -> { }
    }
    for (int a = 1; a <= config.accounts(); a++) {
      if (context.isCancelled()) {
        return;
      }
      if (config.delayMs() > 0) {
        Thread.sleep(config.delayMs());
      }
      String accountId = "00000000000" + a;
      if (config.failAccount().contains(a)) {
        context.error(accountId, null, null, "account not collected: AccessDenied: cannot assume the role");
        continue;
      }
      Node account = Node.builder("testcloud_account", accountId).name("acc-" + a)
          .cloud(cloud()).account(accountId).categories("management").build();
      AccountGraph ag = context.newAccountGraph(account);
      Node region = ag.graph().add(Node.builder("testcloud_region", "us-west-2").name("us-west-2")
          .cloud(cloud()).account(accountId).region("us-west-2").idKeyExtra("us-west-2").build());
      ag.graph().addEdge(account, region);
      boolean failed = config.failRegionFor().contains(a);
      for (int i = 0; i < (failed ? 0 : config.instances()); i++) {
        Node instance = ag.graph().add(Node.builder("testcloud_instance", "i-" + a + "-" + i)
            .cloud(cloud()).account(accountId).region("us-west-2")
            .property("instance_type", "t3.micro").build());
        ag.graph().addEdge(region, instance);
      }
      if (config.mode().equals("dangling_edge")) {
        ag.graph().addEdge(region.id(), "no-such-node", io.resoto.worker.graph.EdgeType.DEFAULT, null);
      }
      if (failed) {
        context.error(accountId, "us-west-2", "testcloud_instance", "AccessDenied: not allowed to list instances");
        ag.incomplete("us-west-2", "testcloud_instance", "AccessDenied: not allowed to list instances");
      }
      EVENTS.add("submit " + accountId);
      context.submit(ag);
    }
  }

  @Override
  public void close() {
    EVENTS.add("close");
  }
}
