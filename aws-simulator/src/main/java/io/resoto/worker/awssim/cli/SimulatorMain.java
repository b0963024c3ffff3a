package io.resoto.worker.awssim.cli;

import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.Principal;
import io.resoto.worker.awssim.fault.FaultPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code java -jar aws-simulator.jar [--estate FILE] [--port N] [--imds-port M] [--faults FILE]}:
 * serves an estate (the bundled demo estate by default) on 127.0.0.1 until stopped.
 */
public final class SimulatorMain {

  static final String USAGE = """
      Usage: java -jar aws-simulator.jar [--estate FILE] [--port N] [--imds-port M] [--faults FILE] [--seed S]

        --estate FILE    the estate to serve (YAML); default: the bundled demo estate
        --port N         port of the AWS APIs on 127.0.0.1 (default 4599; 0 = any free port)
        --imds-port M    port of the instance metadata service on 127.0.0.1 (default 4600; 0 = any)
        --faults FILE    fault rules (YAML list of {service, operation, region, account, latency_ms,
                         jitter_ms, throttle_rate, access_denied, region_not_enabled, error_rate,
                         reset_rate, malformed_rate, malformed: cut, truncated, wrong_types or huge})
        --seed S         seed of the fault decisions (default 0)
      """;

  private SimulatorMain() {}

  public static void main(String[] args) throws Exception {
    // before any logger exists: the standalone simulator's own, quiet configuration
    System.setProperty("logback.configurationFile", "aws-simulator-logback.xml");
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    int code = run(args, stop, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs until {@code stop} opens; returns the exit code. */
  static int run(String[] args, CountDownLatch stop, java.io.PrintStream out, java.io.PrintStream err)
      throws Exception {
    Path estateFile = null;
    Path faultsFile = null;
    int port = 4599;
    int imdsPort = 4600;
    long seed = 0;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--estate" -> estateFile = Path.of(value(args, ++i, "--estate"));
          case "--faults" -> faultsFile = Path.of(value(args, ++i, "--faults"));
          case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
          case "--imds-port" -> imdsPort = Integer.parseInt(value(args, ++i, "--imds-port"));
          case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    Estate estate;
    FaultPlan faults;
    try {
      estate = estateFile == null ? Estate.demo() : Estate.load(estateFile);
      faults = faultsFile == null ? new FaultPlan(seed) : FaultPlan.fromMaps(readRules(faultsFile), seed);
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    try (Simulation sim = Simulation.start(estate, port, imdsPort, faults, Clock.systemUTC())) {
      out.println("AWS simulator: " + sim.endpoint() + " (every service), estate "
          + (estateFile == null ? "demo" : estateFile) + ": " + estate.accounts().size() + " accounts");
      out.println("instance metadata (IMDSv2): " + sim.imdsEndpoint());
      for (Principal p : estate.principals()) {
        out.println("access key " + p.accessKeyId() + " = " + p.arn() + " (its secret: see "
            + (estateFile == null ? "aws-simulator/src/main/resources/" + Estate.DEMO_RESOURCE : estateFile) + ")");
      }
      out.println("point the SDK or CLI at it: AWS_ENDPOINT_URL=" + sim.endpoint()
          + " AWS_EC2_METADATA_SERVICE_ENDPOINT=" + sim.imdsEndpoint() + "/");
      out.flush();
      stop.await();
    }
    return 0;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, ?>> readRules(Path file) {
    try {
      Object doc = new Yaml(new LoaderOptions()).load(Files.readString(file));
      if (doc == null) {
        return List.of();
      }
      if (!(doc instanceof List<?> list)) {
        throw new IllegalArgumentException(file + ": expected a list of fault rules");
      }
      return (List<Map<String, ?>>) list;
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
