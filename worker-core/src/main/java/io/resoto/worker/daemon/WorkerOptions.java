package io.resoto.worker.daemon;

import io.resoto.worker.spi.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the worker was started: everything that does not come from the config file.
 *
 * @param configFile the YAML file, or null for the embedded defaults
 * @param environment the process environment (for $(VAR) placeholders and RESOTOWORKER_* overrides)
 * @param overrides {@code --override section.key=value} entries
 * @param psk the pre-shared key, or null
 * @param once run one collect and stop: no web server, no schedule, no file watching
 * @param home the directory {@code files_in_home_dir} writes to
 * @param configPollInterval how often the config file is checked for changes
 * @param core the core to work with ({@code --resotocore-uri}), or null to work on its own
 *     (embedded file sink, own schedule)
 */
public record WorkerOptions(
    Path configFile,
    Map<String, String> environment,
    List<String> overrides,
    Secret psk,
    boolean once,
    Clock clock,
    Path home,
    Duration configPollInterval,
    io.resoto.worker.core.CoreOptions core) {

  public WorkerOptions {
    environment = Map.copyOf(environment);
    overrides = List.copyOf(overrides);
  }

  /** Without a core. */
  public WorkerOptions(Path configFile, Map<String, String> environment, List<String> overrides, Secret psk,
      boolean once, Clock clock, Path home, Duration configPollInterval) {
    this(configFile, environment, overrides, psk, once, clock, home, configPollInterval, null);
  }

  /** The same options with a core. */
  public WorkerOptions withCore(io.resoto.worker.core.CoreOptions c) {
    return new WorkerOptions(configFile, environment, overrides, psk, once, clock, home, configPollInterval, c);
  }
}
