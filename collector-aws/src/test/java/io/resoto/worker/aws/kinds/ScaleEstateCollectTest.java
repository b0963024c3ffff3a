package io.resoto.worker.aws.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scale generator holds every kind: an estate of two copies of the demo account's us-east-1
 * and global resources, collected with every kind of the registry, has twice the demo's
 * nodes of each kind (catalogue kinds and singletons once) and twice its edges between them, without a
 * problem. So a kind added to
 * the demo estate is in generated estates (the benchmarks') with nothing more to do.
 */
class ScaleEstateCollectTest extends KindTestHarness {

  private static final int COPIES = 2;

  /** Kinds that are per account or per region, or AWS's catalogue, and so not multiplied by copies. */
  private static final Set<String> ONCE = Set.of("aws_account", "aws_region", "aws_ec2_instance_type",
      "aws_ec2_volume_type", "aws_root_user", "aws_s3_account_settings", "aws_organizational_root",
      "aws_organizational_unit", "aws_service_quota");

  /** Resources AWS creates once per account and region, kept once by the generator: kind -> how many. */
  private static final Map<String, Long> BUILT_IN = Map.of("aws_athena_work_group", 1L);

  @Test
  void copiesOfTheDemoAccountHoldItsResourcesAndEdgesOncePerCopy() throws Exception {
    AwsKind[] all = KindRegistry.kinds().toArray(AwsKind[]::new);
    Graph demoGraph = collect(all);
    Map<String, Long> demo = countInTemplateScope(demoGraph);
    Map<String, Long> demoEdges = edgesInTemplateScope(demoGraph);

    try (Simulation scaled = Simulation.start(KindEstates.demoCopies(COPIES))) {
      Graph copied = collect(scaled, all);
      Map<String, Long> copies = countInTemplateScope(copied);
      Map<String, String> wrong = new TreeMap<>();
      demo.forEach((kind, n) -> {
        long builtIn = BUILT_IN.getOrDefault(kind, 0L);
        long expected = ONCE.contains(kind) ? n : (n - builtIn) * COPIES + builtIn;
        if (copies.getOrDefault(kind, 0L) != expected) {
          wrong.put(kind, "expected " + expected + ", got " + copies.getOrDefault(kind, 0L));
        }
      });
      assertThat(wrong).as("node counts per kind in %d copies of the demo account", COPIES).isEmpty();
      assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(demo.keySet());

      Map<String, Long> copiedEdges = edgesInTemplateScope(copied);
      Map<String, String> wrongEdges = new TreeMap<>();
      demoEdges.forEach((pair, n) -> {
        String[] ends = pair.split(" ");
        long expected = ONCE.contains(ends[0]) && ONCE.contains(ends[2]) ? n : n * COPIES;
        long got = copiedEdges.getOrDefault(pair, 0L);
        if (BUILT_IN.containsKey(ends[0]) || BUILT_IN.containsKey(ends[2])) {
          // a built-in node's own edges are there once: more than the demo's, at most once per copy
          if (got <= n || got > expected) {
            wrongEdges.put(pair, "expected " + (n + 1) + " to " + expected + ", got " + got);
          }
        } else if (got != expected) {
          wrongEdges.put(pair, "expected " + expected + ", got " + got);
        }
      });
      assertThat(wrongEdges).as("edges per kind pair in %d copies of the demo account", COPIES).isEmpty();
    }
  }

  /** "fromKind type toKind" -> edges between nodes in the template's scope. */
  private static Map<String, Long> edgesInTemplateScope(Graph g) {
    return g.edges().stream()
        .filter(e -> inTemplateScope(g.node(e.from()).orElseThrow()) && inTemplateScope(g.node(e.to()).orElseThrow()))
        .map(e -> g.node(e.from()).orElseThrow().kind() + " " + e.type().wireName() + " "
            + g.node(e.to()).orElseThrow().kind())
        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
  }

  private static boolean inTemplateScope(Node n) {
    return n.region() == null || List.of("us-east-1", "global").contains(n.region()) || n.kind().equals("aws_region");
  }

  /** Nodes per kind in us-east-1 and the global region (the template's scope). */
  private static Map<String, Long> countInTemplateScope(Graph g) {
    return g.nodes().stream()
        .filter(ScaleEstateCollectTest::inTemplateScope)
        .collect(Collectors.groupingBy(Node::kind, TreeMap::new, Collectors.counting()));
  }
}
