package io.resoto.worker.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The events channel (reference §3.4): {@code /events?show=config-updated}. A {@code
 * config-updated} event for the worker's config id is passed on (with its revision); everything
 * else is ignored.
 */
final class EventsChannel extends CoreChannel {


  private final String configId;
  private final Consumer<String> configUpdated;

  EventsChannel(CoreClient client, Clock clock, String configId, Consumer<String> configUpdated) {
    super(client, "events channel", clock);
    this.configId = configId;
    this.configUpdated = configUpdated;
  }

  @Override
  String path() {
    return "/events?show=config-updated";
  }

  @Override
  void onMessage(String text) {
    JsonNode msg = parse(text);
    if (msg == null || !"config-updated".equals(msg.path("message_type").asText())) {
      return;
    }
    JsonNode data = msg.path("data");
    String id = data.has("id") ? data.path("id").asText() : data.path("new").asText(null);
    if (configId.equals(id)) {
      configUpdated.accept(data.path("revision").asText(null));
    }
  }
}
