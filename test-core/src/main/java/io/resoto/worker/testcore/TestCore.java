package io.resoto.worker.testcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for the Resoto (or Fix) core: the HTTP and websocket protocol a worker talks to
 * (reference §3.1-3.6) on one port of 127.0.0.1, the graph import rules and config validation
 * enforced, everything received kept for assertions, and faults to inject: down (connections
 * refused), answers with an error status, websockets dropped.
 *
 * <p>Thread-safe. Start it with {@link #start(Options)}, stop it with {@link #close()}.
 */
public final class TestCore implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TestCore.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SUBSCRIBE = Pattern.compile("/subscriber/([^/]+)/([^/]+)");
  private static final Pattern HANDLE = Pattern.compile("/subscriber/([^/]+)/handle");
  private static final Pattern GRAPH = Pattern.compile("/graph/([^/]+)");
  private static final Pattern MODEL = Pattern.compile("/graph/([^/]+)/model");
  private static final Pattern MERGE = Pattern.compile("/graph/([^/]+)/merge");
  private static final Pattern CONFIG = Pattern.compile("/config/([^/]+)");

  /**
   * How to start.
   *
   * @param port 0 for any free port
   * @param psk null or empty: no authentication, as a core started without a PSK
   * @param flavor {@code resoto} or {@code fix}: the prefix of the headers it reads and writes
   * @param tls HTTPS and WSS with a CA of its own (see {@link TestCa}), {@code GET /ca/cert} and
   *     {@code POST /ca/sign}; false: plain HTTP and WS
   */
  public record Options(int port, String psk, String flavor, boolean tls) {
    public Options(int port, String psk, String flavor) {
      this(port, psk, flavor, false);
    }

    public static Options psk(String psk) {
      return new Options(0, psk, "resoto");
    }

    public Options withPort(int p) {
      return new Options(p, psk, flavor, tls);
    }

    public Options withFlavor(String f) {
      return new Options(port, psk, f, tls);
    }

    public Options withTls() {
      return new Options(port, psk, flavor, true);
    }

    String prefix() {
      return flavor.equals("fix") ? "Fix" : "Resoto";
    }
  }

  /** How {@code GET /ca/cert} misbehaves. */
  public enum CaFault {
    /** The CA with its fingerprint signed with the PSK, as the core answers. */
    NONE,
    /** Another CA than the one whose fingerprint the token carries, as a man in the middle would. */
    OTHER_CA,
    /** No Authorization header on the answer. */
    NO_TOKEN,
    /** The token is signed with another key than the PSK. */
    FORGED_TOKEN
  }

  /** A fault injected into HTTP answers. */
  private record Failure(String method, Pattern path, int status, AtomicInteger remaining) {}

  /** One message a worker sent on its actions channel. */
  public record ActionMessage(String subscriber, JsonNode message) {
    public String kind() {
      return message.path("kind").asText();
    }

    public String task() {
      return message.path("data").path("task").asText(null);
    }
  }

  /** A task sent to a worker and its result (null until it answered). */
  public record SentTask(String id, String name, JsonNode task, CompletableFuture<JsonNode> result) {}

  private final Options options;
  private final Server server;
  private final ServerConnector connector;
  private final WebSocketUpgradeHandler websockets;
  private final PskVerifier verifier;
  private final TestCa ca;
  private final TestCa otherCa;
  private volatile CaFault caFault = CaFault.NONE;
  private volatile Duration signedValidity = Duration.ofDays(30);
  private final List<X509Certificate> signed = new CopyOnWriteArrayList<>();
  private volatile int port;
  private volatile boolean down;

  private final List<Failure> failures = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authFailures = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  // subscriber id -> message type -> subscription
  private final Map<String, Map<String, JsonNode>> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, Session> actionSockets = new ConcurrentHashMap<>();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  // subscriber id -> "type task step" -> message, in the order sent
  private final Map<String, Map<String, JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<ActionMessage> actionMessages = new CopyOnWriteArrayList<>();
  private final List<String> invalidActionFrames = new CopyOnWriteArrayList<>();
  private final AtomicInteger actionConnects = new AtomicInteger();

  private final Map<Session, QueueWorker> queueWorkers = new ConcurrentHashMap<>();
  private final Map<String, SentTask> tasks = new ConcurrentHashMap<>();
  private final Map<Session, Set<String>> eventListeners = new ConcurrentHashMap<>();

  private final Set<String> graphs = ConcurrentHashMap.newKeySet();
  private final Map<String, JsonNode> models = new ConcurrentHashMap<>();
  private final AtomicInteger modelPuts = new AtomicInteger();
  private final List<Upload> uploads = new CopyOnWriteArrayList<>();

  private final Map<String, JsonNode> configs = new ConcurrentHashMap<>();
  private final Map<String, String> revisions = new ConcurrentHashMap<>();
  private final List<JsonNode> configPuts = new CopyOnWriteArrayList<>();
  private final Kinds configModel = new Kinds(JSON.createArrayNode());
  private final AtomicInteger revision = new AtomicInteger();

  private static final class QueueWorker {
    final Session session;
    volatile JsonNode announced;

    QueueWorker(Session session) {
      this.session = session;
    }
  }

  private TestCore(Options options) {
    this.options = options;
    this.verifier = options.psk() == null || options.psk().isEmpty()
        ? null : new PskVerifier(options.psk(), Clock.systemUTC());
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("test-core");
    threads.setDaemon(true);
    this.server = new Server(threads);
    if (options.tls()) {
      this.ca = TestCa.create("test core CA");
      this.otherCa = TestCa.create("someone else's CA");
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(ca.serverKeyStore());
      ssl.setKeyStorePassword("test");
      HttpConfiguration http = new HttpConfiguration();
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      // the worker connects to 127.0.0.1, for which clients send no SNI
      secure.setSniHostCheck(false);
      http.addCustomizer(secure);
      this.connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
    } else {
      this.ca = null;
      this.otherCa = null;
      this.connector = new ServerConnector(server);
    }
    connector.setHost("127.0.0.1");
    connector.setPort(options.port());
    server.addConnector(connector);
    this.websockets = WebSocketUpgradeHandler.from(server, container -> {
      container.setIdleTimeout(Duration.ofMinutes(10));
      container.setMaxTextMessageSize(16 * 1024 * 1024);
    });
    websockets.setHandler(new Router());
    server.setHandler(websockets);
  }

  /** Starts on 127.0.0.1. */
  public static TestCore start(Options options) throws Exception {
    TestCore core = new TestCore(options);
    core.server.start();
    core.port = core.connector.getLocalPort();
    core.connector.setPort(core.port);
    log.info("test core listening on {}", core.uri());
    return core;
  }

  /** The core URI to give the worker: {@code http://127.0.0.1:<port>}, https with {@link Options#tls()}. */
  public URI uri() {
    return URI.create((options.tls() ? "https" : "http") + "://127.0.0.1:" + port);
  }

  /** The CA (with {@link Options#tls()}; else null): trust it to talk to this core or to a worker it signed for. */
  public TestCa ca() {
    return ca;
  }

  /** Makes {@code GET /ca/cert} misbehave from now on. */
  public void caFault(CaFault fault) {
    this.caFault = fault;
  }

  /** How long the certificates that {@code POST /ca/sign} issues are valid (default 30 days). */
  public void signedValidity(Duration validity) {
    this.signedValidity = validity;
  }

  /** Every certificate {@code POST /ca/sign} issued, in order. */
  public List<X509Certificate> signed() {
    return List.copyOf(signed);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  // ----------------------------------------------------------------------------- faults

  /** Goes down: the port refuses connections, open connections and websockets are closed. */
  public synchronized void down() throws Exception {
    down = true;
    // a dead core answers nothing on connections clients keep alive either
    connector.getConnectedEndPoints().forEach(org.eclipse.jetty.io.EndPoint::close);
    connector.stop();
    closeAll();
    log.info("test core is down");
  }

  /** Comes back on the same port (everything received so far is kept, as a core's database is). */
  public synchronized void up() throws Exception {
    connector.start();
    down = false;
    log.info("test core is up again on {}", uri());
  }

  public boolean isDown() {
    return down;
  }

  /** Closes every websocket (the worker's channels), as when the core restarts its listeners. */
  public void dropWebsockets() {
    List<Session> all = new ArrayList<>(actionSockets.values());
    all.addAll(queueWorkers.keySet());
    all.addAll(eventListeners.keySet());
    for (Session s : all) {
      s.disconnect();
    }
  }

  private void closeAll() {
    dropWebsockets();
    for (EndPoint e : connector.getConnectedEndPoints()) {
      e.close();
    }
  }

  /**
   * Answers the next {@code count} requests with this method whose path matches the regex with
   * {@code status} (count -1: until {@link #clearFailures()}).
   */
  public void fail(String method, String pathRegex, int status, int count) {
    failures.add(new Failure(method, Pattern.compile(pathRegex), status, new AtomicInteger(count)));
  }

  public void clearFailures() {
    failures.clear();
  }

  // ----------------------------------------------------------------------------- what was received

  /** "METHOD path status" of every HTTP request and websocket handshake, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** How many requests match "METHOD path" (path a regex). */
  public long count(String method, String pathRegex) {
    Pattern p = Pattern.compile(method + " " + pathRegex + " \\d+");
    return requests.stream().filter(r -> p.matcher(r).matches()).count();
  }

  /** "path: reason" of every request or handshake refused for its token. */
  public List<String> authFailures() {
    return List.copyOf(authFailures);
  }

  /** Every Authorization value received (to check that each request had a fresh token). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  public Map<String, Map<String, JsonNode>> subscriptions() {
    Map<String, Map<String, JsonNode>> copy = new HashMap<>();
    subscriptions.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
    return copy;
  }

  /** Subscriber ids with an open actions websocket. */
  public Set<String> connectedSubscribers() {
    return Set.copyOf(actionSockets.keySet());
  }

  /** How many actions websockets were accepted so far. */
  public int actionConnects() {
    return actionConnects.get();
  }

  /** Every message workers sent on their actions channels, in arrival order. */
  public List<ActionMessage> actionMessages() {
    return List.copyOf(actionMessages);
  }

  /** Messages of this kind (action_done, action_error, action_progress, action_info) for a task. */
  public List<JsonNode> messages(String kind, String task) {
    return actionMessages.stream()
        .filter(m -> m.kind().equals(kind) && task.equals(m.task()))
        .map(ActionMessage::message).toList();
  }

  /** The action_done and action_error answers for a task. */
  public List<JsonNode> answers(String task) {
    return actionMessages.stream()
        .filter(m -> (m.kind().equals("action_done") || m.kind().equals("action_error")) && task.equals(m.task()))
        .map(ActionMessage::message).toList();
  }

  /** Frames on actions channels that the core could not take (not JSON, no kind, ...). */
  public List<String> invalidActionFrames() {
    return List.copyOf(invalidActionFrames);
  }

  public Set<String> graphs() {
    return Set.copyOf(graphs);
  }

  /** The model last PUT for the graph, or null. */
  public JsonNode model(String graph) {
    return models.get(graph);
  }

  public int modelPuts() {
    return modelPuts.get();
  }

  /** Every merge upload, accepted or rejected, in arrival order. */
  public List<Upload> uploads() {
    return List.copyOf(uploads);
  }

  public List<Upload> accepted() {
    return uploads.stream().filter(Upload::accepted).toList();
  }

  public List<Upload> rejected() {
    return uploads.stream().filter(u -> !u.accepted()).toList();
  }

  /** Accepted uploads carrying this task id. */
  public List<Upload> uploads(String taskId) {
    return uploads.stream().filter(u -> u.accepted() && taskId.equals(u.taskId())).toList();
  }

  // ----------------------------------------------------------------------------- config

  /** The stored config, or null. */
  public JsonNode config(String id) {
    return configs.get(id);
  }

  public String revision(String id) {
    return revisions.get(id);
  }

  /** The bodies of every accepted PUT /config/{id}, in order. */
  public List<JsonNode> configPuts() {
    return List.copyOf(configPuts);
  }

  /** The config model (PATCH /configs/model), kind by fqn. */
  public JsonNode configKind(String fqn) {
    return configModel.get(fqn);
  }

  /**
   * Stores a config as the shell's {@code config edit} does: validated against the config model,
   * a new revision, a {@code config-updated} event. Returns the problem when it is refused.
   */
  public String editConfig(String id, JsonNode config) {
    return storeConfig(id, config);
  }

  private String storeConfig(String id, JsonNode config) {
    String problem;
    synchronized (configModel) {
      problem = new ConfigCheck(configModel).problem(config);
    }
    if (problem != null) {
      return problem;
    }
    String rev = "rev-" + revision.incrementAndGet();
    configs.put(id, config.deepCopy());
    revisions.put(id, rev);
    configPuts.add(config.deepCopy());
    ObjectNode data = JSON.createObjectNode().put("id", id).put("revision", rev);
    publish("config-updated", data);
    return null;
  }

  // ----------------------------------------------------------------------------- driving the worker

  /**
   * Sends an action to every subscriber registered for its message type, as the core's workflow
   * does; it stays pending (pushed again on every connect) until the subscriber answers it.
   * Returns the subscriber ids it went to.
   */
  public List<String> sendAction(String messageType, String task, String step) {
    ObjectNode data = JSON.createObjectNode();
    data.putObject("timing");
    data.put("task", task).put("step", step);
    ObjectNode msg = JSON.createObjectNode().put("kind", "action").put("message_type", messageType);
    msg.set("data", data);
    List<String> to = new ArrayList<>();
    subscriptions.forEach((subscriber, types) -> {
      if (types.containsKey(messageType)) {
        pending.computeIfAbsent(subscriber, k -> Collections.synchronizedMap(new LinkedHashMap<>()))
            .put(messageType + " " + task + " " + step, msg);
        to.add(subscriber);
        Session s = actionSockets.get(subscriber);
        if (s != null) {
          send(s, msg.toString());
        }
      }
    });
    return to;
  }

  /** A collect action for this task id (step {@code collect}). */
  public List<String> collect(String task) {
    return sendAction("collect", task, "collect");
  }

  /** Sends a frame as it is to every connected actions channel (to try malformed messages). */
  public void sendRawToActions(String frame) {
    actionSockets.values().forEach(s -> send(s, frame));
  }

  /** Pending actions of a subscriber (sent, not answered yet). */
  public List<JsonNode> pending(String subscriber) {
    Map<String, JsonNode> p = pending.get(subscriber);
    if (p == null) {
      return List.of();
    }
    synchronized (p) {
      return List.copyOf(p.values());
    }
  }

  /** Forgets every pending action, as the core does when a workflow step times out. */
  public void clearPending() {
    pending.clear();
  }

  /** Publishes an event to every events listener that shows its type. */
  public void publish(String messageType, JsonNode data) {
    ObjectNode msg = JSON.createObjectNode().put("kind", "event").put("message_type", messageType);
    msg.set("data", data);
    eventListeners.forEach((s, show) -> {
      if (show.isEmpty() || show.contains("*") || show.contains(messageType)) {
        send(s, msg.toString());
      }
    });
  }

  /** Open events websockets and what each shows. */
  public List<Set<String>> eventListeners() {
    return List.copyOf(eventListeners.values());
  }

  /** The task descriptions each connected task queue announced (its first frame). */
  public List<JsonNode> announcedTasks() {
    return queueWorkers.values().stream().map(w -> w.announced).filter(a -> a != null).toList();
  }

  /**
   * Sends a task the way the core routes it: to a worker that announced the name with a filter
   * matching {@code attrs}; with {@code anyWorker}, to the first connected queue whatever it
   * announced (to try a task the worker does not know). Throws when no worker is there.
   */
  public SentTask sendTask(String name, Map<String, String> attrs, JsonNode data, boolean anyWorker) {
    QueueWorker target = null;
    for (QueueWorker w : queueWorkers.values()) {
      if (w.announced == null) {
        continue;
      }
      if (anyWorker || handles(w.announced, name, attrs)) {
        target = w;
        break;
      }
    }
    if (target == null) {
      throw new IllegalStateException("no connected worker takes task " + name + " for " + attrs);
    }
    String id = UUID.randomUUID().toString();
    ObjectNode task = JSON.createObjectNode().put("task_id", id).put("task_name", name);
    ObjectNode a = task.putObject("attrs");
    attrs.forEach(a::put);
    task.set("data", data);
    SentTask sent = new SentTask(id, name, task, new CompletableFuture<>());
    tasks.put(id, sent);
    send(target.session, task.toString());
    return sent;
  }

  private static boolean handles(JsonNode announced, String name, Map<String, String> attrs) {
    for (JsonNode h : announced) {
      if (!name.equals(h.path("name").asText())) {
        continue;
      }
      boolean ok = true;
      for (var it = h.path("filter").fields(); it.hasNext(); ) {
        var f = it.next();
        String v = attrs.get(f.getKey());
        boolean listed = false;
        for (JsonNode allowed : f.getValue()) {
          listed |= allowed.asText().equals(v);
        }
        ok &= listed;
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static void send(Session s, String text) {
    s.sendText(text, org.eclipse.jetty.websocket.api.Callback.from(() -> { },
        e -> log.debug("sending to a websocket failed: {}", e.toString())));
  }

  // ----------------------------------------------------------------------------- HTTP

  private final class Router extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String method = request.getMethod();
      String path = Request.getPathInContext(request);
      boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
      int[] status = {0};
      try {
        status[0] = route(method, path, upgrade, request, response, callback);
      } catch (BadRequest e) {
        status[0] = e.status;
        write(response, callback, e.status, "text/plain", e.getMessage());
      } catch (Exception e) {
        log.warn("test core: {} {} failed: {}", method, path, e.toString(), e);
        status[0] = 500;
        write(response, callback, 500, "text/plain", "test core error: " + e);
      }
      requests.add(method + " " + path + " " + status[0]);
      return true;
    }
  }

  private static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  private int route(String method, String path, boolean upgrade, Request request, Response response,
      Callback callback) throws Exception {
    for (Failure f : failures) {
      if (f.method().equals(method) && f.path().matcher(path).matches()
          && (f.remaining().get() < 0 || f.remaining().getAndDecrement() > 0)) {
        write(response, callback, f.status(), "text/plain", "injected failure");
        return f.status();
      }
    }
    if (path.startsWith("/system/")) {
      if (path.equals("/system/ready") && method.equals("GET")) {
        write(response, callback, 200, "text/plain", "ok");
        return 200;
      }
      throw new BadRequest(404, "not found");
    }
    if (path.equals("/ca/cert") && method.equals("GET") && ca != null) {
      return caCert(response, callback);
    }
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth != null) {
      authorizations.add(auth);
    }
    boolean authenticated = verifier == null;
    if (verifier != null && (auth != null || !upgrade)) {
      String problem = verifier.problem(auth);
      if (problem != null) {
        authFailures.add(path + ": " + problem);
        throw new BadRequest(401, "Unauthorized: " + problem);
      }
      authenticated = true;
    }
    Fields query = Request.extractQueryParameters(request);
    Matcher m;
    if (upgrade && method.equals("GET")) {
      return upgrade(path, query, authenticated, request, response, callback);
    }
    if ((m = SUBSCRIBE.matcher(path)).matches() && (method.equals("POST") || method.equals("PUT"))) {
      String subscriber = m.group(1);
      String type = m.group(2);
      ObjectNode sub = JSON.createObjectNode().put("message_type", type)
          .put("wait_for_completion", Boolean.parseBoolean(query.getValue("wait_for_completion")))
          .put("timeout", Long.parseLong(query.getValue("timeout") == null ? "60" : query.getValue("timeout")));
      subscriptions.computeIfAbsent(subscriber, k -> new ConcurrentHashMap<>()).put(type, sub);
      ObjectNode body = JSON.createObjectNode().put("id", subscriber);
      body.set("subscriptions", JSON.valueToTree(subscriptions.get(subscriber)));
      return json(response, callback, 200, body);
    }
    if ((m = MODEL.matcher(path)).matches()) {
      String graph = m.group(1);
      if (method.equals("PUT")) {
        JsonNode model = JSON.readTree(Content.Source.asInputStream(request));
        try {
          new Kinds(model);
        } catch (IllegalArgumentException e) {
          throw new BadRequest(400, e.getMessage());
        }
        models.put(graph, model);
        modelPuts.incrementAndGet();
        return json(response, callback, 200, model);
      }
      if (method.equals("GET")) {
        JsonNode model = models.get(graph);
        if (model == null) {
          throw new BadRequest(404, "no model");
        }
        return json(response, callback, 200, model);
      }
    }
    if ((m = MERGE.matcher(path)).matches() && method.equals("POST")) {
      return merge(m.group(1), query, request, response, callback);
    }
    if ((m = GRAPH.matcher(path)).matches() && method.equals("POST")) {
      String graph = m.group(1);
      if (graph.contains("_") || graph.startsWith("snapshot-")) {
        throw new BadRequest(400, "invalid graph name " + graph);
      }
      Content.Source.consumeAll(request);
      graphs.add(graph);
      ObjectNode root = JSON.createObjectNode().put("id", "root");
      root.putObject("reported").put("id", "root").put("kind", "graph_root").put("name", "root").putObject("tags");
      root.putObject("metadata");
      return json(response, callback, 200, root);
    }
    if (path.equals("/ca/sign") && method.equals("POST") && ca != null) {
      String csr = Content.Source.asString(request, StandardCharsets.UTF_8);
      X509Certificate cert;
      try {
        cert = ca.sign(csr, signedValidity);
      } catch (IllegalArgumentException e) {
        throw new BadRequest(400, e.getMessage());
      }
      signed.add(cert);
      write(response, callback, 200, "application/x-pem-file", TestCa.pem(cert));
      return 200;
    }
    if ((m = CONFIG.matcher(path)).matches()) {
      return config(m.group(1), method, query, request, response, callback);
    }
    if (path.equals("/configs/model")) {
      if (method.equals("PATCH")) {
        JsonNode kinds = JSON.readTree(Content.Source.asInputStream(request));
        synchronized (configModel) {
          try {
            configModel.add(kinds);
          } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
          }
        }
        return json(response, callback, 200, kinds);
      }
    }
    throw new BadRequest(404, "not found: " + method + " " + path);
  }

  /** The CA, its fingerprint in a token signed with the PSK in the Authorization header of the answer. */
  private int caCert(Response response, Callback callback) {
    CaFault fault = caFault;
    if (options.psk() != null && !options.psk().isEmpty() && fault != CaFault.NO_TOKEN) {
      ObjectNode claims = JSON.createObjectNode().put("sha256_fingerprint", ca.fingerprint());
      String key = fault == CaFault.FORGED_TOKEN ? "not-the-" + options.psk() : options.psk();
      response.getHeaders().put(HttpHeader.AUTHORIZATION, "Bearer " + PskVerifier.mint(key, claims, Clock.systemUTC()));
    }
    write(response, callback, 200, "application/x-pem-file", fault == CaFault.OTHER_CA ? otherCa.pem() : ca.pem());
    return 200;
  }

  private int config(String id, String method, Fields query, Request request, Response response,
      Callback callback) throws Exception {
    String header = options.prefix() + "-Config-Revision";
    if (method.equals("GET")) {
      JsonNode config = configs.get(id);
      if (config == null) {
        throw new BadRequest(404, "config " + id + " not found");
      }
      response.getHeaders().put(header, revisions.get(id));
      JsonNode body = config;
      if ("true".equals(query.getValue("separate_overrides")) || "true".equals(query.getValue("include_raw_config"))) {
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("config", config);
        wrapped.putNull("overrides");
        if ("true".equals(query.getValue("include_raw_config"))) {
          wrapped.set("raw_config", config);
        }
        body = wrapped;
      }
      return json(response, callback, 200, body);
    }
    if (method.equals("PUT")) {
      JsonNode config = JSON.readTree(Content.Source.asInputStream(request));
      String problem = storeConfig(id, config);
      if (problem != null) {
        throw new BadRequest(400, "config " + id + " is not valid: " + problem);
      }
      response.getHeaders().put(header, revisions.get(id));
      return json(response, callback, 200, config);
    }
    throw new BadRequest(405, "method not allowed");
  }

  private int merge(String graph, Fields query, Request request, Response response, Callback callback)
      throws Exception {
    String prefix = options.prefix() + "-Worker-";
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mime = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    if (!Set.of("application/x-ndjson", "application/ndjson", "application/json").contains(mime)) {
      Content.Source.consumeAll(request);
      throw new BadRequest(415, "unsupported content type " + type);
    }
    if (!graphs.contains(graph)) {
      Content.Source.consumeAll(request);
      throw new BadRequest(404, "graph " + graph + " does not exist");
    }
    JsonNode modelJson = models.get(graph);
    Kinds model = new Kinds(modelJson == null ? JSON.createArrayNode() : modelJson);
    ImportCheck check = new ImportCheck();
    String problem;
    try (BufferedReader body = new BufferedReader(
        new InputStreamReader(Content.Source.asInputStream(request), StandardCharsets.UTF_8), 1 << 16)) {
      problem = check.read(body, model, mime.equals("application/json"));
    }
    Upload upload = new Upload(graph, request.getHeaders().get(prefix + "Task-Id"),
        request.getHeaders().get(prefix + "Nodes"), request.getHeaders().get(prefix + "Edges"), type,
        request.getLength(), Collections.unmodifiableMap(check.nodes), List.copyOf(check.edges),
        List.copyOf(check.deferred), problem, Instant.now());
    uploads.add(upload);
    if (problem != null) {
      log.warn("test core: merge into {} rejected: {}", graph, problem);
    }
    if ("true".equals(query.getValue("wait_for_result"))) {
      if (problem != null) {
        throw new BadRequest(400, problem);
      }
      ObjectNode counts = JSON.createObjectNode().put("nodes_created", check.nodes.size())
          .put("nodes_updated", 0).put("nodes_deleted", 0).put("edges_created", check.edges.size())
          .put("edges_updated", 0).put("edges_deleted", 0);
      return json(response, callback, 200, counts);
    }
    // as the core: an asynchronous merge is answered 204 at once, its errors only logged
    response.setStatus(204);
    callback.succeeded();
    return 204;
  }

  private static int json(Response response, Callback callback, int status, JsonNode body) {
    write(response, callback, status, "application/json", body.toString());
    return status;
  }

  private static void write(Response response, Callback callback, int status, String type, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type + "; charset=utf-8");
    Content.Sink.write(response, true, body, callback);
  }

  // ----------------------------------------------------------------------------- websockets

  private int upgrade(String path, Fields query, boolean authenticated, Request request, Response response,
      Callback callback) throws Exception {
    Matcher m = HANDLE.matcher(path);
    Session.Listener listener;
    if (m.matches()) {
      String subscriber = m.group(1);
      if (!subscriptions.containsKey(subscriber) || subscriptions.get(subscriber).isEmpty()) {
        throw new BadRequest(404, "subscriber " + subscriber + " has no subscriptions");
      }
      if (!claimed.add(subscriber)) {
        throw new BadRequest(429, "subscriber " + subscriber + " is already connected");
      }
      listener = new ActionsSocket(subscriber, authenticated);
    } else if (path.equals("/work/queue")) {
      listener = new QueueSocket(authenticated);
    } else if (path.equals("/events")) {
      String show = query.getValue("show");
      Set<String> types = new HashSet<>();
      if (show != null) {
        for (String t : show.split(",")) {
          types.add(t.strip());
        }
      }
      listener = new EventsSocket(types, authenticated);
    } else {
      throw new BadRequest(404, "no websocket at " + path);
    }
    Session.Listener l = listener;
    boolean upgraded = websockets.getServerWebSocketContainer().upgrade((rq, rs, cb) -> l, request, response, callback);
    if (!upgraded) {
      if (l instanceof ActionsSocket a) {
        claimed.remove(a.subscriber);
      }
      throw new BadRequest(400, "not a websocket upgrade");
    }
    return 101;
  }

  /** Common part: authentication by the first frame when the handshake had no token. */
  public abstract class Socket implements Session.Listener.AutoDemanding {
    Session session;
    volatile boolean authenticated;
    final String name;

    Socket(String name, boolean authenticated) {
      this.name = name;
      this.authenticated = authenticated;
    }

    @Override
    public void onWebSocketOpen(Session s) {
      this.session = s;
      if (authenticated) {
        opened();
      }
    }

    @Override
    public void onWebSocketText(String text) {
      if (!authenticated) {
        String problem = "the first frame is not an authorization message";
        try {
          JsonNode msg = JSON.readTree(text);
          if ("authorization".equals(msg.path("kind").asText())) {
            String jwt = msg.path("jwt").asText(null);
            if (jwt != null) {
              authorizations.add(jwt);
            }
            problem = verifier.problem(jwt);
          }
        } catch (IOException e) {
          problem = "the first frame is not JSON";
        }
        if (problem != null) {
          authFailures.add(name + ": " + problem);
          session.close(4001, "Unauthorized", org.eclipse.jetty.websocket.api.Callback.NOOP);
          return;
        }
        authenticated = true;
        opened();
        return;
      }
      received(text);
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
      closed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      log.debug("test core: websocket {} failed: {}", name, cause.toString());
    }

    abstract void opened();

    abstract void received(String text);

    abstract void closed();
  }

  public final class ActionsSocket extends Socket {
    final String subscriber;

    ActionsSocket(String subscriber, boolean authenticated) {
      super("/subscriber/" + subscriber + "/handle", authenticated);
      this.subscriber = subscriber;
    }

    @Override
    void opened() {
      actionSockets.put(subscriber, session);
      actionConnects.incrementAndGet();
      // as the core: pending actions first
      for (JsonNode p : pending(subscriber)) {
        send(session, p.toString());
      }
    }

    @Override
    void received(String text) {
      JsonNode msg;
      try {
        msg = JSON.readTree(text);
      } catch (IOException e) {
        invalidActionFrames.add(text);
        return;
      }
      if (!msg.isObject() || !msg.path("kind").isTextual() || !msg.path("message_type").isTextual()) {
        invalidActionFrames.add(text);
        return;
      }
      String kind = msg.get("kind").asText();
      if (kind.startsWith("action_") && (!msg.path("data").path("task").isTextual()
          || !msg.path("data").path("step").isTextual())) {
        // the core needs data.task and data.step to route an action message
        invalidActionFrames.add(text);
        return;
      }
      actionMessages.add(new ActionMessage(subscriber, msg));
      if (kind.equals("action_done") || kind.equals("action_error")) {
        Map<String, JsonNode> p = pending.get(subscriber);
        if (p != null) {
          p.remove(msg.get("message_type").asText() + " " + msg.get("data").get("task").asText() + " "
              + msg.get("data").get("step").asText());
        }
      }
    }

    @Override
    void closed() {
      actionSockets.remove(subscriber, session);
      claimed.remove(subscriber);
    }
  }

  public final class QueueSocket extends Socket {
    QueueWorker worker;

    QueueSocket(boolean authenticated) {
      super("/work/queue", authenticated);
    }

    @Override
    void opened() {
      worker = new QueueWorker(session);
      queueWorkers.put(session, worker);
    }

    @Override
    void received(String text) {
      JsonNode msg;
      try {
        msg = JSON.readTree(text);
      } catch (IOException e) {
        log.warn("test core: task queue frame is not JSON: {}", Kinds.abbreviate(text));
        return;
      }
      if (worker.announced == null) {
        if (!msg.isArray()) {
          log.warn("test core: the task queue's first frame is not the list of handlers: {}", Kinds.abbreviate(text));
          session.close(4002, "expected the list of task handlers", org.eclipse.jetty.websocket.api.Callback.NOOP);
          return;
        }
        worker.announced = msg;
        return;
      }
      SentTask t = tasks.get(msg.path("task_id").asText());
      if (t == null) {
        log.warn("test core: result for an unknown task: {}", Kinds.abbreviate(text));
        return;
      }
      t.result().complete(msg);
    }

    @Override
    void closed() {
      if (session != null) {
        queueWorkers.remove(session);
      }
    }
  }

  public final class EventsSocket extends Socket {
    final Set<String> show;

    EventsSocket(Set<String> show, boolean authenticated) {
      super("/events", authenticated);
      this.show = show;
    }

    @Override
    void opened() {
      eventListeners.put(session, show);
    }

    @Override
    void received(String text) {
      log.debug("test core: event listener sent {}", Kinds.abbreviate(text));
    }

    @Override
    void closed() {
      if (session != null) {
        eventListeners.remove(session);
      }
    }
  }

  /** Sent tasks by id. */
  public Map<String, SentTask> tasks() {
    return Map.copyOf(tasks);
  }

  /** Action messages matching the predicate. */
  public List<ActionMessage> actionMessages(Predicate<ActionMessage> which) {
    return actionMessages.stream().filter(which).toList();
  }

  /** An empty JSON object, for task data. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Parses JSON text. */
  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }
}
