package io.resoto.worker.core.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.spi.CollectorPlugin;
import io.resoto.worker.spi.TagTarget;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The core's {@code tag} task: {@code {"update": {key: value}, "node": {...}}} or {@code
 * {"delete": [key], "node": {...}}}, where the node is the core's JSON of one resource with its
 * ancestors. Changes the tags in the cloud through the plugin of the node's cloud ({@link
 * CollectorPlugin#deleteTag} for each key to delete, then {@link CollectorPlugin#updateTag} for
 * each key to set, as the original worker does) and answers the node with its tags changed, under
 * the same {@code id}, so the core patches its node right away.
 *
 * <p>One handler serves every cloud: its filter lists them all ({@code {"cloud": ["aws", ...]}}).
 * The original registers one handler per collector instead, each with one cloud; the core routes
 * a task to a worker whose filter lists the task's cloud either way, and one entry per task name
 * keeps the core's CLI alias for {@code tag} unique. The clouds are the collectors of {@code
 * resotoworker.collector} that {@linkplain CollectorPlugin#supportsTags support tags}, or, while
 * it is not set (collectors auto-enabled per run), every installed one that does; the queue reads
 * them when it connects, so a changed collector list is announced at the next connect and checked
 * on every task.
 *
 * <p>Each task gets a new plugin instance ({@link CollectorPlugin#init} with the config in force,
 * the tag calls, {@link CollectorPlugin#close}), so tasks run in parallel with each other and with
 * collect runs without sharing anything. Failures are exceptions whose message is the task's error:
 * a malformed task, a node the core sent without kind, id or cloud, a protected node, a cloud no
 * collector here tags, a plugin that refuses, the cloud's error.
 */
public final class TagTaskHandler implements TaskHandler {

  /** The task name. */
  public static final String NAME = "tag";

  private static final Logger log = LoggerFactory.getLogger(TagTaskHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PluginRegistry registry;
  private final Supplier<LoadedConfig> config;
  private final Set<String> taggable;

  /**
   * A handler for the installed plugins that support tags.
   *
   * @param config the config in force, read for each task and each filter
   */
  public TagTaskHandler(PluginRegistry registry, Supplier<LoadedConfig> config) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.config = Objects.requireNonNull(config, "config");
    Set<String> names = new TreeSet<>();
    for (String name : registry.names()) {
      try {
        if (registry.create(name).supportsTags()) {
          names.add(name);
        }
      } catch (RuntimeException e) {
        // a collector that cannot even be created cannot tag; its runs report why
        log.debug("collector {} could not be created to ask whether it tags", name, e);
      }
    }
    this.taggable = Set.copyOf(names);
  }

  /**
   * The task handlers of a worker with these plugins: the tag handler when at least one installed
   * plugin supports tags, else none. The one place the worker's handlers are built.
   */
  public static List<TaskHandler> forWorker(PluginRegistry registry, Supplier<LoadedConfig> config) {
    TagTaskHandler tag = new TagTaskHandler(registry, config);
    return tag.taggable.isEmpty() ? List.of() : List.of(tag);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Update or delete tags of resources in their cloud: tag update KEY VALUE, tag delete KEY";
  }

  @Override
  public Map<String, List<String>> filter() {
    return Map.of("cloud", clouds());
  }

  @Override
  public boolean expectNodeResult() {
    return true;
  }

  /**
   * The clouds whose tags this worker changes now: the configured collectors that support tags,
   * in config order, or every installed one that does (sorted) while {@code collector} is not set.
   */
  public List<String> clouds() {
    List<String> configured = config.get().worker().collector();
    if (configured == null) {
      return List.copyOf(new TreeSet<>(taggable));
    }
    return configured.stream().distinct().filter(taggable::contains).toList();
  }

  @Override
  public JsonNode handle(JsonNode data) throws Exception {
    Task task = parse(data);
    Map<String, String> previousMdc = MDC.getCopyOfContextMap();
    put("plugin", task.cloud);
    put("account", task.target.accountId());
    put("region", task.target.regionId());
    put("kind", task.target.kind());
    try {
      return run(task);
    } finally {
      if (previousMdc == null) {
        MDC.clear();
      } else {
        MDC.setContextMap(previousMdc);
      }
    }
  }

  private static void put(String key, String value) {
    if (value != null) {
      MDC.put(key, value);
    }
  }

  private JsonNode run(Task task) throws Exception {
    String what = task.target.describe();
    List<String> clouds = clouds();
    if (!clouds.contains(task.cloud)) {
      throw new IllegalStateException("cannot tag " + what + ": no collector of this worker tags resources of cloud '"
          + task.cloud + "' (" + (clouds.isEmpty() ? "none does" : "collectors that tag: " + String.join(", ", clouds))
          + (taggable.contains(task.cloud) ? "; add it to resotoworker.collector" : "") + ")");
    }
    LoadedConfig loaded = config.get();
    CollectorPlugin<?> plugin = registry.create(task.cloud);
    Map<String, String> tags = new LinkedHashMap<>(task.target.tags());
    List<String> done = new ArrayList<>();
    try {
      Session<?> session = Session.start(plugin, loaded, what);
      for (String key : task.delete) {
        session.delete(task.target, key, done);
        tags.remove(key);
        done.add("deleted '" + key + "'");
      }
      for (Map.Entry<String, String> e : task.update.entrySet()) {
        session.update(task.target, e.getKey(), e.getValue(), done);
        tags.put(e.getKey(), e.getValue());
        done.add("set '" + e.getKey() + "'");
      }
    } finally {
      try {
        plugin.close();
      } catch (RuntimeException e) {
        log.debug("closing collector {} after a tag task failed", task.cloud, e);
      }
    }
    log.info("tags of {} changed: {}", what, String.join(", ", done));
    return answer(task.node, tags);
  }

  /** The node as the core sent it, with the new tags. */
  private static JsonNode answer(ObjectNode node, Map<String, String> tags) {
    ObjectNode copy = node.deepCopy();
    ObjectNode tagsJson = ((ObjectNode) copy.get("reported")).putObject("tags");
    tags.forEach(tagsJson::put);
    return copy;
  }

  /** One plugin instance, initialised for one task, typed by its config. */
  private record Session<C extends Record>(CollectorPlugin<C> plugin, C config, String what) {

    static <C extends Record> Session<C> start(CollectorPlugin<C> plugin, LoadedConfig loaded, String what) {
      C section = loaded.section(plugin.name(), plugin.configType());
      try {
        plugin.init(section);
      } catch (Exception e) {
        throw new IllegalStateException("cannot tag " + what + ": collector " + plugin.name()
            + " did not start: " + message(e), e);
      }
      return new Session<>(plugin, section, what);
    }

    void delete(TagTarget target, String key, List<String> done) {
      try {
        plugin.deleteTag(config, target, key);
      } catch (Exception e) {
        throw failure("deleting tag '" + key + "'", e, done);
      }
    }

    void update(TagTarget target, String key, String value, List<String> done) {
      try {
        plugin.updateTag(config, target, key, value);
      } catch (Exception e) {
        throw failure("setting tag '" + key + "'", e, done);
      }
    }

    private IllegalStateException failure(String action, Exception e, List<String> done) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String already = done.isEmpty() ? "" : " (already done: " + String.join(", ", done) + ")";
      log.warn("{} of {} failed: {}{}", action, what, message(e), already);
      return new IllegalStateException(action + " of " + what + " failed: " + message(e) + already, e);
    }
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** A parsed tag task. */
  private record Task(ObjectNode node, String cloud, TagTarget target, List<String> delete, Map<String, String> update) {}

  /** Checks the task's shape and reads what the plugin needs from the node. */
  static Task parse(JsonNode data) {
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("tag task: data is not a JSON object");
    }
    JsonNode nodeJson = data.get("node");
    if (nodeJson == null || !nodeJson.isObject()) {
      throw new IllegalArgumentException("tag task without a node: data.node must be the resource's node JSON");
    }
    ObjectNode node = (ObjectNode) nodeJson;
    List<String> delete = deleteKeys(data.get("delete"));
    Map<String, String> update = updates(data.get("update"));
    if (delete.isEmpty() && update.isEmpty()) {
      throw new IllegalArgumentException("tag task with neither update nor delete: nothing to do");
    }
    JsonNode reported = node.get("reported");
    if (reported == null || !reported.isObject()) {
      throw new IllegalArgumentException("tag task: the node has no reported section" + nodeId(node));
    }
    String kind = text(reported.get("kind"));
    String id = text(reported.get("id"));
    if (kind == null || id == null) {
      throw new IllegalArgumentException("tag task: the node has no " + (kind == null ? "reported.kind" : "reported.id")
          + nodeId(node));
    }
    String what = kind + " " + id;
    String cloud = ancestor(node, "cloud");
    if (cloud == null) {
      throw new IllegalArgumentException("cannot tag " + what + ": the node has no cloud ancestor"
          + " (ancestors.cloud.reported.id)");
    }
    JsonNode metadata = node.get("metadata");
    if (metadata != null && metadata.path("protected").asBoolean(false)) {
      throw new IllegalStateException("cannot tag " + what + ": the resource is protected");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = JSON.convertValue(reported, Map.class);
    TagTarget target = new TagTarget(kind, id, text(reported.get("name")), text(reported.get("arn")),
        ancestor(node, "account"), ancestor(node, "region"), ancestor(node, "zone"), tags(reported.get("tags")),
        properties);
    return new Task(node, cloud, target, delete, update);
  }

  private static List<String> deleteKeys(JsonNode delete) {
    if (delete == null || delete.isNull()) {
      return List.of();
    }
    if (!delete.isArray()) {
      throw new IllegalArgumentException("tag task: delete must be a list of tag keys");
    }
    List<String> keys = new ArrayList<>();
    for (JsonNode k : delete) {
      String key = k.isTextual() ? k.asText() : null;
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("tag task: delete holds " + k + ", not a tag key");
      }
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static Map<String, String> updates(JsonNode update) {
    if (update == null || update.isNull()) {
      return Map.of();
    }
    if (!update.isObject()) {
      throw new IllegalArgumentException("tag task: update must be an object of tag keys and values");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().isEmpty()) {
        throw new IllegalArgumentException("tag task: update holds an empty tag key");
      }
      JsonNode v = e.getValue();
      if (v.isContainerNode()) {
        throw new IllegalArgumentException("tag task: the value of tag '" + e.getKey() + "' is " + v
            + ", not a text");
      }
      // The core sends null for a key given without a value; clouds store such a key with "".
      values.put(e.getKey(), v.isNull() ? "" : v.asText());
    }
    return values;
  }

  private static Map<String, String> tags(JsonNode tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null && tags.isObject()) {
      tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    }
    return out;
  }

  private static String ancestor(JsonNode node, String which) {
    return text(node.path("ancestors").path(which).path("reported").get("id"));
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  private static String nodeId(JsonNode node) {
    String id = text(node.get("id"));
    return id == null ? "" : " (node " + id + ")";
  }
}
