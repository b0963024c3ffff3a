package io.resoto.worker.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.resoto.worker.auth.PskJwt;
import io.resoto.worker.metrics.WorkerMetrics;
import io.resoto.worker.run.TriggerResult;
import io.resoto.worker.sink.Json;
import io.resoto.worker.spi.Secret;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's HTTP endpoints (default port 9956):
 *
 * <ul>
 *   <li>{@code GET /health}: liveness, 200 {@code ok} or 503 with the reasons;
 *   <li>{@code GET /ready}: readiness (config loaded, sink usable), 200 or 503 with the reasons;
 *   <li>{@code GET /metrics}: Prometheus text format;
 *   <li>{@code GET /info}: version, plugins, schedule, the running and the last run (no secrets);
 *   <li>{@code POST /collect}: collect now; needs {@code Authorization: Bearer <PSK JWT>}, and is
 *       refused when the worker has no PSK.
 * </ul>
 *
 * Everything is served at {@code /} and, when {@code web_path} is not {@code /}, under it too.
 * With an https core (and {@code no_tls} not set) it serves HTTPS with the certificate the core
 * signed (see {@code core.tls.WebCertificate}).
 */
public final class WebServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final String INDEX =
      "resotoworker\r\n\r\nGET  /health   liveness\r\nGET  /ready    readiness\r\n"
          + "GET  /metrics  Prometheus metrics\r\nGET  /info     version, plugins, schedule, runs\r\n"
          + "POST /collect  collect now (Authorization: Bearer <PSK JWT>)\r\n";

  private final HttpServer server;
  private final ExecutorService executor;
  private final WorkerStatus status;
  private final WorkerMetrics metrics;
  private final Clock clock;

  private WebServer(HttpServer server, WorkerStatus status, WorkerMetrics metrics, Clock clock, String webPath) {
    this.server = server;
    this.status = status;
    this.metrics = metrics;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "web-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    mount("/");
    if (webPath != null && !webPath.equals("/")) {
      mount(webPath.endsWith("/") ? webPath : webPath + "/");
    }
  }

  /**
   * Binds and starts. Throws with one clear line when the address cannot be bound (port in use,
   * unknown host, no permission). With host {@code ::} on a machine without IPv6 it falls back to
   * {@code 0.0.0.0}.
   */
  public static WebServer start(String host, int port, String webPath, WorkerStatus status,
      WorkerMetrics metrics, Clock clock) throws IOException {
    return start(host, port, webPath, status, metrics, clock, null);
  }

  /** Same, serving HTTPS with this context when it is not null. */
  public static WebServer start(String host, int port, String webPath, WorkerStatus status,
      WorkerMetrics metrics, Clock clock, SSLContext tls) throws IOException {
    HttpServer server;
    try {
      if (tls == null) {
        server = HttpServer.create(new InetSocketAddress(host, port), 64);
      } else {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(host, port), 64);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
      }
    } catch (BindException e) {
      throw new IOException("cannot listen on " + display(host, port)
          + ": the port is already in use (resotoworker.web_port)", e);
    } catch (SocketException e) {
      if (host.equals("::")) {
        log.warn("IPv6 is not available ({}); listening on 0.0.0.0 instead of ::", e.getMessage());
        return start("0.0.0.0", port, webPath, status, metrics, clock, tls);
      }
      throw new IOException("cannot listen on " + display(host, port) + ": " + e.getMessage()
          + " (resotoworker.web_host, resotoworker.web_port)", e);
    }
    if (server.getAddress().isUnresolved()) {
      throw new IOException("cannot listen on " + display(host, port) + ": unknown host (resotoworker.web_host)");
    }
    WebServer web = new WebServer(server, status, metrics, clock, webPath);
    server.start();
    log.info("web server listening on {}{}", display(host, web.port()), tls == null ? "" : " (HTTPS)");
    return web;
  }

  private static String display(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The bound port (useful with web_port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void mount(String prefix) {
    server.createContext(prefix, exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath().substring(prefix.length() - 1);
        route(exchange, path.isEmpty() ? "/" : path);
      } catch (Exception e) {
        log.warn("web request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
      }
    });
  }

  private void route(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod();
    switch (path) {
      case "/" -> onlyGet(ex, method, () -> text(ex, 200, INDEX));
      case "/health" -> onlyGet(ex, method, () -> problems(ex, status.healthProblems()));
      case "/ready" -> onlyGet(ex, method, () -> problems(ex, status.readinessProblems()));
      case "/metrics" -> onlyGet(ex, method, () -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.write(out);
        send(ex, 200, WorkerMetrics.CONTENT_TYPE, out.toByteArray());
      });
      case "/info" -> onlyGet(ex, method, () -> json(ex, 200, status.info()));
      case "/collect" -> {
        if (!method.equals("POST")) {
          ex.getResponseHeaders().set("Allow", "POST");
          json(ex, 405, Map.of("error", "use POST to trigger a collect"));
        } else {
          collect(ex);
        }
      }
      default -> text(ex, 404, "not found\r\n");
    }
  }

  private void collect(HttpExchange ex) throws IOException {
    Secret psk = status.psk();
    if (psk == null || psk.isEmpty()) {
      json(ex, 403, Map.of("error",
          "triggering a collect over HTTP needs a PSK: start the worker with --psk or RESOTOWORKER_PSK"));
      return;
    }
    try {
      PskJwt.verify(psk, ex.getRequestHeaders().getFirst("Authorization"), clock);
    } catch (PskJwt.InvalidTokenException e) {
      log.warn("refused POST /collect from {}: {}", ex.getRemoteAddress().getAddress().getHostAddress(), e.getMessage());
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      json(ex, 401, Map.of("error", "not authorised: " + e.getMessage()));
      return;
    }
    TriggerResult result = status.trigger("http");
    int code = result == TriggerResult.REJECTED ? 503 : 202;
    json(ex, code, Map.of("result", result.toString()));
  }

  private interface Handler {
    void handle() throws IOException;
  }

  private static void onlyGet(HttpExchange ex, String method, Handler handler) throws IOException {
    if (method.equals("GET") || method.equals("HEAD")) {
      handler.handle();
    } else {
      ex.getResponseHeaders().set("Allow", "GET");
      text(ex, 405, "method not allowed\r\n");
    }
  }

  private static void problems(HttpExchange ex, List<String> problems) throws IOException {
    if (problems.isEmpty()) {
      text(ex, 200, "ok\r\n");
    } else {
      StringBuilder body = new StringBuilder("not ok\r\n\r\n");
      problems.forEach(p -> body.append("- ").append(p).append("\r\n"));
      text(ex, 503, body.toString());
    }
  }

  private static void json(HttpExchange ex, int code, Object body) throws IOException {
    send(ex, code, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }

  private static void text(HttpExchange ex, int code, String body) throws IOException {
    send(ex, code, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(code, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
