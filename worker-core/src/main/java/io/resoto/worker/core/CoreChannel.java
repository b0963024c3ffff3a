package io.resoto.worker.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A websocket to the core that is held open forever: connected on {@link #start}, reconnected
 * with {@link Backoff} whenever it fails or is closed, until {@link #close}. An outage is logged
 * once when it starts (and again only if its reason changes) and once when it ends, not per
 * attempt. Messages arrive whole in {@link #onMessage}; {@link #send} sends one at a time.
 */
abstract class CoreChannel implements AutoCloseable {

  private static final Duration PING_INTERVAL = Duration.ofSeconds(20);

  protected final Logger log = LoggerFactory.getLogger(getClass());
  protected final CoreClient client;
  private static final com.fasterxml.jackson.databind.ObjectMapper FRAMES =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final String name;
  private final Clock clock;
  private final Object sendLock = new Object();
  private final Object state = new Object();
  private Thread thread;
  private volatile WebSocket socket;
  private volatile boolean closed;
  private volatile Instant downSince;
  private volatile String problem = "not connected yet";
  private volatile boolean everConnected;
  private CompletableFuture<Void> disconnected = new CompletableFuture<>();

  CoreChannel(CoreClient client, String name, Clock clock) {
    this.client = client;
    this.name = name;
    this.clock = clock;
    this.downSince = clock.instant();
  }

  /** The path (and query) of the websocket. */
  abstract String path();

  /** Runs before each connection attempt (the actions channel registers its subscriptions). */
  void beforeConnect() throws Exception {}

  /** Runs once connected, before any message is handled (the task queue announces itself). */
  void connected() throws Exception {}

  /** One whole text message from the core. Must not throw. */
  abstract void onMessage(String text);

  /**
   * A frame as JSON, or null (logged, the connection kept) when it is not JSON: a malformed frame
   * never ends a channel.
   */
  JsonNode parse(String text) {
    try {
      JsonNode frame = FRAMES.readTree(text);
      return frame == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : frame;
    } catch (java.io.IOException e) {
      log.warn("core {}: ignored a frame that is not JSON: {}", name, abbreviate(text));
      return null;
    }
  }

  /** A frame for a log line: one line, at most 200 characters. */
  static String abbreviate(String text) {
    String t = text.replace('\n', ' ');
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  /** The name in logs and health messages, e.g. "actions channel". */
  String name() {
    return name;
  }

  void start() {
    thread = new Thread(this::run, "core-" + name.replace(' ', '-'));
    thread.setDaemon(true);
    thread.start();
  }

  boolean isConnected() {
    return socket != null;
  }

  /** Why the channel is down and since when, or null when it is connected. */
  String problem() {
    if (socket != null) {
      return null;
    }
    return name + " not connected"
        + " (for " + Duration.between(downSince, clock.instant()).toSeconds() + " s: " + problem + ")";
  }

  private void run() {
    int failures = 0;
    Instant outageStart = null;
    String logged = null;
    while (!closed) {
      CompletableFuture<Void> down;
      try {
        beforeConnect();
        synchronized (state) {
          disconnected = new CompletableFuture<>();
          down = disconnected;
        }
        WebSocket ws = client.websocket(path(), new Listener(down)).get(30, TimeUnit.SECONDS);
        socket = ws;
        connected();
        if (outageStart != null && everConnected) {
          log.info("core {} connected again after {} s ({} attempts)", name,
              Duration.between(outageStart, clock.instant()).toSeconds(), failures);
        } else {
          log.info("core {} connected ({})", name, client.ws(path()));
        }
        everConnected = true;
        failures = 0;
        outageStart = null;
        logged = null;
        onConnected();
        while (!closed) {
          try {
            down.get(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            break;
          } catch (java.util.concurrent.TimeoutException e) {
            ws.sendPing(ByteBuffer.wrap("ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
          }
        }
        socket = null;
        ws.abort();
        if (closed) {
          return;
        }
        problem = "the core closed it";
        downSince = clock.instant();
        outageStart = clock.instant();
        // the first failed reconnect says why at WARN; a quick reconnect needs no warning
        log.info("core {} closed; reconnecting", name);
        logged = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        socket = null;
        if (closed) {
          return;
        }
        failures++;
        problem = CoreClient.describe(e);
        if (outageStart == null) {
          outageStart = clock.instant();
          downSince = outageStart;
        }
        if (!problem.equals(logged)) {
          log.warn("core {} at {}: {}; retrying until it works", name, client.ws(path()), problem);
          logged = problem;
        } else {
          log.debug("core {}: attempt {} failed: {}", name, failures, problem);
        }
      }
      try {
        Thread.sleep(client.options().backoff().after(Math.max(1, failures)).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Hook after a connection is up and logged. */
  void onConnected() {}

  /**
   * Sends a text message, waiting until it is written. False when the channel is down or the
   * write failed (the channel then reconnects).
   */
  boolean send(String text) {
    WebSocket ws = socket;
    if (ws == null) {
      return false;
    }
    synchronized (sendLock) {
      try {
        ws.sendText(text, true).get(30, TimeUnit.SECONDS);
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        log.warn("core {}: sending failed: {}", name, CoreClient.describe(e));
        disconnect();
        return false;
      }
    }
  }

  /** Drops the connection; the channel connects again at once. */
  void reconnect() {
    disconnect();
  }

  private void disconnect() {
    synchronized (state) {
      disconnected.complete(null);
    }
  }

  @Override
  public void close() {
    closed = true;
    WebSocket ws = socket;
    if (ws != null) {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "worker stopping").get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        // closing anyway
      }
      ws.abort();
    }
    disconnect();
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> down;

    Listener(CompletableFuture<Void> down) {
      this.down = down;
    }

    @Override
    public void onOpen(WebSocket ws) {
      // the core pushes pending actions right after the handshake: answers to them must find the
      // socket, which the connecting thread would only set once the handshake future completes
      socket = ws;
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          onMessage(text);
        } catch (RuntimeException e) {
          log.error("core {}: handling a message failed: {}", name, CoreClient.describe(e), e);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      log.warn("core {}: ignored a binary frame", name);
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      log.debug("core {} closed by the core: {} {}", name, status, reason);
      down.complete(null);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      log.debug("core {} failed: {}", name, CoreClient.describe(error));
      down.complete(null);
    }
  }
}
