package io.resoto.worker.aws.credentials;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.spi.Secret;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

/**
 * Test helpers shared by the credentials and account tests: configs copied from
 * {@link AwsConfig#DEFAULTS} with overrides, and system properties restored on close.
 */
public final class TestSupport {

  /** The demo estate's management principal. */
  public static final String DEMO_KEY = "AKIADEMO00000000000A";
  public static final String DEMO_SECRET = "demo-secret-0000000000000000000000000000";

  private TestSupport() {}

  /**
   * DEFAULTS pointed at the simulator, with components overridden by name (Java component
   * names, e.g. "scrapeOrgOu"). Secrets may be given as strings.
   */
  public static AwsConfig config(Simulation sim, Object... overrides) {
    try {
      RecordComponent[] components = AwsConfig.class.getRecordComponents();
      Map<String, Object> values = new HashMap<>();
      for (RecordComponent c : components) {
        values.put(c.getName(), c.getAccessor().invoke(AwsConfig.DEFAULTS));
      }
      values.put("endpointUrl", sim.endpoint().toString());
      values.put("accountPoolSize", 4);
      values.put("retryMode", "standard");
      values.put("maxAttempts", 2);
      for (int i = 0; i < overrides.length; i += 2) {
        String name = (String) overrides[i];
        if (!values.containsKey(name)) {
          throw new IllegalArgumentException("no config component " + name);
        }
        Object value = overrides[i + 1];
        Class<?> type = AwsConfig.class.getDeclaredField(name).getType();
        values.put(name, type == Secret.class && value instanceof String s ? Secret.of(s) : value);
      }
      Class<?>[] types = new Class<?>[components.length];
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = values.get(components[i].getName());
      }
      return AwsConfig.class.getDeclaredConstructor(types).newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets system properties for the length of a try block and restores the old values. */
  public static final class SystemProperties implements AutoCloseable {
    private final Map<String, String> previous = new HashMap<>();

    public SystemProperties set(String key, String value) {
      if (!previous.containsKey(key)) {
        previous.put(key, System.getProperty(key));
      }
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
      return this;
    }

    @Override
    public void close() {
      previous.forEach((key, value) -> {
        if (value == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, value);
        }
      });
    }
  }
}
