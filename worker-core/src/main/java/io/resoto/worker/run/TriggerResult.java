package io.resoto.worker.run;

/** What became of a request to collect now. */
public enum TriggerResult {
  /** A run started. */
  STARTED,
  /** A run is in progress; one more run will start right after it. */
  QUEUED,
  /** A run is in progress and one is already queued; this request adds nothing. */
  ALREADY_QUEUED,
  /** The worker is shutting down. */
  REJECTED;

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
