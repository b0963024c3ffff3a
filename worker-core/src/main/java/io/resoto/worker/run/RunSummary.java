package io.resoto.worker.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a collect run did: written as {@code summary.json}, logged as a table, served in
 * {@code /info} and turned into metrics. Times are ISO-8601 UTC strings.
 *
 * @param collectors the collectors the run used (configured or auto-enabled), in run order
 * @param collectorsAutoEnabled true when {@code resotoworker.collector} was not set, so the
 *     collectors were auto-enabled
 * @param resourcesByKind nodes per kind over all delivered graphs, sorted by kind
 * @param findingsByProvider findings (assessments on nodes, e.g. SSM compliance) per provider over
 *     all delivered graphs, sorted by provider
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
    List<String> collectors,
    boolean collectorsAutoEnabled,
    List<PluginResult> plugins,
    List<AccountResult> accounts,
    Map<String, Long> resourcesByKind,
    List<CollectError> errors,
    List<CollectError> skipped,
    long totalNodes,
    long totalEdges,
    String location,
    Map<String, Long> findingsByProvider) {

  /** A summary without findings. */
  public RunSummary(String runId, String trigger, String startedAt, String finishedAt, double durationSeconds,
      RunStatus status, List<String> collectors, boolean collectorsAutoEnabled, List<PluginResult> plugins,
      List<AccountResult> accounts, Map<String, Long> resourcesByKind, List<CollectError> errors,
      List<CollectError> skipped, long totalNodes, long totalEdges, String location) {
    this(runId, trigger, startedAt, finishedAt, durationSeconds, status, collectors, collectorsAutoEnabled, plugins,
        accounts, resourcesByKind, errors, skipped, totalNodes, totalEdges, location, Map.of());
  }

  public RunSummary {
    collectors = List.copyOf(collectors);
    plugins = List.copyOf(plugins);
    accounts = List.copyOf(accounts);
    resourcesByKind = Collections.unmodifiableMap(new TreeMap<>(resourcesByKind));
    findingsByProvider = findingsByProvider == null ? Map.of()
        : Collections.unmodifiableMap(new TreeMap<>(findingsByProvider));
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
  }

  /** The same summary with the sink's location filled in. */
  public RunSummary withLocation(String where) {
    return new RunSummary(
        runId, trigger, startedAt, finishedAt, durationSeconds, status, collectors,
        collectorsAutoEnabled, plugins, accounts,
        resourcesByKind, errors, skipped, totalNodes, totalEdges, where, findingsByProvider);
  }
}
