package io.resoto.worker.aws.engine;

import io.resoto.worker.graph.ComplexKind;
import java.util.List;
import java.util.Optional;

/**
 * The declaration of one AWS resource kind: its name, where it is collected, the service it calls
 * (which scopes its concurrency cap, its request rate and its errors), its model, and how to list
 * and map it. Fan-out over accounts and regions is the engine's: {@link #collect} is called once
 * per account for {@link Scope#GLOBAL} kinds and once per account and region for
 * {@link Scope#REGIONAL} ones, and only lists, maps and adds.
 *
 * <p>Implementations are stateless (one instance serves every account and region at once) and
 * throw on failure: the engine classifies and records the error for this (region, kind) and goes
 * on.
 */
public interface AwsKind {

  /** Where a kind is collected. */
  enum Scope {
    /** Once per account, under the account's "global" region node. */
    GLOBAL,
    /** Once per account and collected region. */
    REGIONAL,
    /**
     * Built by the engine itself (account, region). Its {@link #collect} runs once per account in
     * the account's global region, whatever the collect/no_collect globs say (the node is always
     * there), to add what only API calls tell ({@link KindContext#addAccountProperties}).
     */
    ENGINE
  }

  /** The kind name, e.g. {@code aws_ec2_instance}; what collect/no_collect globs match. */
  String name();

  /** Where the kind is collected. */
  Scope scope();

  /**
   * The AWS service name as in the config's per-service keys (e.g. {@code ec2}, {@code iam},
   * {@code organizations}): the key of the per "region:service" task cap.
   */
  String service();

  /** The model kind: bases, properties with descriptions, successor kinds. */
  ComplexKind model();

  /**
   * Lists the kind with the SDK's paginators, maps each item to a node and adds it (and its
   * edges, by target identity) to {@code ctx}. Throws on failure; never retries (the SDK client
   * does).
   */
  void collect(KindContext ctx) throws Exception;

  /**
   * The API operations {@link #collect} calls, as {@code service:Operation} with the operation
   * named as in the API (e.g. {@code sqs:ListQueues}; IAM action names differ for some S3
   * operations), the engine's usage-metric and price-list calls for the kind included: what the
   * coverage page lists. A test collects every kind alone against the demo estate and compares the
   * calls the simulator saw with this list.
   */
  default List<String> apiCalls() {
    return List.of();
  }

  /**
   * Whether the engine adds the default edge region to node. Kinds that hang their nodes under
   * another node of theirs return false; a node nothing points to is still attached to its region,
   * so a graph never gets a second root.
   */
  default boolean attachToRegion() {
    return true;
  }

  /**
   * How this kind's tags are changed (the core's tag tasks), when AWS and the original collector
   * offer tag calls for it; empty for kinds whose tags cannot be changed (the worker then refuses
   * their tag tasks with a clear message).
   */
  default Optional<TagSupport> tagSupport() {
    return Optional.empty();
  }
}
