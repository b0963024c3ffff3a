package io.resoto.worker.core.tasks;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * The task handlers the worker announces to the core: {@code tag} when an installed collector
 * supports tags ({@link TagTaskHandler#forWorker}). A further handler is wired in here, with one
 * more element in the returned list.
 */
public final class WorkerTaskHandlers implements TaskHandlerFactory {

  /** The factory the command line uses. */
  public static final TaskHandlerFactory INSTALLED = new WorkerTaskHandlers();

  private WorkerTaskHandlers() {}

  @Override
  public List<TaskHandler> create(PluginRegistry registry, Supplier<LoadedConfig> config) {
    return TagTaskHandler.forWorker(registry, config);
  }
}
