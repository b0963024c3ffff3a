package io.resoto.worker.core.tasks;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes the task handlers a worker announces on the core's task queue, once per worker start.
 * The handlers may read the config in force when a task comes ({@code config.get()}).
 */
@FunctionalInterface
public interface TaskHandlerFactory {

  /** No handlers: the queue announces an empty list and answers every task with an error. */
  TaskHandlerFactory NONE = (registry, config) -> List.of();

  List<TaskHandler> create(PluginRegistry registry, Supplier<LoadedConfig> config);
}
