package io.resoto.worker.spi;

import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
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

  /** When collecting this account started. */
  public Instant startedAt() {
    return startedAt;
  }
}
