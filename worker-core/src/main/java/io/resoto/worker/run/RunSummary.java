package io.resoto.worker.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a collect run did: written as {@code summary.json}, logged as a table, served in
 * {@code /info} and turned into metrics. Times are ISO-8601 UTC strings.
 *
 * @param resourcesByKind nodes per kind over all delivered graphs, sorted by kind
 * @param errors failures: they make the run partial
 * @param skipped scopes left out on purpose (a region not enabled), with the reason
 * @param location where the sink put the run (a directory), or null
 */
public record RunSummary(
    String runId,
    String trigger,
    String startedAt,
    String finishedAt,
    double durationSeconds,
    RunStatus status,
    List<PluginResult> plugins,
    List<AccountResult> accounts,
    Map<String, Long> resourcesByKind,
    List<CollectError> errors,
    List<CollectError> skipped,
    long totalNodes,
    long totalEdges,
    String location) {

  public RunSummary {
    plugins = List.copyOf(plugins);
    accounts = List.copyOf(accounts);
    resourcesByKind = Collections.unmodifiableMap(new TreeMap<>(resourcesByKind));
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
  }

  /** The same summary with the sink's location filled in. */
  public RunSummary withLocation(String where) {
    return new RunSummary(
        runId, trigger, startedAt, finishedAt, durationSeconds, status, plugins, accounts,
        resourcesByKind, errors, skipped, totalNodes, totalEdges, where);
  }
}
