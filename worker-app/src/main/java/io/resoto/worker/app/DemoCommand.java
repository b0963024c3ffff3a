package io.resoto.worker.app;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.cli.WorkerCli;
import io.resoto.worker.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code worker demo}: one full collect with the AWS collector against the bundled AWS simulator
 * and its demo organisation (three accounts, roles with an ExternalId, nested OUs), no AWS
 * account needed. The simulator runs in this process on free ports of 127.0.0.1 and stops
 * afterwards.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run one collect with the AWS collector against the bundled AWS simulator's demo"
        + " organisation (no AWS account needed), print the run summary and exit.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where the run is written (default: resotoworker.data_dir, ~/.resotoworker/data).")
  Path dataDir;

  @Option(names = "--log-format", paramLabel = "text|json", description = "As for collect.")
  String logFormat;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;
  private final PluginRegistry registry;

  DemoCommand(Map<String, String> environment, PluginRegistry registry) {
    this.environment = environment;
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = Files.createTempDirectory("resotoworker-demo");
    try (Simulation sim = Simulation.start(Estate.demo())) {
      // the demo organisation's own keys: every value in it is fake
      Path config = Files.writeString(dir.resolve("demo.yaml"), """
          resotoworker:
            collector: [aws]
          %saws:
            endpoint_url: %s
            access_key_id: AKIADEMO00000000000A
            secret_access_key: demo-secret-0000000000000000000000000000
            role: ResotoAccess
            external_id: demo-external-id
            scrape_org: true
          """.formatted(dataDir == null ? "" : "  data_dir: '" + dataDir.toAbsolutePath() + "'\n",
          sim.endpoint()));
      err.println("AWS simulator with the demo organisation on " + sim.endpoint()
          + "; collecting it with the aws collector");
      err.flush();
      List<String> args = new ArrayList<>(List.of("collect", "-c", config.toString()));
      if (logFormat != null) {
        args.add("--log-format");
        args.add(logFormat);
      }
      return WorkerCli.run(args.toArray(String[]::new), environment, registry, out, err);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
