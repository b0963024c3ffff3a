package io.resoto.worker.core;

import io.resoto.worker.auth.PskJwt;
import io.resoto.worker.core.tls.CoreTrust;
import io.resoto.worker.run.CollectRun;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP request and websocket the worker makes to the core goes through here: the one place
 * that builds the HTTP clients and that puts a freshly minted PSK token on each request and each
 * websocket handshake (reference §3.6).
 *
 * <p>With an https core there are two clients. The first verifies nothing and carries no token:
 * it asks {@code /system/ready} and fetches the core's CA ({@code /ca/cert}), as the original
 * does. {@link #establishTrust} then decides whom to trust ({@link CoreTrust}) and builds the
 * second, through which everything else goes, tokens and websockets included. Until then no
 * request with a token can be made.
 */
public final class CoreClient {

  private static final Logger log = LoggerFactory.getLogger(CoreClient.class);
  /** How long one HTTP request may take, except the streamed merge uploads. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final CoreOptions options;
  private final Clock clock;
  /** No token ever goes through this one; with https it verifies nothing. */
  private final HttpClient bootstrap;
  /** Null with https until {@link #establishTrust}. */
  private volatile HttpClient http;
  private volatile CoreTrust trust;

  private CoreClient(CoreOptions options, Clock clock, HttpClient bootstrap, HttpClient http) {
    this.options = options;
    this.clock = clock;
    this.bootstrap = bootstrap;
    this.http = http;
  }

  /**
   * Builds the client for the core URI. With https, {@link #establishTrust} has to succeed before
   * any request but {@link #ready}.
   *
   * @throws IllegalArgumentException when the URI cannot be used: not http(s), or no host
   */
  public static CoreClient create(CoreOptions options, Clock clock) {
    URI uri = options.uri();
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException("--resotocore-uri " + uri + " is not an http:// or https:// URI");
    }
    if (scheme.equals("https")) {
      return new CoreClient(options, clock, build(CoreTrust.trustingAnything()), null);
    }
    HttpClient plain = build(null);
    return new CoreClient(options, clock, plain, plain);
  }

  private static HttpClient build(SSLContext tls) {
    HttpClient.Builder b = HttpClient.newBuilder()
        // the core (aiohttp) speaks HTTP/1.1; without this the client would try an h2c upgrade
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10));
    if (tls != null) {
      b.sslContext(tls);
    }
    return b.build();
  }

  /**
   * For an https core: decides whom to trust ({@code --no-verify-certs}, {@code --ca-cert}, or the
   * CA from {@code GET /ca/cert} checked against its PSK-signed fingerprint) and builds the client
   * for everything else. Nothing for an http core.
   */
  public void establishTrust() throws CoreTrust.TrustException, InterruptedException {
    if (!options.tls()) {
      if (options.caCert() != null || !options.verifyCerts()) {
        log.info("--ca-cert and --no-verify-certs apply to https core URIs only; {} is http", options.uri());
      }
      return;
    }
    CoreTrust t;
    if (!options.verifyCerts()) {
      log.warn("--no-verify-certs: the core's certificate is not verified; whoever is between the worker and {}"
          + " can read and change the traffic", options.uri());
      t = CoreTrust.none();
    } else if (options.caCert() != null) {
      t = CoreTrust.fromFile(options.caCert());
    } else {
      CoreTrust.CaAnswer answer;
      try {
        HttpResponse<String> r = bootstrap.send(HttpRequest.newBuilder(http("/ca/cert"))
            .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        answer = new CoreTrust.CaAnswer(r.statusCode(), r.body(),
            r.headers().firstValue("Authorization").orElse(null));
      } catch (IOException e) {
        throw new CoreTrust.TrustException("cannot fetch the core's CA (GET " + options.uri() + "/ca/cert): "
            + describe(e), false);
      }
      t = CoreTrust.fromCore(answer, options.psk(), options.uri().toString(), clock);
    }
    trust = t;
    http = build(t.sslContext());
  }

  /** Whom the worker trusts with an https core, after {@link #establishTrust}; else null. */
  public CoreTrust trust() {
    return trust;
  }

  private HttpClient client() {
    HttpClient c = http;
    if (c == null) {
      throw new IllegalStateException("the core's certificate is not trusted yet: establishTrust() first");
    }
    return c;
  }

  public CoreOptions options() {
    return options;
  }

  /** The HTTP URI of a path (with its query). */
  public URI http(String pathAndQuery) {
    return URI.create(options.uri() + pathAndQuery);
  }

  /** The websocket URI of a path: ws:// for http, wss:// for https. */
  public URI ws(String pathAndQuery) {
    String base = options.uri().toString();
    return URI.create((base.startsWith("https:") ? "wss:" + base.substring(6) : "ws:" + base.substring(5))
        + pathAndQuery);
  }

  /** A request to the core with a fresh token (when there is a PSK) and the default timeout. */
  public HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder b = HttpRequest.newBuilder(http(pathAndQuery)).timeout(REQUEST_TIMEOUT);
    authorize(b::header);
    return b;
  }

  private interface HeaderSetter {
    void header(String name, String value);
  }

  private void authorize(HeaderSetter setter) {
    if (options.psk() != null) {
      setter.header("Authorization", "Bearer " + PskJwt.mint(options.psk(), clock));
    }
  }

  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return client().send(request, body);
  }

  /** Opens a websocket with a fresh token in the handshake. */
  public CompletableFuture<WebSocket> websocket(String pathAndQuery, WebSocket.Listener listener) {
    WebSocket.Builder b = client().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    authorize(b::header);
    return b.buildAsync(ws(pathAndQuery), listener);
  }

  /** True when {@code GET /system/ready} answers 200 (no token needed; with https not verified, as the original). */
  public boolean ready() throws InterruptedException {
    try {
      HttpResponse<Void> r = bootstrap.send(HttpRequest.newBuilder(http("/system/ready"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Waits until the core says it is ready, asking every {@code readyPoll}, logging at the start
   * and every 30 s. False when {@code readyTimeout} passed first.
   */
  public boolean awaitReady() throws InterruptedException {
    Instant start = clock.instant();
    Instant nextLog = start;
    boolean first = true;
    while (true) {
      if (ready()) {
        if (!first) {
          log.info("the core at {} is ready (waited {} s)", options.uri(),
              Duration.between(start, clock.instant()).toSeconds());
        }
        return true;
      }
      Instant now = clock.instant();
      if (Duration.between(start, now).compareTo(options.readyTimeout()) >= 0) {
        return false;
      }
      if (!now.isBefore(nextLog)) {
        log.info(first ? "waiting for the core at {} to be ready (GET /system/ready){}"
                : "still waiting for the core at {} to be ready{}", options.uri(),
            first ? "" : " (" + Duration.between(start, now).toSeconds() + " s of "
                + options.readyTimeout().toSeconds() + " s)");
        nextLog = now.plusSeconds(30);
      }
      first = false;
      Thread.sleep(options.readyPoll().toMillis());
    }
  }

  /** One line saying why a call to the core failed: never the token. */
  public static String describe(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof WebSocketHandshakeException h && h.getResponse() != null) {
      return "the core answered the websocket handshake with HTTP " + h.getResponse().statusCode()
          + statusHint(h.getResponse().statusCode());
    }
    if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
      return "cannot connect (" + (t.getMessage() == null ? t.getClass().getSimpleName() : "connection refused or timed out") + ")";
    }
    SSLHandshakeException handshake = null;
    for (Throwable c = t; c != null && handshake == null; c = c.getCause()) {
      handshake = c instanceof SSLHandshakeException h ? h : null;
    }
    if (handshake != null) {
      return "TLS handshake failed (" + handshake.getMessage() + "); is the core's certificate issued by the CA the worker"
          + " trusts (--ca-cert), and for the host of --resotocore-uri?";
    }
    if (t instanceof HttpTimeoutException) {
      return "the core did not answer in time";
    }
    if (t instanceof IOException && t.getMessage() == null) {
      return "the connection to the core broke (" + t.getClass().getSimpleName() + ")";
    }
    return CollectRun.describe(t);
  }

  /** What an HTTP status from the core most likely means for the operator. */
  public static String statusHint(int status) {
    return switch (status) {
      case 401 -> ": the core refused the worker's token; is the worker's PSK the core's (--psk, RESOTOWORKER_PSK)?";
      case 403 -> ": forbidden";
      case 429 -> ": another worker is connected with the same subscriber id; give each worker its own --subscriber-id";
      default -> "";
    };
  }
}
