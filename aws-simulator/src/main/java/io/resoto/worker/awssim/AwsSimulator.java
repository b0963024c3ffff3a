package io.resoto.worker.awssim;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.resoto.worker.awssim.auth.SigV4Verifier;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.protocol.Codecs;
import io.resoto.worker.awssim.protocol.ErrorRenderer;
import io.resoto.worker.awssim.protocol.HttpRequest;
import io.resoto.worker.awssim.protocol.OperationModel;
import io.resoto.worker.awssim.protocol.Protocol;
import io.resoto.worker.awssim.protocol.ProtocolCodec;
import io.resoto.worker.awssim.protocol.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Serves AWS APIs on 127.0.0.1 over their real wire protocols, so that the real AWS SDK talks to it
 * with nothing changed but the endpoint. Every request must be signed with SigV4 by a key of the
 * {@link CredentialStore}; the operation is found per protocol (query/EC2 {@code Action}, JSON
 * {@code X-Amz-Target}, REST method and URI template), decoded into the SDK's request object,
 * handed to the registered {@link OperationHandler}, and its SDK response object encoded back in
 * the protocol. Faults of the live {@link FaultPlan} apply after authentication and before the
 * handler; {@link CallCounters} count every call.
 *
 * <p>Protocols: query, EC2, JSON 1.0/1.1, REST-JSON and REST-XML (S3, path-style; S3 Control,
 * which signs as S3 and is served with it). Smithy
 * RPCv2-CBOR is not served: no service the simulator depends on uses it in SDK 2.35.0.
 */
public final class AwsSimulator implements HandlerRegistry, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AwsSimulator.class);

  /** Signing names served by another service's operations: S3 Express's control plane is S3's. */
  private static final Map<String, String> SERVICE_ALIASES = Map.of("s3express", "s3");
  /** The path every S3 Control operation starts with (its API version). */
  private static final String S3_CONTROL_PATH = "/v20180820/";

  static {
    // The JDK's server writes a response's headers and body in separate segments; with Nagle's
    // algorithm and the client's delayed ACKs every answer would wait ~40 ms. The server reads the
    // property once, when its configuration class loads, so it is set before the first server.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Threads serving requests unless {@link Builder#threads} says otherwise. */
  public static final int DEFAULT_THREADS = 16;

  private final int port;
  private final SigV4Verifier verifier;
  private volatile FaultPlan faults;
  private final Clock clock;
  private final int threads;
  private final CallCounters counters = new CallCounters();
  private final Map<String, ServiceRoutes> services = new ConcurrentHashMap<>();
  private final Map<Class<?>, OperationModel> models = new ConcurrentHashMap<>();
  private HttpServer server;
  private ExecutorService executor;

  private AwsSimulator(Builder b) {
    this.port = b.port;
    this.clock = b.clock;
    this.verifier = new SigV4Verifier(Objects.requireNonNull(b.credentials, "credentials"), b.clock);
    this.faults = b.faults;
    this.threads = b.threads;
  }

  /** A builder; {@link Builder#credentials} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures an {@link AwsSimulator}. */
  public static final class Builder {
    private int port;
    private CredentialStore credentials;
    private FaultPlan faults = new FaultPlan();
    private Clock clock = Clock.systemUTC();
    private int threads = DEFAULT_THREADS;

    private Builder() {}

    /** The port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port);
      }
      this.port = port;
      return this;
    }

    /** The keys requests may be signed with. Required. */
    public Builder credentials(CredentialStore credentials) {
      this.credentials = credentials;
      return this;
    }

    /** The fault plan; the default has no rules. */
    public Builder faults(FaultPlan faults) {
      this.faults = Objects.requireNonNull(faults);
      return this;
    }

    /** The clock that decides whether temporary credentials have expired; UTC system clock by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The number of threads serving requests (16 by default). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The simulator, not yet started. */
    public AwsSimulator build() {
      return new AwsSimulator(this);
    }

    /** Builds and starts the simulator. */
    public AwsSimulator start() throws IOException {
      return build().start();
    }
  }

  /** Binds 127.0.0.1 (never another address) and starts serving. */
  public synchronized AwsSimulator start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
    HttpServer s = HttpServer.create(new InetSocketAddress(loopback, port), 1024);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "aws-sim-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    s.setExecutor(pool);
    s.createContext("/", this::handle);
    s.start();
    this.server = s;
    this.executor = pool;
    return this;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public synchronized URI endpoint() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <Q extends SdkRequest, R extends SdkResponse> void on(Class<Q> requestType, OperationHandler<Q, R> handler) {
    Objects.requireNonNull(handler, "handler");
    OperationModel model = models.computeIfAbsent(requestType, t -> OperationModel.of(requestType));
    ServiceRoutes routes = services.computeIfAbsent(model.service(), s -> new ServiceRoutes(model.protocol()));
    routes.register(new Route(model, (OperationHandler<SdkRequest, SdkResponse>) (OperationHandler<?, ?>) handler));
  }

  /** The call counters. */
  public CallCounters counters() {
    return counters;
  }

  /** The live fault plan: rules may be added and removed while serving. */
  public FaultPlan faults() {
    return faults;
  }

  /** Replaces the fault rules for every call from now on (a test turns an outage on and off). */
  public void replaceFaults(FaultPlan plan) {
    this.faults = Objects.requireNonNull(plan);
  }

  /** The clock of the simulator. */
  public Clock clock() {
    return clock;
  }

  /** Stops the server and its threads; the port is free afterwards. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
      executor = null;
    }
  }

  // ---- routing ----

  private record Route(OperationModel model, OperationHandler<SdkRequest, SdkResponse> handler) {}

  private record Match(Route route, Map<String, String> labels) {}

  /** The registered operations of one service, indexed the way its protocol names operations. */
  private static final class ServiceRoutes {
    final Protocol protocol;
    final Map<String, Route> byName = new ConcurrentHashMap<>();
    volatile List<Route> rest = List.of();

    ServiceRoutes(Protocol protocol) {
      this.protocol = protocol;
    }

    synchronized void register(Route route) {
      OperationModel m = route.model();
      byName.put(m.protocol().isTargeted() ? m.target() : m.name(), route);
      if (m.protocol() == Protocol.QUERY) {
        // services sharing a signing name and action names (classic ELB and ELBv2 both sign as
        // elasticloadbalancing and both have DescribeLoadBalancers) differ by the Version they send
        byName.put(m.name() + "@" + m.apiVersion(), route);
      }
      if (m.protocol().isRest()) {
        List<Route> next = new ArrayList<>();
        for (Route r : rest) {
          // the same operation again replaces it; services sharing a signing name may share an
          // operation name too (S3's and S3 Control's GetPublicAccessBlock)
          if (!r.model().requestType().equals(m.requestType())) {
            next.add(r);
          }
        }
        // the newest first among equally specific templates: S3's ListBuckets and ListDirectoryBuckets
        // are both GET / under path-style addressing, and the later registration serves it
        next.add(0, route);
        next.sort(Comparator.comparingInt((Route r) -> r.model().template().specificity()).reversed());
        rest = List.copyOf(next);
      }
    }

    Match route(HttpRequest req, Map<String, List<String>> form) {
      switch (protocol) {
        case QUERY, EC2 -> {
          List<String> action = form.get("Action");
          List<String> version = form.get("Version");
          Route r = action == null || version == null ? null : byName.get(action.get(0) + "@" + version.get(0));
          if (r == null) {
            r = action == null ? null : byName.get(action.get(0));
          }
          return r == null ? null : new Match(r, Map.of());
        }
        case JSON, CBOR -> {
          String target = req.header("x-amz-target");
          Route r = target == null ? null : byName.get(target);
          return r == null ? null : new Match(r, Map.of());
        }
        default -> {
          Map<String, List<String>> query = Codecs.parseQuery(req.rawQuery(), false);
          for (Route r : rest) {
            if (!r.model().httpMethod().equals(req.method())) {
              continue;
            }
            Map<String, String> labels = r.model().template().match(req.rawPath(), query);
            if (labels != null) {
              return new Match(r, labels);
            }
          }
          return null;
        }
      }
    }
  }

  // ---- serving ----

  private void handle(HttpExchange ex) {
    String requestId = newRequestId();
    HttpRequest req;
    try {
      req = read(ex);
    } catch (IOException | RuntimeException e) {
      ex.close();
      return;
    }
    String service = "unknown";
    String operation = "unknown";
    Protocol protocol = guessProtocol(req, null);
    OperationModel matched = null;
    Reply reply;
    try {
      SigV4Verifier.Authorization auth = null;
      boolean unsigned = isUnsignedStsCall(req);
      if (!unsigned) {
        try {
          auth = SigV4Verifier.parse(req);
        } catch (AwsError e) {
          counters.call(service, operation);
          throw e;
        }
      }
      service = unsigned ? "sts" : SERVICE_ALIASES.getOrDefault(auth.service(), auth.service());
      String region = unsigned ? UNSIGNED_REGION : auth.region();
      ServiceRoutes routes = services.get(service);
      protocol = routes != null ? wire(routes.protocol, req) : guessProtocol(req, service);
      Map<String, List<String>> form = protocol == Protocol.QUERY || protocol == Protocol.EC2 ? formParams(req) : Map.of();
      Match match = routes == null ? null : routes.route(req, form);
      matched = match == null ? null : match.route().model();
      operation = match != null ? match.route().model().name() : guessOperation(req, protocol, form);
      boolean s3Signing = "s3".equals(service);
      if (matched != null) {
        service = matched.serviceLabel();
      }
      counters.call(service, operation);

      KeyRecord key = unsigned ? null : verifier.verify(req, auth, s3Signing);
      if (match == null) {
        throw unknownOperation(protocol, operation);
      }
      Identity caller = key == null ? null : key.identity();
      String account = caller == null ? null : caller.accountId();
      FaultPlan.Decision decision = faults.decide(service, operation, region, account);
      if (decision.latencyMs() > 0) {
        Thread.sleep(decision.latencyMs());
      }
      io.resoto.worker.awssim.fault.MalformedKind corrupt = switch (decision.outcome()) {
        case MALFORMED_TRUNCATED -> io.resoto.worker.awssim.fault.MalformedKind.TRUNCATED;
        case MALFORMED_WRONG_TYPES -> io.resoto.worker.awssim.fault.MalformedKind.WRONG_TYPES;
        case MALFORMED_HUGE -> io.resoto.worker.awssim.fault.MalformedKind.HUGE;
        default -> null;
      };
      switch (decision.outcome()) {
        case RESET -> {
          counters.failed(service, operation);
          ex.close();
          return;
        }
        case MALFORMED -> {
          counters.failed(service, operation);
          faults.answeredMalformed();
          send(ex, ProtocolCodec.malformed(protocol, operation, requestId));
          return;
        }
        case REGION_NOT_ENABLED -> throw AwsError.of(AwsError.Kind.REGION_NOT_ENABLED,
            "The security token included in the request is invalid.");
        case ACCESS_DENIED -> throw AwsError.of(AwsError.Kind.ACCESS_DENIED,
            "You are not authorized to perform this operation.");
        case THROTTLE -> throw AwsError.of(AwsError.Kind.THROTTLING, "Rate exceeded");
        case SERVER_ERROR -> throw AwsError.of(AwsError.Kind.INTERNAL,
            "An internal error has occurred. Please try again.");
        default -> { }
      }
      OperationModel model = match.route().model();
      SdkRequest request;
      try {
        request = ProtocolCodec.decode(model, req, match.labels());
      } catch (IllegalArgumentException e) {
        throw AwsError.of(400, decodeErrorCode(protocol), e.getMessage());
      }
      counters.scopedCall(account, region, service, operation, isContinuation(request));
      CallContext ctx = new CallContext(service, operation, region, unsigned ? null : auth.accessKeyId(),
          caller, requestId);
      SdkResponse response = match.route().handler().handle(ctx, request);
      if (response == null) {
        throw new IllegalStateException("the handler of " + model + " returned null");
      }
      reply = ProtocolCodec.encode(model, response, requestId, req);
      if (corrupt != null && reply.status() == 200) {
        // the real answer, corrupted after encoding (the handler's effects stand, as on a real wire)
        counters.failed(service, operation);
        faults.answeredMalformed();
        reply = io.resoto.worker.awssim.protocol.MalformedBodies.corrupt(corrupt, protocol, reply, faults.nextLong());
      }
    } catch (AwsError e) {
      if (isThrottle(protocol, e)) {
        counters.throttled(service, operation);
      } else {
        counters.failed(service, operation);
      }
      reply = ErrorRenderer.render(protocol, e, requestId, wrappedXmlErrors(matched, req));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
      return;
    } catch (IOException e) {
      ex.close();
      return;
    } catch (RuntimeException e) {
      LOG.warn("{}:{} failed", service, operation, e);
      counters.failed(service, operation);
      reply = ErrorRenderer.render(protocol, AwsError.of(AwsError.Kind.INTERNAL, "Internal error: " + e), requestId,
          wrappedXmlErrors(matched, req));
    }
    try {
      send(ex, reply);
    } catch (IOException e) {
      ex.close();
    }
  }

  /**
   * Whether a REST-XML error goes in an {@code <ErrorResponse>} wrapper: as the matched operation's
   * service answers, else (an operation not served) as S3 Control does for its paths, since its SDK
   * client cannot read S3's bare {@code <Error>}.
   */
  private static boolean wrappedXmlErrors(OperationModel matched, HttpRequest req) {
    return matched != null ? matched.wrappedXmlErrors() : req.rawPath().startsWith(S3_CONTROL_PATH);
  }

  private static boolean isThrottle(Protocol protocol, AwsError e) {
    if (e.kind() == AwsError.Kind.THROTTLING) {
      return true;
    }
    String code = ErrorRenderer.spec(protocol, e).code();
    return code.contains("Throttl") || code.equals("RequestLimitExceeded") || code.equals("SlowDown")
        || code.equals("TooManyRequestsException");
  }

  /**
   * The request members AWS APIs carry a pagination token in (the token a previous page returned);
   * {@code Marker} and {@code NextMarker} also where a listing starts after a given item, which
   * the collector does not ask for.
   */
  private static final Set<String> PAGE_TOKEN_MEMBERS = Set.of("NextToken", "nextToken", "Marker", "marker",
      "NextMarker", "ContinuationToken", "PaginationToken", "StartingToken", "PageToken", "NextPageToken",
      "Position", "position", "KeyMarker", "UploadIdMarker", "VersionIdMarker", "ExclusiveStartTableName",
      "ExclusiveStartStreamName", "ExclusiveStartShardId", "StartRecordName", "StartRecordIdentifier",
      "Cursor", "cursor", "NextPageMarker", "PageMarker");

  /** Whether a request asks for a page after the first: a pagination token member is set. */
  static boolean isContinuation(SdkRequest request) {
    for (software.amazon.awssdk.core.SdkField<?> f : request.sdkFields()) {
      if (PAGE_TOKEN_MEMBERS.contains(f.memberName())) {
        Object v = f.getValueOrDefault(request);
        if (v != null && !(v instanceof String str && str.isEmpty())) {
          return true;
        }
      }
    }
    return false;
  }

  private static String decodeErrorCode(Protocol p) {
    return switch (p) {
      case QUERY, EC2 -> "InvalidParameterValue";
      case REST_XML -> "InvalidArgument";
      default -> "SerializationException";
    };
  }

  private static AwsError unknownOperation(Protocol p, String operation) {
    return switch (p) {
      case QUERY, EC2 -> AwsError.of(400, "InvalidAction",
          "The action " + operation + " is not valid for this web service.");
      case REST_XML -> AwsError.of(400, "InvalidRequest", "The simulator does not serve this request.");
      default -> AwsError.of(400, "UnknownOperationException", "Unknown operation " + operation);
    };
  }

  /** A CBOR service's request in JSON (a client with CBOR switched off) is answered in JSON. */
  private static Protocol wire(Protocol serviceProtocol, HttpRequest req) {
    return serviceProtocol == Protocol.CBOR && !ProtocolCodec.isCbor(req) ? Protocol.JSON : serviceProtocol;
  }

  private static Protocol guessProtocol(HttpRequest req, String service) {
    if (req.header("x-amz-target") != null) {
      String ct = req.header("content-type");
      return ct != null && ct.startsWith("application/x-amz-cbor") ? Protocol.CBOR : Protocol.JSON;
    }
    String ct = req.header("content-type");
    if (ct != null && ct.startsWith("application/x-www-form-urlencoded")) {
      return "ec2".equals(service) ? Protocol.EC2 : Protocol.QUERY;
    }
    return "s3".equals(service) ? Protocol.REST_XML : Protocol.REST_JSON;
  }

  private static String guessOperation(HttpRequest req, Protocol p, Map<String, List<String>> form) {
    if (p == Protocol.QUERY || p == Protocol.EC2) {
      Map<String, List<String>> params = form.isEmpty() ? formParams(req) : form;
      List<String> action = params.get("Action");
      return action == null ? "unknown" : action.get(0);
    }
    String target = req.header("x-amz-target");
    if (target != null) {
      return target.substring(target.lastIndexOf('.') + 1);
    }
    return "unknown";
  }

  /** STS operations AWS serves without a signature: the token in the request is the credential. */
  private static final Set<String> UNSIGNED_STS_ACTIONS = Set.of("AssumeRoleWithWebIdentity", "AssumeRoleWithSAML");
  /** STS is global; unsigned calls carry no credential scope to take a region from. */
  private static final String UNSIGNED_REGION = "us-east-1";

  private static boolean isUnsignedStsCall(HttpRequest req) {
    if (req.header("authorization") != null || !"POST".equals(req.method())) {
      return false;
    }
    List<String> action = formParams(req).get("Action");
    return action != null && action.size() == 1 && UNSIGNED_STS_ACTIONS.contains(action.get(0));
  }

  private static Map<String, List<String>> formParams(HttpRequest req) {
    Map<String, List<String>> params = new HashMap<>(Codecs.parseQuery(req.rawQuery(), true));
    params.putAll(Codecs.parseQuery(new String(req.body(), StandardCharsets.UTF_8), true));
    return params;
  }

  private static HttpRequest read(HttpExchange ex) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (Map.Entry<String, List<String>> e : ex.getRequestHeaders().entrySet()) {
      headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    byte[] body = ex.getRequestBody().readAllBytes();
    List<String> sha = headers.get("x-amz-content-sha256");
    if (sha != null && SigV4Verifier.isStreamingPayload(sha.get(0))) {
      body = SigV4Verifier.dechunk(body);
    }
    URI uri = ex.getRequestURI();
    return new HttpRequest(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    Headers h = ex.getResponseHeaders();
    reply.headers().forEach(h::set);
    byte[] body = reply.body();
    boolean noBody = body.length == 0 || "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    ex.close();
  }

  private static String newRequestId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID(r.nextLong(), r.nextLong()).toString();
  }
}
