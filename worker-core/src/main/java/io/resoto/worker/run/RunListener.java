package io.resoto.worker.run;

import io.resoto.worker.sink.RunInfo;

/**
 * Told about runs: for logs, metrics, {@code /info} and the core's progress messages. Called on
 * the run's threads (the progress methods from the plugin and graph sender threads, possibly
 * concurrently); must not throw and must return quickly.
 */
public interface RunListener {
  default void runStarted(RunInfo run) {}

  /** A plugin of the run starts collecting. */
  default void pluginStarted(RunInfo run, String plugin) {}

  /** An account graph reached the sink, or was rejected or could not be delivered. */
  default void accountFinished(RunInfo run, AccountResult account) {}

  /** A failure was recorded (scoped to a plugin, account, region or kind where known). */
  default void errorRecorded(RunInfo run, CollectError error) {}

  /** A plugin of the run ended (complete, failed, timed out or aborted). */
  default void pluginFinished(RunInfo run, PluginResult plugin) {}

  void runFinished(RunSummary summary);
}
