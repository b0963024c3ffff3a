package io.resoto.worker.testing;

import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.AccountGraph;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.CollectorPlugin;
import io.resoto.worker.spi.Doc;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference's demo collector (reference §3.5's complete example): one account 123456789012
 * "eng-sre" with region us-east-1, instance i-0abc and volume vol-0def, whose node ids the
 * original computes as known values. Not discovered through META-INF/services: tests put it in a
 * registry of their own. {@link #gate} holds the account back until a test releases it.
 */
public final class DemoCloudPlugin implements CollectorPlugin<DemoCloudPlugin.Config> {

  /** Released by tests to let the account be submitted. */
  public static volatile CountDownLatch gate = new CountDownLatch(0);
  /** Runs that reached collect(). */
  public static final AtomicInteger COLLECTS = new AtomicInteger();

  /** The demo plugin's section. */
  public record Config(@Doc("Report an error for region us-east-1 of the account.") boolean failRegion) {
    public static final Config DEFAULTS = new Config(false);
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public List<ModelKind> kinds() {
    return List.of(
        kind("demo_account", "account"), kind("demo_region", "region"),
        kind("demo_instance", "instance"), kind("demo_volume", "volume"));
  }

  private static ComplexKind kind(String fqn, String base) {
    return new ComplexKind(fqn, List.of(base), List.of(), Map.of(), true, Map.of("source", "demo"));
  }

  private Config config;

  @Override
  public void init(Config config) {
    this.config = config;
  }

  @Override
  public void collect(CollectContext context) throws Exception {
    COLLECTS.incrementAndGet();
    Node account = Node.builder("demo_account", "123456789012").name("eng-sre")
        .cloud("demo").account("123456789012").categories("management").build();
    AccountGraph ag = context.newAccountGraph(account);
    Node region = ag.graph().add(Node.builder("demo_region", "us-east-1")
        .cloud("demo").account("123456789012").region("us-east-1").idKeyExtra("us-east-1").build());
    Node instance = ag.graph().add(Node.builder("demo_instance", "i-0abc")
        .cloud("demo").account("123456789012").region("us-east-1")
        .tag("owner", "alice").name("web-1").ctime(Instant.parse("2024-01-02T03:04:05Z"))
        .property("instance_cores", 2.0).property("instance_type", "t3.medium")
        .categories("compute").build());
    Node volume = ag.graph().add(Node.builder("demo_volume", "vol-0def")
        .cloud("demo").account("123456789012").region("us-east-1")
        .property("volume_size", 100).categories("storage").build());
    ag.graph().addEdge(account, region);
    ag.graph().addEdge(region, instance);
    ag.graph().addEdge(region, volume);
    ag.graph().addEdge(instance, volume);
    ag.graph().addEdge(volume, instance, EdgeType.DELETE);
    if (config.failRegion()) {
      context.error("123456789012", "us-east-1", "demo_volume", "AccessDenied: not allowed to list volumes "
          + "x".repeat(600));
    }
    gate.await();
    context.submit(ag);
  }

  @Override
  public void close() {}
}
