package io.resoto.worker.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.graph.Model;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's config document in the core (reference §2.4): fetched at start and on every
 * {@code config-updated} event; at start the config model is registered ({@code PATCH
 * /configs/model}) and the document is completed with the defaults of keys it lacks and stored
 * back ({@code PUT /config/{id}}).
 *
 * <p>The core's document becomes a layer of the config (see {@link ConfigLoader#load(String,
 * String, java.nio.file.Path, Map, List)}), after three adjustments: sections of plugins this
 * worker does not have are skipped, keys a section does not know are dropped with a warning (the
 * original worker drops them too), and a value with a {@code $(VAR)} the worker's environment
 * cannot resolve is dropped with a warning, so its default applies (as in the original).
 */
public final class CoreConfigStore {

  private static final Logger log = LoggerFactory.getLogger(CoreConfigStore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\((\\w+)\\)");

  /**
   * The config as fetched.
   *
   * @param layer the document as the loader reads it (local section names, adjusted), JSON text
   * @param raw the stored document ({@code raw_config}), core section names
   * @param revision the config's revision, or null when the core has none
   * @param found false when the core has no config for this worker yet
   */
  public record Fetched(String layer, ObjectNode raw, String revision, boolean found) {}

  private final CoreClient client;
  private final CoreFlavor flavor;
  private final ConfigLoader loader;
  private final Map<String, String> environment;

  CoreConfigStore(CoreClient client, ConfigLoader loader, Map<String, String> environment) {
    this.client = client;
    this.flavor = client.options().flavor();
    this.loader = loader;
    this.environment = environment;
  }

  private String configPath() {
    return "/config/" + URLEncoder.encode(client.options().configId(), StandardCharsets.UTF_8);
  }

  /** The name of the core layer in config sources and problems. */
  String layerName() {
    return "core config " + client.options().configId();
  }

  /** No document: the layer holds only the flavor's graph name. */
  Fetched empty() {
    return new Fetched(layer(JSON.createObjectNode()), JSON.createObjectNode(), null, false);
  }

  /** Reads the document; a 404 or an empty one means "none yet". Other failures throw. */
  public Fetched fetch() throws IOException, InterruptedException {
    HttpRequest request = client.request(configPath()
            + "?separate_overrides=true&apply_overrides=true&resolve_env_vars=true&include_raw_config=true")
        .header("Accept", "application/json").GET().build();
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() == 404) {
      return new Fetched(layer(JSON.createObjectNode()), JSON.createObjectNode(), null, false);
    }
    if (r.statusCode() != 200) {
      throw new IOException("reading config " + client.options().configId() + " from the core: HTTP "
          + r.statusCode() + CoreClient.statusHint(r.statusCode()));
    }
    JsonNode body = JSON.readTree(r.body());
    JsonNode config = body.has("config") ? body.get("config") : body;
    JsonNode raw = body.has("raw_config") && body.get("raw_config").isObject() ? body.get("raw_config") : config;
    if (config == null || !config.isObject() || config.isEmpty()) {
      return new Fetched(layer(JSON.createObjectNode()), JSON.createObjectNode(), null, false);
    }
    String revision = r.headers().firstValue(flavor.configRevisionHeader()).orElse(null);
    return new Fetched(layer((ObjectNode) config), ((ObjectNode) raw).deepCopy(), revision, true);
  }

  /** The core's document adjusted for the loader, as JSON text. */
  private String layer(ObjectNode config) {
    ObjectNode layer = JSON.createObjectNode();
    // the flavor's graph name is the default the core layer brings along
    layer.putObject(ConfigLoader.WORKER_SECTION).put("graph", flavor.defaultGraph());
    List<String> skippedSections = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      String local = flavor.fromCore(section.getKey());
      List<String> keys = loader.keys(local);
      if (keys.isEmpty() || (local.equals(ConfigLoader.WORKER_SECTION) != section.getKey().equals(flavor.workerSection()))) {
        skippedSections.add(section.getKey());
        continue;
      }
      if (!section.getValue().isObject()) {
        log.warn("{}: section {} is not an object; ignored", layerName(), section.getKey());
        continue;
      }
      ObjectNode target = layer.has(local) ? (ObjectNode) layer.get(local) : layer.putObject(local);
      for (Iterator<Map.Entry<String, JsonNode>> kv = section.getValue().fields(); kv.hasNext(); ) {
        Map.Entry<String, JsonNode> e = kv.next();
        String path = section.getKey() + "." + e.getKey();
        if (!keys.contains(e.getKey())) {
          log.warn("{}: {} is not a key this worker knows; ignored", layerName(), path);
          continue;
        }
        String unresolved = unresolved(e.getValue());
        if (unresolved != null) {
          log.warn("{}: {} uses $({}), which is not set in the worker's environment; the value is ignored",
              layerName(), path, unresolved);
          continue;
        }
        target.set(e.getKey(), e.getValue());
      }
    }
    if (!skippedSections.isEmpty()) {
      log.info("{}: sections {} are not used by this worker (no such plugin installed)", layerName(), skippedSections);
    }
    return layer.toString();
  }

  private String unresolved(JsonNode value) {
    if (value.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(value.asText());
      while (m.find()) {
        if (!environment.containsKey(m.group(1))) {
          return m.group(1);
        }
      }
      return null;
    }
    for (JsonNode child : value) {
      String u = unresolved(child);
      if (u != null) {
        return u;
      }
    }
    if (value.isObject()) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String u = unresolved(JSON.getNodeFactory().textNode(names.next()));
        if (u != null) {
          return u;
        }
      }
    }
    return null;
  }

  /**
   * Registers the config model and stores the document completed with defaults (reference §2.4
   * step 5). Failures are logged, not fatal, as in the original. Returns the stored revision, or
   * the fetched one when storing failed.
   */
  public String register(Fetched fetched) throws InterruptedException {
    try {
      ByteArrayOutputStream model = new ByteArrayOutputStream();
      new Model(loader.configModel(flavor::toCore)).writeJson(model);
      HttpResponse<String> r = client.send(client.request("/configs/model")
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(model.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        log.error("the core refused the config model of {} (HTTP {}{}): {}", client.options().configId(),
            r.statusCode(), CoreClient.statusHint(r.statusCode()), brief(r.body()));
      }
    } catch (IOException e) {
      log.error("registering the config model in the core failed: {}", CoreClient.describe(e));
    }
    ObjectNode merged = completed(fetched.raw());
    if (fetched.found() && merged.equals(fetched.raw())) {
      return fetched.revision();
    }
    try {
      HttpResponse<String> r = client.send(client.request(configPath())
          .header("Content-Type", "application/json").header("Accept", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(merged.toString())).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        log.error("the core refused to store config {} (HTTP {}{}): {}", client.options().configId(),
            r.statusCode(), CoreClient.statusHint(r.statusCode()), brief(r.body()));
        return fetched.revision();
      }
      log.info("{} config {} in the core{}", fetched.found() ? "completed" : "created",
          client.options().configId(), fetched.found() ? " with the defaults of keys it lacked" : " from the defaults");
      return r.headers().firstValue(flavor.configRevisionHeader()).orElse(fetched.revision());
    } catch (IOException e) {
      log.error("storing config {} in the core failed: {}", client.options().configId(), CoreClient.describe(e));
      return fetched.revision();
    }
  }

  /**
   * The defaults with the stored document on top: known keys of known sections from the stored
   * document, unknown keys of known sections dropped, sections of plugins this worker does not
   * have kept as they are.
   */
  ObjectNode completed(ObjectNode raw) {
    ObjectNode doc = JSON.createObjectNode();
    loader.defaultValues().forEach((local, values) -> doc.set(flavor.toCore(local), JSON.valueToTree(values)));
    ((ObjectNode) doc.get(flavor.workerSection())).put("graph", flavor.defaultGraph());
    for (Iterator<Map.Entry<String, JsonNode>> it = raw.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      String local = flavor.fromCore(section.getKey());
      List<String> keys = loader.keys(local);
      boolean known = !keys.isEmpty() && doc.has(section.getKey());
      if (!known) {
        doc.set(section.getKey(), section.getValue());
        continue;
      }
      if (!section.getValue().isObject()) {
        continue;
      }
      ObjectNode target = (ObjectNode) doc.get(section.getKey());
      section.getValue().fields().forEachRemaining(e -> {
        if (keys.contains(e.getKey())) {
          target.set(e.getKey(), e.getValue());
        }
      });
    }
    return doc;
  }

  private static String brief(String body) {
    String b = body == null ? "" : body.strip().replace('\n', ' ');
    return b.length() > 300 ? b.substring(0, 300) + "..." : b;
  }
}
