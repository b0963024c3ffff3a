package io.resoto.worker.example;

import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.AccountGraph;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.CollectorPlugin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code example} collector: a synthetic estate (accounts, regions, instances and their
 * volumes) generated from a seed, so that the whole pipeline, the sinks and the core protocol can
 * be tried without a cloud. The same config always gives the same graph, ids included.
 */
public final class ExamplePlugin implements CollectorPlugin<ExampleConfig> {

  static final String CLOUD = "example";
  private static final Logger log = LoggerFactory.getLogger(ExamplePlugin.class);
  /** A fixed point in time, so that creation times do not depend on when the run happens. */
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[][] INSTANCE_TYPES = {
    {"t3.micro", "2", "1"}, {"t3.medium", "2", "4"}, {"m5.large", "2", "8"}, {"c6g.xlarge", "4", "8"}
  };
  private static final String[] STATUSES = {"running", "running", "running", "stopped"};
  private static final String[] VOLUME_TYPES = {"gp3", "gp2", "io2"};
  private static final String[] OWNERS = {"alice", "bob", "carol"};

  private ExampleConfig config;

  @Override
  public String name() {
    return CLOUD;
  }

  @Override
  public Class<ExampleConfig> configType() {
    return ExampleConfig.class;
  }

  @Override
  public List<ModelKind> kinds() {
    return ExampleKinds.all();
  }

  @Override
  public void init(ExampleConfig config) {
    this.config = config;
  }

  @Override
  public void collect(CollectContext context) throws InterruptedException {
    for (int a = 1; a <= config.accounts() && !context.isCancelled(); a++) {
      String accountId = accountId(a);
      try (CollectContext.LogScope scope = context.logScope(accountId, null, null)) {
        context.submit(collectAccount(context, a, accountId));
      }
    }
  }

  private AccountGraph collectAccount(CollectContext context, int index, String accountId)
      throws InterruptedException {
    Node account = Node.builder(ExampleKinds.ACCOUNT, accountId)
        .name("example-account-" + index)
        .cloud(CLOUD).account(accountId)
        .categories("management")
        .build();
    AccountGraph ag = context.newAccountGraph(account);
    for (String region : config.regions()) {
      if (context.isCancelled()) {
        break;
      }
      try (CollectContext.LogScope scope = context.logScope(accountId, region, null)) {
        if (config.delayMs() > 0) {
          Thread.sleep(config.delayMs());
        }
        int resources = collectRegion(ag.graph(), account, region, new SplittableRandom(seed(accountId, region)));
        log.info("region {} collected: {} resources", region, resources);
      }
    }
    return ag;
  }

  private int collectRegion(Graph graph, Node account, String regionId, SplittableRandom random) {
    String accountId = account.resourceId();
    Node region = graph.add(Node.builder(ExampleKinds.REGION, regionId)
        .name(regionId)
        .cloud(CLOUD).account(accountId).region(regionId)
        .idKeyExtra(regionId)
        .property("region_in_use", true)
        .categories("management")
        .build());
    graph.addEdge(account, region);
    int count = 0;
    for (int i = 0; i < config.instancesPerRegion(); i++) {
      String[] type = INSTANCE_TYPES[random.nextInt(INSTANCE_TYPES.length)];
      String instanceId = "i-" + hex(random, 17);
      Node instance = graph.add(Node.builder(ExampleKinds.INSTANCE, instanceId)
          .name("instance-" + regionId + "-" + (i + 1))
          .tag("owner", OWNERS[random.nextInt(OWNERS.length)])
          .tag("env", random.nextBoolean() ? "prod" : "dev")
          .ctime(EPOCH.minus(Duration.ofHours(random.nextInt(24 * 365))))
          .cloud(CLOUD).account(accountId).region(regionId)
          .property("instance_cores", Double.parseDouble(type[1]))
          .property("instance_memory", Double.parseDouble(type[2]))
          .property("instance_type", type[0])
          .property("instance_status", STATUSES[random.nextInt(STATUSES.length)])
          .property("architecture", type[0].startsWith("c6g") ? "arm64" : "x86_64")
          .categories("compute")
          .build());
      graph.addEdge(region, instance);
      count++;
      for (int v = 0; v < config.volumesPerInstance(); v++) {
        String volumeId = "vol-" + hex(random, 17);
        Node volume = graph.add(Node.builder(ExampleKinds.VOLUME, volumeId)
            .name(volumeId)
            .ctime(EPOCH.minus(Duration.ofHours(random.nextInt(24 * 365))))
            .cloud(CLOUD).account(accountId).region(regionId)
            .property("volume_size", (long) (8 << random.nextInt(6)))
            .property("volume_type", VOLUME_TYPES[random.nextInt(VOLUME_TYPES.length)])
            .property("volume_status", "in-use")
            .property("volume_encrypted", random.nextBoolean())
            .property("snapshot_before_delete", false)
            .property("attached_to", instanceId)
            .categories("storage")
            .build());
        graph.addEdge(region, volume);
        graph.addEdge(instance, volume);
        // the instance has to go before its volume can be deleted
        graph.addEdge(volume, instance, EdgeType.DELETE);
        count++;
      }
    }
    return count;
  }

  private String accountId(int index) {
    long n = Math.floorMod(config.seed() * 7_919L + index * 104_729L, 900_000_000_000L) + 100_000_000_000L;
    return Long.toString(n);
  }

  private long seed(String accountId, String region) {
    return config.seed() * 31 + (accountId + "/" + region).hashCode();
  }

  private static String hex(SplittableRandom random, int digits) {
    StringBuilder b = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      b.append(Character.forDigit(random.nextInt(16), 16));
    }
    return b.toString();
  }

  @Override
  public void close() {
    config = null;
  }
}
