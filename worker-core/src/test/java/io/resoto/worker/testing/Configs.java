package io.resoto.worker.testing;

import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;

/** Builds configs for tests from YAML text. */
public final class Configs {

  public static final PluginRegistry REGISTRY = PluginRegistry.discover(Configs.class.getClassLoader());

  private Configs() {}

  public static LoadedConfig load(String yaml) {
    try {
      return new ConfigLoader(REGISTRY.configSections()).load(yaml, "test.yaml", Map.of(), List.of());
    } catch (Exception e) {
      throw new AssertionError("test config is invalid: " + e.getMessage(), e);
    }
  }
}
