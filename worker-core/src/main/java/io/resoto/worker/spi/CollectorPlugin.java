package io.resoto.worker.spi;

import io.resoto.worker.graph.ModelKind;
import java.time.Duration;
import java.util.List;

/**
 * A collector plugin: the contract between the worker and one cloud's collector.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.resoto.worker.spi.CollectorPlugin}. It needs a public no-argument
 * constructor. The worker creates a <em>new instance for every collect run</em> and calls, on one
 * thread of the run's collector pool:
 *
 * <ol>
 *   <li>{@link #init} with the run's config snapshot (config changes apply from the next run);
 *   <li>{@link #collect}, only if {@code init} returned normally;
 *   <li>{@link #close}, always, even when {@code init} or {@code collect} threw or the run timed out.
 * </ol>
 *
 * <p>{@link #name}, {@link #configType} and {@link #kinds} may be called at any time, on any
 * thread, on an instance that was never initialised (for discovery, config validation and the
 * model), so they must be constant and cheap.
 *
 * <p>When {@code resotoworker.collector} is not set, each run first calls {@link #autoEnable} on
 * an instance of its own, which is then dropped: the instance that collects is another one.
 *
 * <p>A collector that can change tags ({@link #supportsTags}) also gets the core's {@code tag}
 * tasks, at any time, also while a run collects, several at once. Each task has an instance of
 * its own, never one a run collects with: {@link #init} with the config in force when the task
 * arrives, then {@link #deleteTag} for each key to delete and {@link #updateTag} for each key to
 * set, in that order, on one thread, then {@link #close}.
 *
 * <p>A plugin that throws is reported in the run summary and the logs; it never stops the other
 * plugins of the run, nor the worker.
 *
 * @param <C> the record type of the plugin's config section
 */
public interface CollectorPlugin<C extends Record> {

  /**
   * The plugin's name: the cloud id of its graph (the {@code cloud} node's id), the name listed in
   * {@code resotoworker.collector}, and its config section's key. Lower case, for example
   * {@code aws}.
   */
  String name();

  /**
   * The record type of this plugin's config section. The worker binds the YAML section named
   * {@link #name()} to it; the record's public static final {@code DEFAULTS} field holds its
   * defaults, its components may carry {@link Doc}, and it may implement {@link ValidatedConfig}.
   */
  Class<C> configType();

  /**
   * The model kinds this plugin's nodes use, beyond the worker's base kinds (resource, account,
   * region, instance, ...). Every node kind a plugin emits must be in the base model or here; the
   * worker sends the union to the core before any graph and rejects graphs with unknown kinds.
   */
  List<ModelKind> kinds();

  /**
   * Says whether this collector should run when the operator did not choose the collectors: the
   * worker's default ({@code resotoworker.collector} not set) runs every installed collector that
   * answers true, as the original worker's {@code auto_enableable()} did. A collector answers true
   * when its credentials work (the AWS collector: {@code sts:GetCallerIdentity} succeeds); one
   * that needs no credentials, like a demo collector, keeps the default: false.
   *
   * <p>When: at the start of every collect run while {@code collector} is not set, before any
   * {@link #init}, for every installed collector in parallel, on a thread of its own, on a fresh
   * instance on which nothing else is called afterwards (not {@link #init}, {@link #collect} nor
   * {@link #close}): release whatever this method builds before it returns.
   *
   * <p>It may call the network, but must return within {@code timeout} (the worker's budget for
   * all collectors together, 10 s): the worker does not wait longer, counts a late answer as
   * false and interrupts the thread. It must not throw: on any failure it returns false and logs
   * the details at DEBUG, never a secret (it may add one INFO line saying why it is not enabled,
   * as the AWS collector does; the worker logs which collectors were enabled). An exception is
   * counted as false too.
   *
   * @param config the plugin's config section as it is when the run starts
   * @param timeout how long the answer may take at most
   * @return true to collect with this plugin in this run
   */
  default boolean autoEnable(C config, Duration timeout) {
    return false;
  }

  /**
   * Prepares one collect run, or one tag task: checks the config, builds clients. Runs once per
   * instance, before {@link #collect} or the tag calls. Must not touch the network (the worker may
   * call it while the cloud is unreachable, and a slow init would eat into the run's timeout).
   * Throwing fails this plugin for this run (or this task) only; the message is shown to the
   * operator, so make it say what to fix.
   *
   * @param config the plugin's config section as it was when the run started (or the task arrived)
   */
  void init(C config) throws Exception;

  /**
   * Collects everything. Runs once per run, after a successful {@link #init}, on a thread of its
   * own. Hand each account's graph to {@link CollectContext#submit} as soon as the account is
   * done (the worker delivers it right away, so memory holds only unfinished accounts); report
   * scoped failures (a region denied, a service erroring) with {@link CollectContext#error} and go
   * on. Return normally when done; throw only when nothing more can be collected. Stop early when
   * {@link CollectContext#isCancelled()} turns true or the thread is interrupted (run timeout or
   * shutdown): anything submitted after that is discarded.
   */
  void collect(CollectContext context) throws Exception;

  /**
   * Says whether this collector can change tags of the resources it collects: the worker takes
   * the core's {@code tag} tasks for a collector only when it answers true (and then calls {@link
   * #updateTag} and {@link #deleteTag}). Like {@link #name}: called at any time, on an instance
   * that was never initialised; constant and cheap.
   */
  default boolean supportsTags() {
    return false;
  }

  /**
   * Sets one tag of one resource in the cloud: the core's {@code tag update KEY VALUE}. Setting a
   * key the resource already has replaces its value; the other tags stay as they are.
   *
   * <p>When: for a {@code tag} task of this plugin's cloud, at any time, also while a run
   * collects, on an instance of the task's own that {@link #init} prepared with the config in force
   * when the task arrived; the instance is closed after the task. Several tasks run at once, each
   * on its own instance and thread. The core waits 30 s for the answer, so do not wait longer than
   * that. Credentials are the plugin's business: those it would collect the resource's account
   * with.
   *
   * @param config the plugin's config section, the one {@link #init} got
   * @param target the resource, as the core's node describes it
   * @param key the tag's key, never null or empty
   * @param value the tag's value, never null: a key the core sent without a value arrives as the
   *     empty string (what AWS, Azure and Google Cloud store for a key without a value)
   * @throws UnsupportedOperationException when this plugin, or this kind of resource, cannot be
   *     tagged (the default)
   * @throws Exception when the cloud refuses: the message is the task's error the user sees, so
   *     make it say what failed and why (an API's error code and message), without secrets
   */
  default void updateTag(C config, TagTarget target, String key, String value) throws Exception {
    throw new UnsupportedOperationException("the " + name() + " collector cannot change tags");
  }

  /**
   * Removes one tag of one resource in the cloud: the core's {@code tag delete KEY}. Removing a
   * key the resource does not have is not an error. Runs as {@link #updateTag} says, before the
   * task's updates.
   *
   * @param config the plugin's config section, the one {@link #init} got
   * @param target the resource, as the core's node describes it
   * @param key the tag's key, never null or empty
   * @throws UnsupportedOperationException when this plugin, or this kind of resource, cannot be
   *     tagged (the default)
   * @throws Exception when the cloud refuses, as {@link #updateTag} says
   */
  default void deleteTag(C config, TagTarget target, String key) throws Exception {
    throw new UnsupportedOperationException("the " + name() + " collector cannot change tags");
  }

  /**
   * Releases what {@link #init} built (clients, thread pools). Always called once per instance
   * that a run collects with or a tag task used, last, even after a failure or a timeout (never on
   * an instance that only answered {@link #autoEnable}). Must not throw.
   */
  void close();
}
