package io.resoto.worker.aws.engine;

import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders the coverage page ({@code docs/aws-coverage.md}) from the kind registry: every kind
 * with its service, scope, API calls, tag calls and edges. Nothing on the page is written by
 * hand; a test fails when the checked-in page differs from what this renders.
 *
 * <p>{@code java -cp worker-app/target/worker.jar io.resoto.worker.aws.engine.KindCoverage >
 * docs/aws-coverage.md} regenerates it.
 */
public final class KindCoverage {

  /** The number of kinds the original collector defines (its {@code AwsResource} subclasses). */
  static final int ORIGINAL_KINDS = 173;

  private KindCoverage() {}

  /** Prints the page to standard output. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(render(KindRegistry.kinds()));
    out.flush();
  }

  /** The page for these kinds (the registry's, in the shipped page). */
  public static String render(List<AwsKind> kinds) {
    Map<String, List<AwsKind>> byService = new TreeMap<>();
    kinds.forEach(k -> byService.computeIfAbsent(k.service(), s -> new ArrayList<>()).add(k));
    Set<String> registered = kinds.stream().map(AwsKind::name).collect(Collectors.toSet());
    List<ComplexKind> models = kinds.stream().map(AwsKind::model).toList();
    Map<String, Map<String, List<String>>> successors = new LinkedHashMap<>();
    kinds.forEach(k -> successors.put(k.name(), KindRegistry.successors(k.model(), models)));
    Map<String, Map<String, Set<String>>> incoming = incoming(successors);
    long calls = kinds.stream().flatMap(k -> k.apiCalls().stream()).distinct().count();

    StringBuilder b = new StringBuilder();
    b.append("# AWS coverage\n\n");
    b.append("Generated from the AWS collector's kind registry by\n");
    b.append("`java -cp worker-app/target/worker.jar io.resoto.worker.aws.engine.KindCoverage`;\n");
    b.append("do not edit by hand (a test fails when this page differs from the registry).\n\n");
    b.append("The collector knows **").append(kinds.size()).append(" kinds** of ").append(byService.size())
        .append(" services (the original Python collector: ").append(ORIGINAL_KINDS)
        .append("), read with ").append(calls).append(" distinct API operations.\n\n");
    b.append("- **Scope**: `global` kinds are collected once per account (in the partition's global region),\n");
    b.append("  `regional` ones in every collected region, `engine` ones are built by the collector itself.\n");
    b.append("- **API calls**: every operation the kind's collect makes (a test collects each kind alone\n");
    b.append("  against the simulator's demo estate and checks this list against the calls it saw).\n");
    b.append("- **Tag calls**: the operations behind the core's tag update / delete tasks; `-` = tags of this\n");
    b.append("  kind cannot be changed (tag tasks for it are refused with a message).\n");
    b.append("- **Edges**: `default` edges (dependency, ownership) and `delete` edges (what must go first) to\n");
    b.append("  and from other kinds, as declared in the model; every node also hangs under its region.\n");
    b.append("  A kind in *italics* is declared by the original but not collected here yet.\n\n");

    b.append("## Services\n\n| Service | Kinds |\n|---|---|\n");
    byService.forEach((service, list) -> b.append("| ").append(service).append(" | ")
        .append(list.stream().map(k -> "[`" + k.name() + "`](#" + k.name() + ")").collect(Collectors.joining(", ")))
        .append(" |\n"));

    byService.forEach((service, list) -> {
      b.append("\n## ").append(service).append("\n");
      for (AwsKind k : list) {
        b.append("\n### ").append(k.name()).append("\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| Scope | ").append(k.scope().name().toLowerCase(java.util.Locale.ROOT)).append(" |\n");
        b.append("| API calls | ").append(code(k.apiCalls())).append(" |\n");
        b.append("| Tag calls | ").append(k.tagSupport().map(t -> "update: " + code(t.updateCalls())
            + "; delete: " + code(t.deleteCalls())).orElse("-")).append(" |\n");
        if (k.exportsNodes()) {
          b.append("| Properties | ").append(k.model().properties().size()).append(" of its own |\n");
        } else {
          b.append("| Yields | assessments (findings in `metadata.assessments`) of other kinds' nodes;"
              + " no nodes of its own, not in the model |\n");
        }
        for (EdgeType type : EdgeType.values()) {
          List<String> to = successors.get(k.name()).getOrDefault(type.wireName(), List.of());
          if (!to.isEmpty()) {
            b.append("| ").append(type.wireName()).append(" edges to | ").append(kindList(to, registered))
                .append(" |\n");
          }
          Set<String> from = incoming.getOrDefault(k.name(), Map.of()).getOrDefault(type.wireName(), Set.of());
          if (!from.isEmpty()) {
            b.append("| ").append(type.wireName()).append(" edges from | ")
                .append(kindList(List.copyOf(from), registered)).append(" |\n");
          }
        }
      }
    });
    return b.toString();
  }

  /** target kind -> edge type -> kinds declaring an edge of that type to it. */
  private static Map<String, Map<String, Set<String>>> incoming(Map<String, Map<String, List<String>>> successors) {
    Map<String, Map<String, Set<String>>> in = new LinkedHashMap<>();
    successors.forEach((kind, byType) -> byType.forEach((type, targets) -> targets.forEach(t -> in
        .computeIfAbsent(t, x -> new TreeMap<>()).computeIfAbsent(type, x -> new TreeSet<>()).add(kind))));
    return in;
  }

  private static String code(List<String> items) {
    return items.isEmpty() ? "-" : items.stream().map(i -> "`" + i + "`").collect(Collectors.joining(", "));
  }

  private static String kindList(List<String> kinds, Set<String> registered) {
    return kinds.stream().sorted()
        .map(k -> registered.contains(k) ? "[`" + k + "`](#" + k + ")" : "*" + k + "*")
        .collect(Collectors.joining(", "));
  }
}
