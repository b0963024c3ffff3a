package io.resoto.worker.testcore;

/**
 * {@code java -jar test-core.jar [--port N] [--psk X] [--flavor resoto|fix] [--tls]}: runs the test core
 * until it is killed. The first line on standard output is its URI.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    int port = 8900;
    String psk = null;
    String flavor = "resoto";
    boolean tls = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String next = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--port" -> {
          port = Integer.parseInt(require(a, next));
          i++;
        }
        case "--psk" -> {
          psk = require(a, next);
          i++;
        }
        case "--flavor" -> {
          flavor = require(a, next);
          i++;
        }
        case "--tls" -> tls = true;
        case "-h", "--help" -> {
          System.out.println("usage: java -jar test-core.jar [--port N (8900)] [--psk X] [--flavor resoto|fix] [--tls]");
          return;
        }
        default -> {
          System.err.println("error: unknown argument " + a);
          System.exit(2);
        }
      }
    }
    if (!flavor.equals("resoto") && !flavor.equals("fix")) {
      System.err.println("error: --flavor is resoto or fix");
      System.exit(2);
    }
    TestCore core = TestCore.start(new TestCore.Options(port, psk, flavor, tls));
    System.out.println(core.uri());
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        core.close();
      } catch (Exception e) {
        // exiting anyway
      }
    }));
    Thread.currentThread().join();
  }

  private static String require(String option, String value) {
    if (value == null) {
      System.err.println("error: " + option + " needs a value");
      System.exit(2);
    }
    return value;
  }
}
