package io.resoto.worker.awssim.imds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.InstanceProfile;
import io.resoto.worker.awssim.estate.Role;
import io.resoto.worker.awssim.identity.EstateCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The EC2 instance metadata service of the estate's instance, IMDSv2 only: a session token from
 * {@code PUT /latest/api/token} must accompany every GET. Serves the instance profile's role
 * credentials (minted through {@link EstateCredentials}, so the simulator's APIs accept them),
 * the region, the instance id and the instance identity document. Listens on 127.0.0.1.
 */
public final class ImdsServer implements AutoCloseable {
  /** The longest token TTL IMDS grants, in seconds. */
  public static final int MAX_TOKEN_TTL = 21600;
  /** How long role credentials live when the estate does not override it (as on EC2). */
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(6);
  /** Credentials are renewed when less than this remains, as EC2 renews them ahead of expiry. */
  public static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
  static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Estate estate;
  private final EstateCredentials credentials;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Object mintLock = new Object();
  private KeyRecord current;
  private final HttpServer server;
  private final ExecutorService executor;

  private ImdsServer(Estate estate, EstateCredentials credentials, Clock clock, int port) throws IOException {
    this.estate = Objects.requireNonNull(estate);
    this.credentials = Objects.requireNonNull(credentials);
    this.clock = Objects.requireNonNull(clock);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "imds-simulator");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  /** Starts on a free port. */
  public static ImdsServer start(Estate estate, EstateCredentials credentials, Clock clock) {
    return start(estate, credentials, clock, 0);
  }

  /** Starts on the given port (0: a free one). */
  public static ImdsServer start(Estate estate, EstateCredentials credentials, Clock clock, int port) {
    try {
      ImdsServer imds = new ImdsServer(estate, credentials, clock, port);
      imds.server.start();
      return imds;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the instance metadata service on port " + port, e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}, as the SDK's IMDS endpoint setting takes it. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/latest/api/token")) {
        if (!method.equals("PUT")) {
          send(exchange, 405, "text/plain", "Method Not Allowed");
          return;
        }
        issueToken(exchange);
        return;
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        send(exchange, 405, "text/plain", "Method Not Allowed");
        return;
      }
      if (!validToken(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
        send(exchange, 401, "text/plain", "Unauthorized");
        return;
      }
      Answer answer = answer(path);
      if (answer == null) {
        send(exchange, 404, "text/plain", "Not Found");
      } else {
        send(exchange, 200, answer.contentType(), answer.body());
      }
    }
  }

  private record Answer(String contentType, String body) {}

  private Answer answer(String path) throws JsonProcessingException {
    InstanceProfile profile = estate.instanceProfile().orElse(null);
    if (profile == null) {
      return null;
    }
    if (path.equals(CREDENTIALS_PATH)) {
      return new Answer("text/plain", profile.role());
    }
    if (path.equals(CREDENTIALS_PATH + profile.role())) {
      return new Answer("text/plain", JSON.writeValueAsString(credentialsDocument(profile)));
    }
    switch (path) {
      case "/latest/meta-data/placement/region":
        return new Answer("text/plain", profile.region());
      case "/latest/meta-data/placement/availability-zone":
        return new Answer("text/plain", profile.region() + "a");
      case "/latest/meta-data/instance-id":
        return new Answer("text/plain", profile.instanceId());
      case "/latest/dynamic/instance-identity/document":
        return new Answer("text/plain", JSON.writerWithDefaultPrettyPrinter()
            .writeValueAsString(identityDocument(profile)));
      default:
        return null;
    }
  }

  private Map<String, Object> credentialsDocument(InstanceProfile profile) {
    KeyRecord key = currentCredentials(profile);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("Code", "Success");
    doc.put("LastUpdated", iso(key.expiration().minus(lifetime())));
    doc.put("Type", "AWS-HMAC");
    doc.put("AccessKeyId", key.accessKeyId());
    doc.put("SecretAccessKey", key.secretAccessKey());
    doc.put("Token", key.sessionToken());
    doc.put("Expiration", iso(key.expiration()));
    return doc;
  }

  private Map<String, Object> identityDocument(InstanceProfile profile) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("accountId", profile.account());
    doc.put("architecture", "x86_64");
    doc.put("availabilityZone", profile.region() + "a");
    doc.put("imageId", "ami-0123456789abcdef0");
    doc.put("instanceId", profile.instanceId());
    doc.put("instanceType", "m5.large");
    doc.put("pendingTime", iso(Estate.JOINED_BASE));
    doc.put("privateIp", "10.0.0.10");
    doc.put("region", profile.region());
    doc.put("version", "2017-09-30");
    return doc;
  }

  /**
   * The role credentials: the same ones until they come within {@link #RENEW_BEFORE} (or half
   * their lifetime, for short lifetimes) of expiring, then fresh ones.
   */
  private KeyRecord currentCredentials(InstanceProfile profile) {
    synchronized (mintLock) {
      Instant now = clock.instant();
      Duration lifetime = lifetime();
      Duration margin = lifetime.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
      if (current == null || !now.isBefore(current.expiration().minus(margin))) {
        Role role = estate.role(profile.account(), profile.role()).orElseThrow();
        current = credentials.mintRoleSession(role, profile.instanceId(), lifetime);
      }
      return current;
    }
  }

  private Duration lifetime() {
    return estate.settings().assumedRoleLifetime().orElse(DEFAULT_LIFETIME);
  }

  private void issueToken(HttpExchange exchange) throws IOException {
    String ttlHeader = exchange.getRequestHeaders().getFirst(TTL_HEADER);
    int ttl;
    try {
      ttl = Integer.parseInt(ttlHeader == null ? "" : ttlHeader.trim());
    } catch (NumberFormatException e) {
      ttl = -1;
    }
    if (ttl < 1 || ttl > MAX_TOKEN_TTL) {
      send(exchange, 400, "text/plain", "Bad Request");
      return;
    }
    Instant now = clock.instant();
    tokens.values().removeIf(expiry -> !now.isBefore(expiry));
    byte[] bytes = new byte[40];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, now.plusSeconds(ttl));
    exchange.getResponseHeaders().set(TTL_HEADER, String.valueOf(ttl));
    send(exchange, 200, "text/plain", token);
  }

  private boolean validToken(String token) {
    if (token == null) {
      return false;
    }
    Instant expiry = tokens.get(token);
    return expiry != null && clock.instant().isBefore(expiry);
  }

  private static String iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      exchange.getResponseBody().write(bytes);
    }
  }
}
