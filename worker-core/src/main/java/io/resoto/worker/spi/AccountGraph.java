package io.resoto.worker.spi;

import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One account's graph under construction: the account node is its root, the plugin adds regions,
 * resources and their edges to {@link #graph()}, then submits it with
 * {@link CollectContext#submit}. Not thread-safe: build it on one thread or synchronise.
 */
public final class AccountGraph {

  private Node account;
  private final Graph graph = new Graph();
  private final Instant startedAt;
  private final List<Incomplete> incomplete = new ArrayList<>();

  /**
   * A part of the account this graph lacks or holds only partly because collecting it failed:
   * the nodes of {@code kind} whose {@link Node#region()} is {@code region} (null: any).
   *
   * @param reason what went wrong, for the carried nodes' metadata and the run summary
   */
  public record Incomplete(String region, String kind, String reason) {

    /** Whether a node of this kind and region falls in this part. */
    public boolean covers(String nodeRegion, String nodeKind) {
      return (region == null || region.equals(nodeRegion)) && (kind == null || kind.equals(nodeKind));
    }
  }

  /** Created by {@link CollectContext#newAccountGraph}. */
  public AccountGraph(Node account, Instant startedAt) {
    this.account = Objects.requireNonNull(account, "account");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    graph.add(account);
  }

  /**
   * Replaces the root by a fuller view of the same account (same id, more properties), for
   * account-level data a plugin learns while it collects the account. Its edges stay.
   *
   * @throws IllegalArgumentException if the node is not the same account
   */
  public void replaceAccount(Node account) {
    Objects.requireNonNull(account, "account");
    if (!account.id().equals(this.account.id())) {
      throw new IllegalArgumentException("not the same account: " + account + " replacing " + this.account);
    }
    this.account = account;
    graph.replace(account);
  }

  /** The account node, root of this graph. */
  public Node account() {
    return account;
  }

  /** The graph, holding at least the account node. */
  public Graph graph() {
    return graph;
  }

  /**
   * Says that collecting a part of the account failed, so that the worker carries that part's
   * last good data forward (from the last run that had it) instead of letting it disappear from
   * the sink and the core. Nodes the graph holds are never replaced; only nodes of the part that
   * are missing are added, marked {@code metadata.carried_forward}. Report the failure itself with
   * {@link CollectContext#error} as well.
   *
   * @param region the {@link Node#region()} of the part's nodes, or null for every region
   * @param kind the part's node kind, or null for every kind
   */
  public synchronized void incomplete(String region, String kind, String reason) {
    incomplete.add(new Incomplete(region, kind, Objects.requireNonNull(reason, "reason")));
  }

  /** The parts reported {@link #incomplete}, in the order reported. */
  public synchronized List<Incomplete> incompleteParts() {
    return List.copyOf(incomplete);
  }

  /** When collecting this account started. */
  public Instant startedAt() {
    return startedAt;
  }
}
