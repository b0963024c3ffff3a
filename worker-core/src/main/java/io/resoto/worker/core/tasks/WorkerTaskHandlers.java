package io.resoto.worker.core.tasks;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * The task handlers the worker announces to the core. This is where a handler is wired in: the
 * {@code tag} handler becomes one line here, e.g.
 * {@code return List.of(new TagTaskHandler(registry, config));}.
 */
public final class WorkerTaskHandlers implements TaskHandlerFactory {

  /** The factory the command line uses. */
  public static final TaskHandlerFactory INSTALLED = new WorkerTaskHandlers();

  private WorkerTaskHandlers() {}

  @Override
  public List<TaskHandler> create(PluginRegistry registry, Supplier<LoadedConfig> config) {
    return List.of();
  }
}
