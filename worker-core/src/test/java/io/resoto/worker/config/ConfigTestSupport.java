package io.resoto.worker.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared loader and helpers for the config tests. */
final class ConfigTestSupport {

  static final ConfigLoader LOADER = new ConfigLoader(sections());

  private ConfigTestSupport() {}

  static Map<String, Class<? extends Record>> sections() {
    Map<String, Class<? extends Record>> sections = new LinkedHashMap<>();
    sections.put("resotoworker", ResotoWorkerConfig.class);
    sections.put("example", ExampleSection.class);
    return sections;
  }

  static LoadedConfig load(String yaml) throws ConfigException {
    return LOADER.load(yaml, "config.yaml", Map.of(), List.of());
  }

  static LoadedConfig load(String yaml, Map<String, String> env, String... overrides)
      throws ConfigException {
    return LOADER.load(yaml, "config.yaml", env, List.of(overrides));
  }

  /** The problems, formatted, of a load that must fail. */
  static List<String> problems(String yaml, Map<String, String> env, String... overrides) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(
            () -> {
              try {
                load(yaml, env, overrides);
              } catch (ConfigException e) {
                caught[0] = e;
                throw e;
              }
            })
        .isInstanceOf(ConfigException.class);
    return caught[0].problems().stream().map(ConfigProblem::toString).toList();
  }

  static List<String> problems(String yaml) {
    return problems(yaml, Map.of());
  }
}
