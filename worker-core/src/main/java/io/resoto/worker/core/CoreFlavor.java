package io.resoto.worker.core;

import io.resoto.worker.config.ConfigLoader;
import java.util.Locale;

/**
 * Which core the worker talks to: a Resoto core (the names before the rename to Fix) or a Fix
 * Inventory core (reference, "Naming history"). Only the names differ: the config id and its
 * worker section, the default graph and subscriber id, and the prefix of the HTTP headers.
 * Locally the worker's section is always {@code resotoworker}; the Fix names are used on the wire.
 */
public enum CoreFlavor {
  RESOTO("resoto.worker", "resotoworker", "resoto", "Resoto"),
  FIX("fix.worker", "fixworker", "fix", "Fix");

  private final String subscriberId;
  private final String workerSection;
  private final String graph;
  private final String headerPrefix;

  CoreFlavor(String subscriberId, String workerSection, String graph, String headerPrefix) {
    this.subscriberId = subscriberId;
    this.workerSection = workerSection;
    this.graph = graph;
    this.headerPrefix = headerPrefix;
  }

  /** The default {@code --subscriber-id}, which is also the id of the worker's config in the core. */
  public String defaultSubscriberId() {
    return subscriberId;
  }

  /** The worker section's name in the core's config document and config model. */
  public String workerSection() {
    return workerSection;
  }

  /** The default graph name. */
  public String defaultGraph() {
    return graph;
  }

  /** {@code Resoto-Worker-Task-Id} or {@code Fix-Worker-Task-Id}. */
  public String taskIdHeader() {
    return headerPrefix + "-Worker-Task-Id";
  }

  public String nodesHeader() {
    return headerPrefix + "-Worker-Nodes";
  }

  public String edgesHeader() {
    return headerPrefix + "-Worker-Edges";
  }

  /** {@code Resoto-Config-Revision} or {@code Fix-Config-Revision}. */
  public String configRevisionHeader() {
    return headerPrefix + "-Config-Revision";
  }

  /** The section name as the core knows it, for a local section name. */
  public String toCore(String localSection) {
    return localSection.equals(ConfigLoader.WORKER_SECTION) ? workerSection : localSection;
  }

  /** The local section name for a section name of the core's document. */
  public String fromCore(String coreSection) {
    return coreSection.equals(workerSection) ? ConfigLoader.WORKER_SECTION : coreSection;
  }

  /** {@code resoto} or {@code fix}, case-insensitive. */
  public static CoreFlavor parse(String text) {
    for (CoreFlavor f : values()) {
      if (f.name().equalsIgnoreCase(text.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown core flavor '" + text + "': use resoto or fix");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
