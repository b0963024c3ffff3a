package io.resoto.worker.app;

import io.resoto.worker.cli.WorkerCli;
import io.resoto.worker.plugin.PluginRegistry;
import java.util.Map;

/** {@code java -jar worker.jar}: the worker with every plugin on the class path, and {@code demo}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    WorkerCli.installSignalHandlers();
    Map<String, String> env = System.getenv();
    PluginRegistry registry = PluginRegistry.discover(Main.class.getClassLoader());
    System.exit(WorkerCli.run(args, env, registry, null, null,
        Map.of("demo", new DemoCommand(env, registry))));
  }
}
