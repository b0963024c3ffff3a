package io.resoto.worker.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The effective configuration: one record per section plus where each value came from. Immutable
 * and safe to share between threads.
 */
public final class LoadedConfig {

  private final Map<String, Record> sections;
  private final Map<String, RecordSchema> sectionSchemas;
  private final Map<Class<?>, RecordSchema> schemas;
  private final Map<String, Source> sources;
  private final Path file;
  private final List<String> ignoredEnvironment;

  LoadedConfig(
      Map<String, Record> sections,
      Map<String, RecordSchema> sectionSchemas,
      Map<Class<?>, RecordSchema> schemas,
      Map<String, Source> sources,
      Path file,
      List<String> ignoredEnvironment) {
    this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    this.sectionSchemas = sectionSchemas;
    this.schemas = schemas;
    this.sources = sources;
    this.file = file;
    this.ignoredEnvironment = ignoredEnvironment;
  }

  /** The {@code resotoworker} section. */
  public ResotoWorkerConfig worker() {
    return section(ConfigLoader.WORKER_SECTION, ResotoWorkerConfig.class);
  }

  /**
   * One section.
   *
   * @throws IllegalArgumentException if no section of that name and type was registered
   */
  public <T extends Record> T section(String name, Class<T> type) {
    Record record = sections.get(name);
    if (record == null) {
      throw new IllegalArgumentException("no config section '" + name + "'");
    }
    if (!type.isInstance(record)) {
      throw new IllegalArgumentException(
          "config section '" + name + "' is a " + record.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(record);
  }

  /** All sections, in registration order. */
  public Map<String, Record> sections() {
    return sections;
  }

  /**
   * The effective configuration as YAML that loads back to it, secrets written as {@code
   * "********"}.
   *
   * @param sources if true, each key that is not at its default gets an end-of-line comment naming
   *     its source: {@code # config.yaml:12}, {@code # env RESOTOWORKER_TIMEOUT}, {@code #
   *     --override resotoworker.timeout=60}; map entries and list elements get one when they came
   *     from elsewhere than the rest of their key
   */
  public String toYaml(boolean sources) {
    YamlWriter writer = new YamlWriter(schemas, false, sources ? this.sources : null);
    for (Map.Entry<String, Record> section : sections.entrySet()) {
      RecordSchema schema = sectionSchemas.get(section.getKey());
      List<Object> values = new ArrayList<>();
      List<Object> defaults = schema.defaults() == null ? null : new ArrayList<>();
      for (RecordSchema.Component component : schema.components().values()) {
        values.add(component.get(section.getValue()));
        if (defaults != null) {
          defaults.add(schema.defaultOf(component));
        }
      }
      writer.section(section.getKey(), schema, values, defaults);
    }
    return writer.text();
  }

  /**
   * Where a value came from: {@code "config.yaml:3:5"}, {@code "env RESOTOWORKER_COLLECTOR"},
   * {@code "--override resotoworker.collector=a,b"} or {@code "default"}. A path below a value
   * ({@code "resotoworker.collector[1]"}) answers for itself if it was set on its own, else for the
   * value that contains it. Override values of secret keys show as {@code "********"}.
   */
  public String sourceOf(String path) {
    return ConfigLoader.lookup(sources, path).full();
  }

  /** The config file that was loaded, or null. */
  public Path file() {
    return file;
  }

  /**
   * Names of {@code RESOTOWORKER_*} variables that set no config key, sorted, without Kubernetes
   * service-link variables ({@code *_SERVICE_HOST}, {@code *_PORT}, ...). It includes the variables
   * the CLI reads itself ({@code RESOTOWORKER_PSK}, ...), which the CLI filters out before warning
   * about the rest as likely typos.
   */
  public List<String> ignoredEnvironment() {
    return ignoredEnvironment;
  }
}
