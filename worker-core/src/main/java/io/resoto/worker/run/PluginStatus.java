package io.resoto.worker.run;

/** How one plugin's part of a collect run ended. Only {@link #COMPLETE} means complete. */
public enum PluginStatus {
  /** init and collect returned normally before the deadline. */
  COMPLETE,
  /** init or collect threw. */
  FAILED,
  /** The run's timeout ({@code resotoworker.timeout}) passed before the plugin finished. */
  TIMED_OUT,
  /** The worker shut down before the plugin finished. */
  ABORTED;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
