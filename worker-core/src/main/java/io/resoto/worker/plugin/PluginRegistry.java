package io.resoto.worker.plugin;

import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.spi.CollectorPlugin;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The collector plugins on the class path, found with {@link ServiceLoader}. Each run gets fresh
 * instances from {@link #create}.
 */
public final class PluginRegistry {

  private final Map<String, Class<? extends CollectorPlugin<?>>> types;
  private final Map<String, CollectorPlugin<?>> prototypes;

  private PluginRegistry(Map<String, CollectorPlugin<?>> prototypes) {
    this.prototypes = Collections.unmodifiableMap(new TreeMap<>(prototypes));
    Map<String, Class<? extends CollectorPlugin<?>>> t = new TreeMap<>();
    prototypes.forEach((name, p) -> t.put(name, pluginClass(p)));
    this.types = Collections.unmodifiableMap(t);
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends CollectorPlugin<?>> pluginClass(CollectorPlugin<?> p) {
    return (Class<? extends CollectorPlugin<?>>) p.getClass();
  }

  /** Every plugin listed under {@code META-INF/services} on the given class loader's path. */
  @SuppressWarnings("rawtypes")
  public static PluginRegistry discover(ClassLoader loader) {
    Map<String, CollectorPlugin<?>> found = new LinkedHashMap<>();
    for (CollectorPlugin plugin : ServiceLoader.load(CollectorPlugin.class, loader)) {
      CollectorPlugin<?> existing = found.putIfAbsent(plugin.name(), plugin);
      if (existing != null && existing.getClass() != plugin.getClass()) {
        throw new IllegalStateException("two collector plugins are named '" + plugin.name() + "': "
            + existing.getClass().getName() + " and " + plugin.getClass().getName());
      }
    }
    return new PluginRegistry(found);
  }

  /** Only the given plugins, for tests and embedding. */
  public static PluginRegistry of(List<CollectorPlugin<?>> plugins) {
    Map<String, CollectorPlugin<?>> map = new LinkedHashMap<>();
    plugins.forEach(p -> map.put(p.name(), p));
    return new PluginRegistry(map);
  }

  /** Plugin names, sorted. */
  public List<String> names() {
    return List.copyOf(types.keySet());
  }

  /** The config sections: {@code resotoworker} first, then one per plugin, by name. */
  public Map<String, Class<? extends Record>> configSections() {
    Map<String, Class<? extends Record>> sections = new LinkedHashMap<>();
    sections.put("resotoworker", ResotoWorkerConfig.class);
    prototypes.forEach((name, p) -> sections.put(name, p.configType()));
    return sections;
  }

  /**
   * A config check that rejects every name in {@code resotoworker.collector} that is not a
   * discovered plugin, listing the known ones.
   */
  public ConfigLoader.SectionCheck collectorCheck() {
    return (name, section, problems) -> {
      if (section instanceof ResotoWorkerConfig worker) {
        List<String> collectors = worker.collector();
        for (int i = 0; collectors != null && i < collectors.size(); i++) {
          if (!types.containsKey(collectors.get(i))) {
            problems.add("collector[" + i + "]", "unknown collector '" + collectors.get(i)
                + "'; known collectors: " + String.join(", ", names()));
          }
        }
      }
    };
  }

  /** A config loader for these plugins' sections that also checks the collector names. */
  public ConfigLoader configLoader() {
    return new ConfigLoader(configSections(), collectorCheck());
  }

  /** A new, uninitialised instance of the named plugin. */
  public CollectorPlugin<?> create(String name) {
    Class<? extends CollectorPlugin<?>> type = types.get(name);
    if (type == null) {
      throw new IllegalArgumentException("unknown collector '" + name + "'; known collectors: " + String.join(", ", names()));
    }
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("collector " + name + " could not be created: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("collector " + name + " could not be created: " + e, e);
    }
  }

  /**
   * Fresh instances of the configured collectors, in config order, each once; none when {@code
   * collector} is not set (the run chooses them by auto-enabling, see {@link #createAll}).
   */
  public List<CollectorPlugin<?>> createConfigured(ResotoWorkerConfig worker) {
    return worker.collector() == null ? List.of() : createAll(worker.collector());
  }

  /**
   * Fresh instances of the named collectors, in the given order, each once. A plugin whose
   * constructor throws is replaced by one that fails in init with that error (and never
   * auto-enables), so it is reported like any other plugin failure and the others still run.
   */
  public List<CollectorPlugin<?>> createAll(List<String> names) {
    List<CollectorPlugin<?>> created = new ArrayList<>();
    for (String name : names.stream().distinct().toList()) {
      try {
        created.add(create(name));
      } catch (RuntimeException e) {
        created.add(new Unavailable(prototypes.get(name), e));
      }
    }
    return created;
  }

  /** Stands in for a plugin that could not be created. */
  private static final class Unavailable implements CollectorPlugin<Record> {
    private final CollectorPlugin<?> prototype;
    private final RuntimeException failure;

    Unavailable(CollectorPlugin<?> prototype, RuntimeException failure) {
      this.prototype = prototype;
      this.failure = failure;
    }

    @Override
    public String name() {
      return prototype.name();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Record> configType() {
      return (Class<Record>) prototype.configType();
    }

    @Override
    public List<io.resoto.worker.graph.ModelKind> kinds() {
      return prototype.kinds();
    }

    @Override
    public boolean autoEnable(Record config, java.time.Duration timeout) {
      throw failure;
    }

    @Override
    public void init(Record config) {
      throw failure;
    }

    @Override
    public void collect(io.resoto.worker.spi.CollectContext context) {
      throw new IllegalStateException("not initialised");
    }

    @Override
    public void close() {}
  }
}
