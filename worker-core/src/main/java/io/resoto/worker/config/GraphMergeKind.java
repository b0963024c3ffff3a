package io.resoto.worker.config;

/**
 * How the core merges a collected graph into the stored one; written in YAML in lower case
 * ({@code account}, {@code cloud}).
 */
public enum GraphMergeKind {
  /** Each account's subgraph replaces the stored subgraph of that account. */
  ACCOUNT,
  /** The whole cloud's subgraph replaces the stored subgraph of that cloud. */
  CLOUD
}
