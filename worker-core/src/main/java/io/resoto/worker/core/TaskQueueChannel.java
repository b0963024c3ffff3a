package io.resoto.worker.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.core.tasks.TaskHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The task queue (reference §3.3): holds {@code /work/queue} open; its first frame after each
 * connect announces the handlers (name, description, filter, whether the answer is a node); each
 * task then runs on a pool of 20 threads and is answered {@code done} with the handler's data or
 * {@code error} with its message. A task no handler takes is answered with an error, never left
 * to time out.
 */
final class TaskQueueChannel extends CoreChannel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<TaskHandler> handlers;
  private final ExecutorService pool;

  TaskQueueChannel(CoreClient client, Clock clock, List<TaskHandler> handlers) {
    super(client, "task queue", clock);
    this.handlers = List.copyOf(handlers);
    AtomicInteger n = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(20, 20, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "core-task-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  String path() {
    return "/work/queue";
  }

  /** The first frame: what this worker can do. */
  String announcement() {
    ArrayNode list = JSON.createArrayNode();
    for (TaskHandler h : handlers) {
      ObjectNode d = list.addObject().put("name", h.name()).put("info", h.description())
          .put("description", h.description());
      ObjectNode filter = d.putObject("filter");
      h.filter().forEach((k, values) -> {
        ArrayNode a = filter.putArray(k);
        values.forEach(a::add);
      });
      d.put("expect_node_result", h.expectNodeResult());
      d.putObject("args_description");
      d.putNull("allowed_on_kind");
    }
    return list.toString();
  }

  private volatile String announced;

  /**
   * Announces again when what the handlers say changed (a handler's filter follows the config in
   * force, e.g. the clouds {@code tag} takes): the core takes the announcement only as the first
   * frame, so the queue reconnects.
   */
  void refresh() {
    String now = announcement();
    if (announced != null && !now.equals(announced) && isConnected()) {
      log.info("core task queue: the task handlers changed; reconnecting to announce them");
      reconnect();
    }
  }

  @Override
  void connected() throws Exception {
    announced = announcement();
    if (!send(announced)) {
      throw new IOException("could not announce the task handlers");
    }
    log.info("core task queue: announced {}", handlers.isEmpty() ? "no task handlers"
        : handlers.stream().map(h -> h.name() + (h.filter().isEmpty() ? "" : " " + h.filter())).toList());
  }

  @Override
  void onMessage(String text) {
    JsonNode task = parse(text);
    if (task == null) {
      return;
    }
    String id = task == null ? null : task.path("task_id").asText(null);
    if (id == null) {
      log.warn("core task queue: ignored a frame without task_id: {}", abbreviate(text));
      return;
    }
    pool.execute(() -> run(id, task));
  }

  private void run(String id, JsonNode task) {
    String name = task.path("task_name").asText("");
    TaskHandler handler = find(name, task.path("attrs"));
    ObjectNode answer = JSON.createObjectNode().put("task_id", id);
    if (handler == null) {
      log.warn("core task queue: no handler for task '{}' ({}); answered with an error", name, id);
      answer.put("result", "error").put("error", "this worker has no handler for task '" + name + "'"
          + (handlers.isEmpty() ? "" : "; it handles " + handlers.stream().map(TaskHandler::name).distinct().toList()));
    } else {
      try {
        JsonNode data = handler.handle(task.path("data"));
        answer.put("result", "done");
        answer.set("data", data == null ? JSON.nullNode() : data);
        log.info("core task {} ({}) done", name, id);
      } catch (Exception e) {
        String message = CoreClient.describe(e);
        log.warn("core task {} ({}) failed: {}", name, id, message);
        answer.put("result", "error").put("error", message);
      }
    }
    if (!send(answer.toString())) {
      log.warn("core task {} ({}): the answer could not be sent, the task queue is down", name, id);
    }
  }

  private TaskHandler find(String name, JsonNode attrs) {
    for (TaskHandler h : handlers) {
      if (!h.name().equals(name)) {
        continue;
      }
      boolean matches = true;
      for (Map.Entry<String, List<String>> f : h.filter().entrySet()) {
        matches &= f.getValue().contains(attrs.path(f.getKey()).asText(null));
      }
      if (matches) {
        return h;
      }
    }
    return null;
  }

  @Override
  public void close() {
    super.close();
    pool.shutdownNow();
  }
}
