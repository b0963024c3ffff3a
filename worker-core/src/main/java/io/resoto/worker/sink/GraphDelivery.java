package io.resoto.worker.sink;

import io.resoto.worker.graph.Graph;
import java.time.Instant;
import java.util.Set;

/**
 * One validated graph ready to leave the worker: root -> cloud -> account -> ... The nodes in
 * {@code replaceNodeIds} (the account, or the cloud in cloud merge mode) carry
 * {@code metadata.replace} and {@code exported_at}.
 *
 * @param account the account id, or null for a whole-cloud graph
 */
public record GraphDelivery(
    String cloud, String account, Graph graph, Set<String> replaceNodeIds, Instant exportedAt) {

  /** A file-name-safe name: cloud, or cloud-account. */
  public String fileStem() {
    String stem = account == null ? cloud : cloud + "-" + account;
    return stem.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
