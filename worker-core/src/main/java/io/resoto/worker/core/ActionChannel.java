package io.resoto.worker.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.run.AccountResult;
import io.resoto.worker.run.CollectError;
import io.resoto.worker.run.PluginResult;
import io.resoto.worker.run.RunCoordinator;
import io.resoto.worker.run.RunListener;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.RunInfo;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The actions channel (reference §3.2): before every connection it registers the subscriber
 * {@code <subscriber id>-collector} for {@code collect} and {@code cleanup} (timeout,
 * wait_for_completion), then holds {@code /subscriber/<id>/handle} open.
 *
 * <p>A {@code collect} action asks the {@link RunCoordinator} for a run (a run in progress means
 * the request is queued once, as the coordinator does), sends {@code action_progress} per plugin
 * and account and {@code action_info} per error while it runs, waits until every graph of the run
 * reached the core (or was dropped from the spool), and answers {@code action_done} or {@code
 * action_error} with the action's data echoed. The same {@code task:step} again, while it runs
 * or after it was answered, starts no second run: it is answered when the run ends, or at once
 * with the earlier answer. A {@code cleanup} action is answered done at once: cleanup is not
 * implemented, nothing is deleted. Other messages are logged and ignored; malformed frames are
 * logged and the connection is kept. Up to 5 actions are handled at once.
 */
final class ActionChannel extends CoreChannel implements RunListener {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_MESSAGE = 500;
  private static final java.time.format.DateTimeFormatter AT =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);
  private static final int ANSWERS_KEPT = 200;

  private final Function<String, RunCoordinator.Ticket> collect;
  private final Function<String, CompletableFuture<Void>> settled;
  private final IntSupplier timeout;
  private final Runnable onConnect;
  private final Prerequisite prerequisite;

  /** Runs before each registration; a failure fails the connection attempt. */
  interface Prerequisite {
    void run() throws Exception;
  }
  private final Clock clock;
  private final ExecutorService handlers;
  private final Map<String, Action> inProgress = new ConcurrentHashMap<>();
  private final Map<String, String> answered = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > ANSWERS_KEPT;
        }
      });
  // core task id -> the action whose run reports progress for it
  private final Map<String, Action> progressTargets = new ConcurrentHashMap<>();
  private final Map<String, Map<String, List<String>>> accountsByRun = new ConcurrentHashMap<>();
  private volatile boolean cleanupWarned;
  private final java.util.concurrent.atomic.AtomicLong actionsReceived = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong actionsRepeated = new java.util.concurrent.atomic.AtomicLong();

  /** Actions received, and how many of them repeated a task:step already in progress or answered. */
  long[] counts() {
    return new long[] {actionsReceived.get(), actionsRepeated.get()};
  }

  /** One action being handled. */
  private record Action(String messageType, String task, String step, JsonNode data) {
    String key() {
      return messageType + " " + task + ":" + step;
    }
  }

  /**
   * @param collect starts (or joins) a run for a core task id
   * @param settled completes when a run's graphs all reached the core or were dropped
   * @param timeout the subscription timeout in seconds (resotoworker.timeout), read at each connect
   * @param onConnect runs after every connect (the spool retries at once)
   */
  ActionChannel(CoreClient client, Clock clock, Function<String, RunCoordinator.Ticket> collect,
      Function<String, CompletableFuture<Void>> settled, IntSupplier timeout, Runnable onConnect,
      Prerequisite prerequisite) {
    super(client, "actions channel", clock);
    this.clock = clock;
    this.collect = collect;
    this.settled = settled;
    this.timeout = timeout;
    this.onConnect = onConnect;
    this.prerequisite = prerequisite;
    AtomicInteger n = new AtomicInteger();
    this.handlers = new ThreadPoolExecutor(5, 5, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "core-action-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  private String subscriber() {
    return client.options().actionsSubscriber();
  }

  @Override
  String path() {
    return "/subscriber/" + subscriber() + "/handle";
  }

  @Override
  void beforeConnect() throws Exception {
    prerequisite.run();
    for (String type : List.of("collect", "cleanup")) {
      HttpRequest request = client.request("/subscriber/" + subscriber() + "/" + type + "?timeout="
              + timeout.getAsInt() + "&wait_for_completion=true")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IOException("registering " + subscriber() + " for " + type + ": HTTP " + r.statusCode()
            + CoreClient.statusHint(r.statusCode()));
      }
    }
  }

  @Override
  void onConnected() {
    onConnect.run();
  }

  @Override
  void onMessage(String text) {
    JsonNode msg = parse(text);
    if (msg == null) {
      return;
    }
    if (!msg.isObject()) {
      log.warn("core actions channel: ignored a frame that is not a JSON object: {}", abbreviate(text));
      return;
    }
    String kind = msg.path("kind").asText("");
    String type = msg.path("message_type").asText("");
    if (!kind.equals("action")) {
      log.info("core actions channel: ignored a message of kind '{}' ({}): the worker only handles actions",
          kind, type);
      return;
    }
    JsonNode data = msg.path("data");
    String task = data.path("task").asText(null);
    String step = data.path("step").asText(null);
    if (!data.isObject() || task == null || step == null) {
      log.warn("core actions channel: ignored an action without data.task and data.step: {}", abbreviate(text));
      return;
    }
    Action action = new Action(type, task, step, data);
    handlers.execute(() -> {
      handle(action);
      actionsReceived.incrementAndGet();
    });
  }

  private void handle(Action action) {
    switch (action.messageType()) {
      case "collect" -> collect(action);
      case "cleanup" -> {
        if (!cleanupWarned) {
          log.warn("core asked for cleanup (task {}): cleanup is not implemented in this worker; nothing is"
              + " deleted and the action is answered done", action.task());
          cleanupWarned = true;
        } else {
          log.info("core cleanup action (task {}) answered done: cleanup is not implemented", action.task());
        }
        answer(action, null);
      }
      default -> log.warn("core actions channel: ignored action '{}' (task {}): the worker handles collect and"
          + " cleanup only", action.messageType(), action.task());
    }
  }

  private void collect(Action action) {
    String key = action.key();
    synchronized (inProgress) {
      String earlier = answered.get(key);
      if (earlier != null) {
        log.info("core repeated collect {}:{}, which was answered already: answering it again, no second run",
            action.task(), action.step());
        actionsRepeated.incrementAndGet();
        send(earlier);
        return;
      }
      if (inProgress.containsKey(key)) {
        log.info("core repeated collect {}:{} while it runs: no second run; it is answered once when the run ends",
            action.task(), action.step());
        actionsRepeated.incrementAndGet();
        return;
      }
      inProgress.put(key, action);
    }
    progressTargets.putIfAbsent(action.task(), action);
    RunCoordinator.Ticket ticket = collect.apply(action.task());
    log.info("core collect action (task {}): {}", action.task(), switch (ticket.result()) {
      case STARTED -> "collect run started";
      case QUEUED -> "a run is in progress; this collect starts right after it";
      case ALREADY_QUEUED -> "a run is in progress and one is queued; the queued run serves this action too";
      case REJECTED -> "refused, the worker is shutting down";
    });
    ticket.run()
        .thenCompose(summary -> settled.apply(summary.runId()).thenApply(v -> summary))
        .whenComplete((summary, failure) -> {
          String error = null;
          if (failure != null) {
            error = "Failed to collect: " + CoreClient.describe(failure);
          } else if (summary.status() == RunStatus.ABORTED) {
            error = "Failed to collect: the worker is shutting down";
          } else if (summary.status() == RunStatus.FAILED) {
            List<String> why = summary.errors().stream().limit(3).map(CollectError::describe).toList();
            error = "Failed to collect: " + (why.isEmpty() ? "nothing was collected" : String.join("; ", why));
          }
          answer(action, error);
          progressTargets.remove(action.task(), action);
        });
  }

  /** Answers done (error null) or error, remembering the answer for a repeated action. */
  private void answer(Action action, String error) {
    ObjectNode data = action.data().deepCopy();
    if (error != null) {
      data.put("error", error);
    }
    ObjectNode msg = JSON.createObjectNode().put("kind", error == null ? "action_done" : "action_error")
        .put("message_type", action.messageType());
    msg.set("data", data);
    String text = msg.toString();
    // one step for a repeat of the action arriving now: it finds the answer, or the run in progress
    // (and this answer goes out after it), never neither
    synchronized (inProgress) {
      answered.put(action.key(), text);
      inProgress.remove(action.key());
    }
    if (send(text)) {
      if (error == null) {
        log.info("core {} action (task {}) answered done", action.messageType(), action.task());
      } else {
        log.warn("core {} action (task {}) answered with an error: {}", action.messageType(), action.task(), error);
      }
    } else {
      log.warn("core {} action (task {}) finished while the actions channel is down: the core sends it again"
          + " when the channel is back, and it is answered then", action.messageType(), action.task());
    }
  }

  // ------------------------------------------------------------------ progress (RunListener)

  private Action target(RunInfo run) {
    return run.coreTask() == null ? null : progressTargets.get(run.coreTask());
  }

  @Override
  public void pluginStarted(RunInfo run, String plugin) {
    Action a = target(run);
    if (a != null) {
      progress(a, List.of(), progressPart(plugin, 0, 1));
    }
  }

  @Override
  public void accountFinished(RunInfo run, AccountResult account) {
    Action a = target(run);
    if (a == null || account.account() == null) {
      return;
    }
    Map<String, List<String>> byPlugin = accountsByRun.computeIfAbsent(run.runId(), k -> new ConcurrentHashMap<>());
    List<String> names = byPlugin.computeIfAbsent(account.cloud(), k -> new ArrayList<>());
    ArrayNode parts = JSON.createArrayNode();
    synchronized (names) {
      names.add(account.name() == null ? account.account() : account.name() + " (" + account.account() + ")");
      names.forEach(n -> parts.add(progressPart(n, 1, 1)));
    }
    ObjectNode tree = JSON.createObjectNode().put("kind", "tree").put("name", account.cloud());
    tree.set("parts", parts);
    progress(a, List.of(account.cloud()), tree);
  }

  @Override
  public void pluginFinished(RunInfo run, PluginResult plugin) {
    Action a = target(run);
    if (a != null) {
      progress(a, List.of(), progressPart(plugin.name(), 1, 1));
    }
  }

  @Override
  public void errorRecorded(RunInfo run, CollectError error) {
    Action a = target(run);
    if (a == null) {
      return;
    }
    List<String> context = new ArrayList<>();
    for (String part : new String[] {error.plugin(), error.account(), error.region(), error.kind()}) {
      if (part != null) {
        context.add(part);
      }
    }
    String message = error.message() == null ? "" : error.message();
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE);
    }
    ObjectNode data = JSON.createObjectNode().put("task", a.task()).put("step", a.step())
        .put("level", "error").put("message", (context.isEmpty() ? "" : "[" + String.join(":", context) + "] ") + message);
    ObjectNode msg = JSON.createObjectNode().put("kind", "action_info").put("message_type", a.messageType());
    msg.set("data", data);
    send(msg.toString());
  }

  @Override
  public void runFinished(RunSummary summary) {
    accountsByRun.remove(summary.runId());
  }

  private static ObjectNode progressPart(String name, int current, int total) {
    return JSON.createObjectNode().put("kind", "progress").put("name", name).put("current", current)
        .put("total", total);
  }

  private void progress(Action a, List<String> context, ObjectNode progress) {
    ObjectNode data = JSON.createObjectNode().put("task", a.task()).put("step", a.step());
    ArrayNode ctx = data.putArray("context");
    context.forEach(ctx::add);
    data.set("progress", progress);
    data.put("at", AT.format(clock.instant()));
    ObjectNode msg = JSON.createObjectNode().put("kind", "action_progress").put("message_type", a.messageType());
    msg.set("data", data);
    send(msg.toString());
  }

  @Override
  public void close() {
    super.close();
    handlers.shutdownNow();
  }

}
