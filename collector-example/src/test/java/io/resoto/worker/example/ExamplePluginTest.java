package io.resoto.worker.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.config.ConfigException;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.run.CollectRun;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.GraphDelivery;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.RunInfo;
import io.resoto.worker.graph.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The example plugin through the real run: discovered, configured, collected, validated. */
class ExamplePluginTest {

  private static final PluginRegistry REGISTRY = PluginRegistry.discover(ExamplePluginTest.class.getClassLoader());

  private final List<GraphDelivery> delivered = new CopyOnWriteArrayList<>();
  private final GraphSink sink = new GraphSink() {
    @Override
    public void runStarted(RunInfo run, Model model) {}

    @Override
    public void deliver(RunInfo run, GraphDelivery delivery) {
      delivered.add(delivery);
    }

    @Override
    public String runFinished(RunInfo run, RunSummary summary) {
      return null;
    }

    @Override
    public String unusableReason() {
      return null;
    }

    @Override
    public String describe() {
      return "memory";
    }
  };

  private RunSummary collect(String exampleSection) throws ConfigException {
    LoadedConfig config = new ConfigLoader(REGISTRY.configSections())
        .load("resotoworker:\n  collector: [example]\nexample:\n" + exampleSection, "t.yaml", Map.of(), List.of());
    RunInfo info = new RunInfo("r", "test", Clock.systemUTC().instant(), "resoto");
    return new CollectRun(info, config, REGISTRY.createConfigured(config.worker()), sink, Clock.systemUTC()).execute();
  }

  @Test
  void isDiscoveredUnderItsName() {
    assertThat(REGISTRY.names()).contains("example");
  }

  @Test
  void isNeverAutoEnabledSoAWorkerWithoutCollectorNeverCollectsFakeData() throws Exception {
    assertThat(new ExamplePlugin().autoEnable(ExampleConfig.DEFAULTS, java.time.Duration.ofSeconds(10))).isFalse();

    LoadedConfig config = new ConfigLoader(REGISTRY.configSections()).load("", "t.yaml", Map.of(), List.of());
    RunInfo info = new RunInfo("r", "test", Clock.systemUTC().instant(), "resoto");
    RunSummary summary = new CollectRun(info, config, io.resoto.worker.run.CollectorSelection.of(REGISTRY), sink,
        Clock.systemUTC()).execute();

    assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
    assertThat(summary.collectors()).isEmpty();
    assertThat(delivered).isEmpty();
    assertThat(summary.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .startsWith("no collector configured and none could be auto-enabled: set ").contains("`collector: [example]`"));
  }

  @Test
  void theDefaultEstateIsCompleteAndValid() throws Exception {
    RunSummary summary = collect("  seed: 1\n");
    assertThat(summary.status()).isEqualTo(RunStatus.COMPLETE);
    assertThat(delivered).hasSize(2);
    // 2 accounts x 2 regions x 3 instances, one volume each
    assertThat(summary.resourcesByKind()).containsEntry("example_account", 2L).containsEntry("example_region", 4L)
        .containsEntry("example_instance", 12L).containsEntry("example_volume", 12L);
    for (GraphDelivery d : delivered) {
      assertThat(d.graph().validate()).isEmpty();
    }
  }

  @Test
  void theSizeFollowsTheConfig() throws Exception {
    RunSummary summary = collect("  accounts: 3\n  regions: [a, b, c]\n  instances_per_region: 4\n  volumes_per_instance: 2\n");
    assertThat(delivered).hasSize(3);
    assertThat(summary.resourcesByKind()).containsEntry("example_instance", 36L).containsEntry("example_volume", 72L);
  }

  @Test
  void instancesAndVolumesAreLinkedBothWays() throws Exception {
    collect("  accounts: 1\n  regions: [us-east-1]\n  instances_per_region: 1\n");
    var graph = delivered.get(0).graph();
    Node instance = graph.nodes().stream().filter(n -> n.kind().equals("example_instance")).findFirst().orElseThrow();
    Node volume = graph.nodes().stream().filter(n -> n.kind().equals("example_volume")).findFirst().orElseThrow();
    assertThat(graph.edges()).anyMatch(e -> e.from().equals(instance.id()) && e.to().equals(volume.id()) && e.type() == EdgeType.DEFAULT);
    assertThat(graph.edges()).anyMatch(e -> e.from().equals(volume.id()) && e.to().equals(instance.id()) && e.type() == EdgeType.DELETE);
    assertThat(volume.properties()).containsEntry("attached_to", instance.resourceId());
  }

  @Test
  void theSameSeedGivesTheSameGraphAndAnotherSeedAnother() throws Exception {
    collect("  seed: 7\n");
    List<String> first = ids();
    delivered.clear();
    collect("  seed: 7\n");
    assertThat(ids()).isEqualTo(first);
    delivered.clear();
    collect("  seed: 8\n");
    assertThat(ids()).isNotEqualTo(first);
  }

  @Test
  void invalidValuesAreRejectedWithTheirKey() {
    try {
      collect("  accounts: 0\n  regions: []\n");
    } catch (ConfigException e) {
      assertThat(e.problems()).extracting(Object::toString).anyMatch(p -> p.contains("example.accounts") && p.contains("between 1 and 10000"))
          .anyMatch(p -> p.contains("example.regions") && p.contains("at least one region"));
      return;
    }
    throw new AssertionError("expected a ConfigException");
  }

  @Test
  void theSampleConfigHoldsEveryKeyAtItsDefault() throws Exception {
    Path sample = Path.of("example.yaml");
    LoadedConfig config = new ConfigLoader(REGISTRY.configSections())
        .load(Files.readString(sample), sample.toString(), Map.of(), List.of());
    assertThat(config.section("example", ExampleConfig.class)).isEqualTo(ExampleConfig.DEFAULTS);
    String text = Files.readString(sample);
    for (var c : ExampleConfig.class.getRecordComponents()) {
      String key = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
      assertThat(text).as("sample mentions " + key).contains("  " + key + ":");
    }
  }

  private List<String> ids() {
    return delivered.stream().sorted((a, b) -> a.account().compareTo(b.account()))
        .flatMap(d -> d.graph().nodes().stream()).map(Node::id).toList();
  }
}
