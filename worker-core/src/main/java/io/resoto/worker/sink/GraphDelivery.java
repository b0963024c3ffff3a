package io.resoto.worker.sink;

import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.NdjsonWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One validated graph ready to leave the worker: root -> cloud -> account -> ... The nodes in
 * {@code replaceNodeIds} (the account, or the cloud in cloud merge mode) carry
 * {@code metadata.replace} and {@code exported_at}. {@code carried} holds the lines of parts the run
 * could not collect, taken from the last good data of the same graph ({@link LastGood}), written
 * after the graph's own lines.
 *
 * @param account the account id, or null for a whole-cloud graph
 */
public record GraphDelivery(
    String cloud, String account, Graph graph, Set<String> replaceNodeIds, Instant exportedAt,
    LastGood.Carried carried) {

  public GraphDelivery {
    Objects.requireNonNull(carried, "carried");
  }

  /** A delivery of the graph alone, nothing carried forward. */
  public GraphDelivery(String cloud, String account, Graph graph, Set<String> replaceNodeIds, Instant exportedAt) {
    this(cloud, account, graph, replaceNodeIds, exportedAt, LastGood.Carried.NONE);
  }

  /** A file-name-safe name: cloud, or cloud-account. */
  public String fileStem() {
    return fileStem(cloud, account);
  }

  /** The file-name-safe name of a cloud's or an account's graph. */
  public static String fileStem(String cloud, String account) {
    String stem = account == null ? cloud : cloud + "-" + account;
    return stem.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Streams the NDJSON the core's merge endpoint takes: the graph's lines, then the carried ones. */
  public long writeNdjson(OutputStream out) throws IOException {
    return NdjsonWriter.write(graph, out, replaceNodeIds, exportedAt, carried.nodeLines(), carried.edgeLines());
  }

  /** Nodes written: the graph's and the carried ones. */
  public long nodeCount() {
    return graph.nodeCount() + carried.nodeLines().size();
  }

  /** Edges written: the graph's, its deferred ones, and the carried ones. */
  public long edgeCount() {
    return graph.edgeCount() + graph.deferredEdges().size() + carried.edgeLines().size();
  }
}
