package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.account.AccountDiscovery;
import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.account.RegionResolver;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.AccountGraph;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.Secret;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Fakes and builders shared by the collector-aws tests. */
public final class TestSupport {

  public static final String MGMT = "111111111111";
  public static final String KEY = "AKIADEMO00000000000A";
  public static final String SECRET = "demo-secret-0000000000000000000000000000";
  public static final List<String> REGIONS = List.of("us-east-1", "eu-central-1", "us-west-2");
  public static final String SKIPPED_REGION = "af-south-1";
  public static final String SKIP_REASON = "not enabled in this account (opt-in region)";

  private TestSupport() {}

  /** AwsConfig.DEFAULTS pointed at the simulator with the demo keys, then the given changes (camelCase names). */
  public static AwsConfig config(Simulation sim, Map<String, Object> changes) {
    Map<String, Object> values = new HashMap<>();
    values.put("endpointUrl", sim.endpoint().toString());
    values.put("accessKeyId", Secret.of(KEY));
    values.put("secretAccessKey", Secret.of(SECRET));
    values.put("maxAttempts", 2);
    values.putAll(changes);
    return with(AwsConfig.DEFAULTS, values);
  }

  /** A copy of the record with some components replaced. */
  public static AwsConfig with(AwsConfig base, Map<String, Object> changes) {
    try {
      RecordComponent[] components = AwsConfig.class.getRecordComponents();
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        String name = components[i].getName();
        types[i] = components[i].getType();
        args[i] = changes.containsKey(name) ? changes.get(name) : components[i].getAccessor().invoke(base);
      }
      return AwsConfig.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The demo management account with its static keys. */
  public static AwsAccountTarget managementAccount() {
    return new AwsAccountTarget(MGMT, "demo-mgmt", null, null, "aws",
        StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)));
  }

  /** Discovery that finds the management account only. */
  public static AccountDiscovery discovery() {
    return problems -> List.of(managementAccount());
  }

  /** The demo account's enabled regions, and one skipped opt-in region. */
  public static RegionResolver resolver() {
    return account -> new RegionResolver.Regions(REGIONS,
        List.of(new RegionResolver.Skipped(SKIPPED_REGION, SKIP_REASON)));
  }

  /** A kind defined by lambdas, for engine tests. */
  public static AwsKind kind(String name, AwsKind.Scope scope, String service, KindBody body) {
    return new AwsKind() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Scope scope() {
        return scope;
      }

      @Override
      public String service() {
        return service;
      }

      @Override
      public ComplexKind model() {
        return KindModel.kind(name).bases(KindModel.AWS_RESOURCE).build();
      }

      @Override
      public void collect(KindContext ctx) throws Exception {
        body.collect(ctx);
      }
    };
  }

  /** The body of a test kind. */
  @FunctionalInterface
  public interface KindBody {
    void collect(KindContext ctx) throws Exception;
  }

  /** A CollectContext that records errors and submitted graphs. */
  public static final class RecordingContext implements CollectContext {
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<String> skipped = new CopyOnWriteArrayList<>();
    public final List<AccountGraph> submitted = new CopyOnWriteArrayList<>();
    public volatile boolean cancelled;
    public volatile Consumer<Node> onNewAccount = n -> {};

    @Override
    public String runId() {
      return "test";
    }

    @Override
    public Instant startedAt() {
      return Instant.EPOCH;
    }

    @Override
    public Instant deadline() {
      return Instant.MAX;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public AccountGraph newAccountGraph(Node account) {
      onNewAccount.accept(account);
      return new AccountGraph(account, Instant.EPOCH);
    }

    @Override
    public void submit(AccountGraph graph) {
      submitted.add(graph);
    }

    @Override
    public void error(String account, String region, String kind, String message) {
      errors.add(account + "|" + region + "|" + kind + "|" + message);
    }

    @Override
    public void skip(String account, String region, String kind, String reason) {
      skipped.add(account + "|" + region + "|" + kind + "|" + reason);
    }

    @Override
    public LogScope logScope(String account, String region, String kind) {
      return () -> {};
    }
  }
}
