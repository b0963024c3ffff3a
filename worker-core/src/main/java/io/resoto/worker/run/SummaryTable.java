package io.resoto.worker.run;

import java.util.List;
import java.util.Map;

/** The run summary as a table for people: what ran, what was collected, what went wrong. */
public final class SummaryTable {

  private static final int MAX_ERRORS = 20;

  private SummaryTable() {}

  public static String render(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("Collect run %s (trigger: %s): %s in %.1f s%n",
        s.runId(), s.trigger(), s.status().toString().toUpperCase(java.util.Locale.ROOT), s.durationSeconds()));
    b.append(String.format("  collectors: %s%s%n",
        s.collectors().isEmpty() ? "none" : String.join(", ", s.collectors()),
        s.collectorsAutoEnabled() ? " (auto-enabled: resotoworker.collector is not set)" : ""));
    if (!s.plugins().isEmpty()) {
      b.append(String.format("%n  %-24s %-10s %9s  %s%n", "PLUGIN", "STATUS", "SECONDS", "NOTE"));
      for (PluginResult p : s.plugins()) {
        b.append(String.format("  %-24s %-10s %9.1f  %s%n", p.name(), p.status(), p.durationSeconds(),
            p.message() == null ? "" : p.message()));
      }
    }
    if (!s.accounts().isEmpty()) {
      b.append(String.format("%n  %-40s %9s %9s %9s  %s%n", "ACCOUNT", "NODES", "EDGES", "SECONDS", "DELIVERED"));
      for (AccountResult a : s.accounts()) {
        String name = a.account() == null ? a.cloud() + " (whole cloud)"
            : a.cloud() + " " + a.name() + (a.name().equals(a.account()) ? "" : " (" + a.account() + ")");
        b.append(String.format("  %-40s %9d %9d %9.1f  %s%n", name, a.nodes(), a.edges(),
            a.durationSeconds(), a.delivered()
                ? (a.carried() == 0 ? "yes" : "yes, with " + a.carried() + " nodes carried forward") : "no: " + a.problem()));
      }
    }
    if (!s.resourcesByKind().isEmpty()) {
      b.append(String.format("%n  %-40s %9s%n", "KIND", "COUNT"));
      for (Map.Entry<String, Long> e : s.resourcesByKind().entrySet()) {
        b.append(String.format("  %-40s %9d%n", e.getKey(), e.getValue()));
      }
    }
    if (!s.findingsByProvider().isEmpty()) {
      b.append(String.format("%n  %-40s %9s%n", "FINDINGS (assessments on nodes)", "COUNT"));
      for (Map.Entry<String, Long> e : s.findingsByProvider().entrySet()) {
        b.append(String.format("  %-40s %9d%n", e.getKey(), e.getValue()));
      }
    }
    List<CollectError> errors = sorted(s.errors());
    b.append(String.format("%n  errors: %d%n", errors.size()));
    for (CollectError e : errors.subList(0, Math.min(MAX_ERRORS, errors.size()))) {
      b.append("    ").append(e.describe()).append(System.lineSeparator());
    }
    if (errors.size() > MAX_ERRORS) {
      b.append(String.format("    ... and %d more (see summary.json)%n", errors.size() - MAX_ERRORS));
    }
    List<CollectError> skipped = sorted(s.skipped());
    if (!skipped.isEmpty()) {
      b.append(String.format("  skipped: %d%n", skipped.size()));
      for (CollectError e : skipped.subList(0, Math.min(MAX_ERRORS, skipped.size()))) {
        b.append("    ").append(e.describe()).append(System.lineSeparator());
      }
      if (skipped.size() > MAX_ERRORS) {
        b.append(String.format("    ... and %d more (see summary.json)%n", skipped.size() - MAX_ERRORS));
      }
    }
    b.append(String.format("  total: %d nodes, %d edges%n", s.totalNodes(), s.totalEdges()));
    long carried = s.accounts().stream().filter(AccountResult::delivered).mapToLong(AccountResult::carried).sum();
    if (carried > 0) {
      b.append(String.format("  carried forward: %d nodes of the parts that failed, from the last good data"
          + " (marked metadata.carried_forward)%n", carried));
    }
    if (s.location() != null) {
      b.append("  written to: ").append(s.location()).append(System.lineSeparator());
    }
    return b.toString();
  }

  /** By plugin, account, region and kind (run-wide entries first), so related lines sit together. */
  private static List<CollectError> sorted(List<CollectError> entries) {
    java.util.Comparator<String> nullsFirst = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    return entries.stream().sorted(java.util.Comparator.comparing(CollectError::plugin, nullsFirst)
        .thenComparing(CollectError::account, nullsFirst)
        .thenComparing(CollectError::region, nullsFirst)
        .thenComparing(CollectError::kind, nullsFirst)).toList();
  }
}
