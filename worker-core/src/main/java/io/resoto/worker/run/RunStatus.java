package io.resoto.worker.run;

import java.util.Locale;

/** How a whole collect run ended. */
public enum RunStatus {
  /** Every plugin completed, every graph was delivered and no scope reported an error. */
  COMPLETE,
  /** Something was collected and delivered, but a plugin, a scope or a delivery failed. */
  PARTIAL,
  /** Nothing was delivered. */
  FAILED,
  /** The worker shut down during the run. */
  ABORTED;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
