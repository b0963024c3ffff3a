package io.resoto.worker.config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.resoto.worker.spi.ConfigProblems;
import io.resoto.worker.spi.Doc;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.spi.ValidatedConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code resotoworker} section of the configuration. Key names and defaults are those of the
 * original Python worker, plus {@code schedule}, {@code data_dir}, {@code data_keep_runs} and
 * {@code shutdown_grace}. Durations are whole seconds.
 *
 * <p>Null lists and maps become empty ones, so consumers never check for null there, except
 * {@code collector}: null (the default) means "not set", so each run auto-enables the installed
 * collectors whose credentials work, while an empty list collects nothing. The other nullable
 * components ({@code tempdir}, {@code max_resources_per_account}, {@code schedule}) also use null
 * to mean "not set".
 */
public record ResotoWorkerConfig(
    @Doc(
            "Collector plugins to run (names of installed plugins). null: at the start of each"
                + " run, every installed collector that reports working credentials (aws: when"
                + " sts:GetCallerIdentity succeeds in us-east-1, us-gov-west-1 or cn-north-1;"
                + " example: never), all asked in parallel within 10 s. An empty list collects"
                + " nothing.")
        List<String> collector,
    @Doc("Name of the graph in the core. Must not contain '_' or start with 'snapshot-'.")
        String graph,
    @Doc("Timeout of a collect run, in seconds.") int timeout,
    @Doc(
            "Collectors run in parallel up to max(number of collectors, pool_size). 0 disables"
                + " collecting.")
        int poolSize,
    @Doc("Threads that hand collected graphs to the sink.") int graphSenderPoolSize,
    @Doc(
            "Accepted for compatibility with the original worker. This worker runs plugins on"
                + " threads, so the value has no effect.")
        boolean forkProcess,
    @Doc(
            "account: each account's graph is delivered as soon as it is collected and replaces"
                + " that account; cloud: one graph per collector, delivered at its end, replaces"
                + " the whole cloud.")
        GraphMergeKind graphMergeKind,
    @Doc(
            "Accepted for compatibility with the original worker. The embedded sink always keeps"
                + " each run's graphs in data_dir, so the value has no further effect.")
        boolean debugDumpJson,
    @Doc(
            "Directory for temporary files; null means the system temp directory. Accepted for"
                + " compatibility; this worker writes no temporary files outside data_dir yet.")
        String tempdir,
    @Doc(
            "An account graph with more nodes than this is rejected (reported, not delivered);"
                + " null means no limit.")
        Integer maxResourcesPerAccount,
    @Doc(
            "Master switch for the core's cleanup action. Cleanup is not implemented yet: the"
                + " worker deletes nothing, whatever the value.")
        boolean cleanup,
    @Doc("Threads used for cleanup (see cleanup).") int cleanupPoolSize,
    @Doc("Only log what cleanup would delete, without deleting it (see cleanup).")
        boolean cleanupDryRun,
    @Doc(
            "With an https core, serve the web endpoints over plain HTTP anyway. Otherwise the"
                + " web server serves HTTPS with a certificate the core signs (or --cert/--cert-key)."
                + " No effect without a core or with an http core: plain HTTP then.")
        boolean noTls,
    @Doc("Address the web server listens on; '::' means all addresses.") String webHost,
    @Doc("Port the web server listens on; 0 means any free port.") int webPort,
    @Doc("A second path prefix the web endpoints are also served under (for an ingress).")
        String webPath,
    @Doc("Deprecated, use files_in_home_dir: a list of {path, content} files written to $HOME.")
        List<HomeDirFile> writeFilesToHomeDir,
    @Doc(
            "Files written below $HOME at startup, as path: content (for example"
                + " .aws/credentials). Contents are secret and never printed.")
        Map<String, Secret> filesInHomeDir,
    @Doc(
            "When to collect: a 5-field cron expression (minute hour day-of-month month"
                + " day-of-week) in the host's time zone. null collects only when triggered. Not"
                + " used with a core: the core's workflow triggers the collects.")
        String schedule,
    @Doc(
            "Where the embedded sink writes collect runs, and with a core the spool of graphs"
                + " not yet sent ('~' is the home directory).")
        String dataDir,
    @Doc("Number of completed runs kept in data_dir.") int dataKeepRuns,
    @Doc(
            "On SIGTERM, seconds a running collect may take to finish before it is aborted.")
        int shutdownGrace,
    @Doc(
            "With a core: the most the spool of graphs not yet sent to the core may hold, in MB"
                + " (data_dir/spool). When it is full, the oldest graphs are dropped (logged as"
                + " errors).")
        int spoolMaxMb,
    @Doc(
            "With a core: seconds a graph may wait in the spool for the core; older ones are"
                + " dropped instead of sent (logged as errors), since the next collect sends"
                + " fresher ones.")
        int spoolMaxAge)
    implements ValidatedConfig {

  /** The defaults of every key; the only place they are defined. */
  public static final ResotoWorkerConfig DEFAULTS =
      new ResotoWorkerConfig(
          null,
          "resoto",
          10800,
          5,
          5,
          true,
          GraphMergeKind.ACCOUNT,
          false,
          null,
          null,
          false,
          2 * Math.max(Runtime.getRuntime().availableProcessors(), 2),
          true,
          false,
          "::",
          9956,
          "/",
          List.of(),
          Map.of(),
          "0 * * * *",
          "~/.resotoworker/data",
          10,
          8,
          1024,
          86400);

  // Built once: the definition is immutable and parsing with it keeps no state.
  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** Makes the collections immutable, keeping the order of the map's entries. */
  public ResotoWorkerConfig {
    collector = collector == null ? null : List.copyOf(collector);
    writeFilesToHomeDir = writeFilesToHomeDir == null ? List.of() : List.copyOf(writeFilesToHomeDir);
    // Files are written in the order the user listed them, hence no Map.copyOf.
    filesInHomeDir =
        filesInHomeDir == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(filesInHomeDir));
  }

  @Override
  public void validate(ConfigProblems problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; collector != null && i < collector.size(); i++) {
      String name = collector.get(i);
      if (name.isBlank()) {
        problems.add("collector[" + i + "]", "must not be empty");
      } else if (!seen.add(name)) {
        problems.add("collector[" + i + "]", "collector " + ConfigProblems.quote(name) + " is listed twice");
      }
    }
    if (graph == null || graph.isEmpty()) {
      problems.add("graph", "must not be empty");
    } else if (graph.contains("_")) {
      problems.add("graph", "must not contain '_', got " + ConfigProblems.quote(graph));
    } else if (graph.startsWith("snapshot-")) {
      problems.add("graph", "must not start with 'snapshot-', got " + ConfigProblems.quote(graph));
    }
    atLeast(problems, "timeout", timeout, 1);
    atLeast(problems, "pool_size", poolSize, 0);
    atLeast(problems, "graph_sender_pool_size", graphSenderPoolSize, 1);
    if (graphMergeKind == null) {
      problems.add("graph_merge_kind", "must be one of account, cloud, got null");
    }
    if (maxResourcesPerAccount != null) {
      atLeast(problems, "max_resources_per_account", maxResourcesPerAccount, 1);
    }
    atLeast(problems, "cleanup_pool_size", cleanupPoolSize, 1);
    if (webHost == null || webHost.isEmpty()) {
      problems.add("web_host", "must not be empty");
    }
    if (webPort < 0 || webPort > 65535) {
      problems.add("web_port", "must be between 0 and 65535, got " + webPort);
    }
    if (webPath == null || !webPath.startsWith("/")) {
      problems.add("web_path", "must start with '/', got " + quoted(webPath));
    }
    for (int i = 0; i < writeFilesToHomeDir.size(); i++) {
      HomeDirFile file = writeFilesToHomeDir.get(i);
      checkHomePath(problems, "write_files_to_home_dir[" + i + "].path", file.path());
    }
    for (String path : filesInHomeDir.keySet()) {
      checkHomePath(problems, "files_in_home_dir." + path, path);
    }
    if (schedule != null) {
      try {
        CRON.parse(schedule).validate();
      } catch (IllegalArgumentException e) {
        problems.add(
            "schedule",
            "not a valid cron expression (minute hour day-of-month month day-of-week): "
                + e.getMessage());
      }
    }
    if (dataDir == null || dataDir.isEmpty()) {
      problems.add("data_dir", "must not be empty");
    }
    atLeast(problems, "data_keep_runs", dataKeepRuns, 1);
    atLeast(problems, "shutdown_grace", shutdownGrace, 0);
    atLeast(problems, "spool_max_mb", spoolMaxMb, 1);
    atLeast(problems, "spool_max_age", spoolMaxAge, 1);
  }

  private static void atLeast(ConfigProblems problems, String key, int value, int min) {
    if (value < min) {
      problems.add(key, "must be at least " + min + ", got " + value);
    }
  }

  // Files land below $HOME; an absolute path or ".." would let a config write anywhere.
  private static void checkHomePath(ConfigProblems problems, String key, String path) {
    if (path == null || path.isEmpty()) {
      problems.add(key, "path must not be empty");
      return;
    }
    try {
      Path p = Path.of(path);
      boolean escapes = false;
      for (Path part : p) {
        escapes |= part.toString().equals("..");
      }
      if (p.isAbsolute() || path.startsWith("/") || escapes) {
        problems.add(
            key, "path must be relative to the home directory and stay inside it, got " + ConfigProblems.quote(path));
      }
    } catch (InvalidPathException e) {
      problems.add(key, "not a valid path: " + ConfigProblems.quote(path));
    }
  }

  private static String quoted(String s) {
    return ConfigProblems.quote(s);
  }
}
