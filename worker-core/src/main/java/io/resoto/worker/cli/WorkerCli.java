package io.resoto.worker.cli;

import io.resoto.worker.Version;
import io.resoto.worker.auth.PskJwt;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.core.CoreFlavor;
import io.resoto.worker.core.CoreOptions;
import io.resoto.worker.daemon.StartupException;
import io.resoto.worker.daemon.Worker;
import io.resoto.worker.daemon.WorkerOptions;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.run.RunStatus;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.run.SummaryTable;
import io.resoto.worker.spi.Secret;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code worker} command line. Exit codes: 0 success; 1 the worker could not run (port in
 * use, data directory unusable, unexpected failure); 2 bad command line or config; 3 a collect
 * run ({@code --once}, {@code collect}) finished but not complete.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = WorkerCli.VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Collects cloud resources on a schedule and writes (or sends) the resource graph.",
      "Without a subcommand it runs as a daemon: collects on resotoworker.schedule,",
      "serves /health /ready /metrics /info on resotoworker.web_port and stops cleanly on SIGTERM.",
      "With --resotocore-uri it works for a Resoto core instead: the core triggers the collects,",
      "keeps the config and receives the graphs.",
      ""
    },
    subcommands = {
      WorkerCli.CollectCommand.class,
      WorkerCli.TriggerCommand.class,
      WorkerCli.ConfigCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the worker could not run (port in use, data directory unusable, ...)",
      "2:invalid command line or config",
      "3:a one-off collect finished, but not complete"
    })
public final class WorkerCli implements Callable<Integer> {

  static final int EXIT_INCOMPLETE = 3;

  @Mixin ConfigOptions configOptions;
  @Mixin LogOptions logOptions;

  @Option(names = "--once", description = "Run one collect, print its summary and exit.")
  boolean once;

  @Option(names = "--psk", description = "Pre-shared key: authenticates the worker at the core and POST /collect"
      + " (env RESOTOWORKER_PSK).", arity = "1", interactive = false)
  String psk;

  @Option(names = {"--resotocore-uri", "--fixcore-uri"}, paramLabel = "URI",
      description = "Work with the Resoto (or Fix) core at this URI, e.g. http://resotocore:8900"
          + " (env RESOTOWORKER_RESOTOCORE_URI): the core triggers collects, keeps the config and"
          + " receives the graphs. Without it the worker collects on its own schedule into data_dir.")
  String coreUri;

  @Option(names = "--subscriber-id", paramLabel = "ID",
      description = "The worker's id at the core and the id of its config there (env RESOTOWORKER_SUBSCRIBER_ID;"
          + " default resoto.worker, fix.worker with --core-flavor fix). Each worker of a core needs its own.")
  String subscriberId;

  @Option(names = "--core-flavor", paramLabel = "resoto|fix",
      description = "The names the core uses (env RESOTOWORKER_CORE_FLAVOR; default resoto): fix for a Fix"
          + " Inventory core (config fix.worker, section fixworker, graph fix, Fix-Worker-* headers).")
  String coreFlavor;

  @Option(names = "--ca-cert", paramLabel = "FILE",
      description = "The core's CA certificate (PEM), for an https core URI (env RESOTOWORKER_CA_CERT)."
          + " Without it the worker fetches the CA from the core and checks it against the PSK-signed fingerprint.")
  Path caCert;

  @Option(names = "--no-verify-certs",
      description = "Do not verify the core's certificate at all (env RESOTOWORKER_NO_VERIFY_CERTS=true).")
  boolean noVerifyCerts;

  @Option(names = "--cert", paramLabel = "FILE",
      description = "With an https core: the web server's certificate (PEM) instead of one the core signs"
          + " (env RESOTOWORKER_CERT); needs --cert-key.")
  Path cert;

  @Option(names = "--cert-key", paramLabel = "FILE",
      description = "The private key (PEM) of --cert (env RESOTOWORKER_CERT_KEY).")
  Path certKey;

  @Option(names = "--cert-key-pass", paramLabel = "PASSWORD", arity = "1", interactive = false,
      description = "The password of an encrypted --cert-key (env RESOTOWORKER_CERT_KEY_PASS).")
  String certKeyPass;

  @Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;
  private final PluginRegistry registry;

  WorkerCli(Map<String, String> environment, PluginRegistry registry) {
    this.environment = environment;
    this.registry = registry;
  }

  /** Installs the SIGTERM/SIGINT handlers; the first thing a main method does. */
  public static void installSignalHandlers() {
    Signals.install();
  }

  /** The entry point: runs and exits with the command's code. */
  public static void main(String[] args) {
    Signals.install();
    System.exit(run(args, System.getenv(), PluginRegistry.discover(WorkerCli.class.getClassLoader())));
  }

  /** Runs the command line and returns the exit code (for tests and embedding). */
  public static int run(String[] args, Map<String, String> environment, PluginRegistry registry) {
    return run(args, environment, registry, null, null);
  }

  /** Same, printing to the given writers instead of standard output and error (null: the standard ones). */
  public static int run(String[] args, Map<String, String> environment, PluginRegistry registry,
      PrintWriter out, PrintWriter err) {
    return run(args, environment, registry, out, err, Map.of());
  }

  /**
   * Same, with more subcommands (name -> a picocli command object), for distributions that add
   * their own (the runnable app's {@code demo}).
   */
  public static int run(String[] args, Map<String, String> environment, PluginRegistry registry,
      PrintWriter out, PrintWriter err, Map<String, Object> extraCommands) {
    CommandLine cli = new CommandLine(new WorkerCli(environment, registry), new Factory(environment, registry));
    extraCommands.forEach(cli::addSubcommand);
    if (out != null) {
      cli.setOut(out);
    }
    if (err != null) {
      cli.setErr(err);
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("error: " + io.resoto.worker.run.CollectRun.describe(e));
      return 1;
    });
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    return code;
  }

  @Override
  public Integer call() throws Exception {
    logOptions.apply(environment);
    Secret key = secret(psk, environment);
    WorkerOptions options = configOptions.toWorkerOptions(environment, key, once);
    try {
      CoreOptions core = coreOptions(key);
      if (core != null) {
        options = options.withCore(core);
      }
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return 2;
    }
    if (once) {
      return collectOnce(options, registry, spec.commandLine());
    }
    try {
      Worker.runUntilStopped(options, registry, worker -> Signals.onTermination(worker::shutdown));
    } catch (StartupException e) {
      return report(spec.commandLine(), e);
    }
    return 0;
  }

  /** The core options from the command line and the environment, or null without a core URI. */
  CoreOptions coreOptions(Secret key) {
    String uri = coreUri != null ? coreUri : environment.get("RESOTOWORKER_RESOTOCORE_URI");
    if (uri == null || uri.isBlank()) {
      return null;
    }
    URI parsed;
    try {
      parsed = URI.create(uri.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--resotocore-uri " + uri + " is not a URI");
    }
    String flavorText = coreFlavor != null ? coreFlavor : environment.getOrDefault("RESOTOWORKER_CORE_FLAVOR", "resoto");
    CoreFlavor flavor = CoreFlavor.parse(flavorText);
    String subscriber = subscriberId != null ? subscriberId : environment.get("RESOTOWORKER_SUBSCRIBER_ID");
    String ca = caCert != null ? caCert.toString() : environment.get("RESOTOWORKER_CA_CERT");
    boolean noVerify = noVerifyCerts
        || List.of("true", "1", "yes").contains(environment.getOrDefault("RESOTOWORKER_NO_VERIFY_CERTS", "")
            .toLowerCase(java.util.Locale.ROOT));
    String certFile = cert != null ? cert.toString() : environment.get("RESOTOWORKER_CERT");
    String keyFile = certKey != null ? certKey.toString() : environment.get("RESOTOWORKER_CERT_KEY");
    boolean hasCert = certFile != null && !certFile.isBlank();
    boolean hasKey = keyFile != null && !keyFile.isBlank();
    if (hasCert != hasKey) {
      throw new IllegalArgumentException(hasCert ? "--cert needs --cert-key (the certificate's private key)"
          : "--cert-key needs --cert (the certificate of the key)");
    }
    CoreOptions.CertificateFiles files = null;
    if (hasCert) {
      files = new CoreOptions.CertificateFiles(Path.of(certFile), Path.of(keyFile),
          secret(certKeyPass != null ? certKeyPass : environment.get("RESOTOWORKER_CERT_KEY_PASS")));
    }
    return CoreOptions.of(parsed, key).withFlavor(flavor, subscriber)
        .withTls(ca == null || ca.isBlank() ? null : Path.of(ca), !noVerify)
        .withCertificate(files);
  }

  static int collectOnce(WorkerOptions options, PluginRegistry registry, CommandLine cli) throws InterruptedException {
    Worker worker;
    try {
      worker = Worker.start(options, registry);
    } catch (StartupException e) {
      return report(cli, e);
    }
    Signals.onTermination(worker::shutdown);
    RunSummary summary = worker.collectOnce("once");
    worker.shutdown("one collect done");
    cli.getOut().print(SummaryTable.render(summary));
    cli.getOut().flush();
    return summary.status() == RunStatus.COMPLETE ? 0 : EXIT_INCOMPLETE;
  }

  /** Prints each problem as one "error: " line and returns the exit code that goes with it. */
  static int report(CommandLine cli, StartupException e) {
    e.lines().forEach(l -> cli.getErr().println("error: " + l));
    cli.getErr().flush();
    return e.exitCode();
  }

  private static Secret secret(String value) {
    return value == null || value.isEmpty() ? null : Secret.of(value);
  }

  static Secret secret(String cliValue, Map<String, String> environment) {
    String value = cliValue != null ? cliValue : environment.get("RESOTOWORKER_PSK");
    return value == null || value.isEmpty() ? null : Secret.of(value);
  }

  /** --config and --override, shared by the commands that load a config. */
  static final class ConfigOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "YAML config file (env RESOTOWORKER_CONFIG). Without it the embedded defaults apply.")
    Path config;

    @Option(names = "--override", paramLabel = "SECTION.KEY=VALUE",
        description = "Set one config value, above the file and the environment; repeatable "
            + "(env RESOTOWORKER_OVERRIDE, space separated). Lists are comma separated.")
    List<String> overrides = new ArrayList<>();

    Path file(Map<String, String> env) {
      if (config != null) {
        return config;
      }
      String fromEnv = env.get("RESOTOWORKER_CONFIG");
      return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    List<String> overrides(Map<String, String> env) {
      List<String> all = new ArrayList<>();
      String fromEnv = env.get("RESOTOWORKER_OVERRIDE");
      if (fromEnv != null && !fromEnv.isBlank()) {
        all.addAll(Arrays.asList(fromEnv.trim().split("\\s+")));
      }
      all.addAll(overrides);
      return all;
    }

    WorkerOptions toWorkerOptions(Map<String, String> env, Secret psk, boolean once) {
      return new WorkerOptions(file(env), env, overrides(env), psk, once, Clock.systemUTC(),
          Path.of(System.getProperty("user.home")), Duration.ofSeconds(2));
    }

    /**
     * These options of a subcommand completed with the ones given before it ({@code worker -c f
     * config show}): the subcommand's own file wins, overrides of both apply (the subcommand's last).
     */
    ConfigOptions withParent(CommandLine.Model.CommandSpec spec) {
      if (!(spec.root().userObject() instanceof WorkerCli root) || root.configOptions == null
          || root.configOptions == this) {
        return this;
      }
      ConfigOptions merged = new ConfigOptions();
      merged.config = config != null ? config : root.configOptions.config;
      merged.overrides = new ArrayList<>(root.configOptions.overrides);
      merged.overrides.addAll(overrides);
      return merged;
    }
  }

  /** --log-format and verbosity. */
  static final class LogOptions {
    @Option(names = "--log-format", paramLabel = "text|json",
        description = "Log lines as text (default) or JSON lines (env RESOTOWORKER_LOG_FORMAT). Logs go to standard error.")
    String logFormat;

    @Option(names = {"-v", "--verbose"}, description = "Log DEBUG lines too (env RESOTOWORKER_VERBOSE=true).")
    boolean verbose;

    @Option(names = "--quiet", description = "Log only warnings and errors.")
    boolean quiet;

    void apply(Map<String, String> env) {
      String format = logFormat != null ? logFormat : env.getOrDefault("RESOTOWORKER_LOG_FORMAT", "text");
      LogSetup.Format f;
      try {
        f = LogSetup.Format.parse(format);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(new CommandLine(this),
            "unknown log format '" + format + "': use text or json");
      }
      boolean debug = verbose || List.of("true", "1", "yes").contains(env.getOrDefault("RESOTOWORKER_VERBOSE", "").toLowerCase(java.util.Locale.ROOT));
      LogSetup.apply(f, quiet ? "WARN" : debug ? "DEBUG" : "INFO");
    }
  }

  /** {@code worker collect}: one collect now, in this process. */
  @Command(name = "collect", mixinStandardHelpOptions = true,
      description = "Run one collect now in this process, print the run summary and exit (same as --once).")
  static final class CollectCommand implements Callable<Integer> {
    @Mixin ConfigOptions configOptions;
    @Mixin LogOptions logOptions;
    @Spec CommandLine.Model.CommandSpec spec;
    private final Map<String, String> environment;
    private final PluginRegistry registry;

    CollectCommand(Map<String, String> environment, PluginRegistry registry) {
      this.environment = environment;
      this.registry = registry;
    }

    @Override
    public Integer call() throws Exception {
      logOptions.apply(environment);
      return collectOnce(configOptions.withParent(spec).toWorkerOptions(environment, null, true), registry,
          spec.commandLine());
    }
  }

  /** {@code worker trigger}: ask a running worker to collect now. */
  @Command(name = "trigger", mixinStandardHelpOptions = true,
      description = "Ask a running worker to collect now (POST /collect, authenticated with the PSK).")
  static final class TriggerCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "The worker's web address (env RESOTOWORKER_URL; default http://127.0.0.1:9956).")
    String url;

    @Option(names = "--psk", description = "The worker's pre-shared key (env RESOTOWORKER_PSK).")
    String psk;

    @Option(names = "--ca-cert", paramLabel = "FILE",
        description = "For an https --url: the CA (PEM) that issued the worker's certificate, e.g. the core's"
            + " (env RESOTOWORKER_CA_CERT); the JVM's default roots are trusted too.")
    Path caCert;

    @Option(names = "--no-verify-certs",
        description = "For an https --url: do not verify the worker's certificate (env RESOTOWORKER_NO_VERIFY_CERTS=true).")
    boolean noVerifyCerts;

    @Spec CommandLine.Model.CommandSpec spec;
    private final Map<String, String> environment;

    TriggerCommand(Map<String, String> environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Secret key = secret(psk, environment);
      if (key == null) {
        err.println("error: the worker only accepts authenticated triggers: give --psk or set RESOTOWORKER_PSK");
        return 2;
      }
      String base = url != null ? url : environment.getOrDefault("RESOTOWORKER_URL", "http://127.0.0.1:9956");
      URI target;
      try {
        target = URI.create(base.replaceAll("/+$", "") + "/collect");
      } catch (IllegalArgumentException e) {
        err.println("error: --url " + base + " is not a URL");
        return 2;
      }
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
      String ca = caCert != null ? caCert.toString() : environment.get("RESOTOWORKER_CA_CERT");
      if (noVerifyCerts || List.of("true", "1", "yes").contains(
          environment.getOrDefault("RESOTOWORKER_NO_VERIFY_CERTS", "").toLowerCase(java.util.Locale.ROOT))) {
        builder.sslContext(io.resoto.worker.core.tls.CoreTrust.trustingAnything());
      } else if (ca != null && !ca.isBlank()) {
        try {
          builder.sslContext(io.resoto.worker.core.tls.CoreTrust.fromFile(Path.of(ca)).sslContext());
        } catch (io.resoto.worker.core.tls.CoreTrust.TrustException e) {
          err.println("error: " + e.getMessage());
          return 2;
        }
      }
      HttpClient client = builder.build();
      HttpRequest request = HttpRequest.newBuilder(target)
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + PskJwt.mint(key, Clock.systemUTC()))
          .POST(HttpRequest.BodyPublishers.noBody())
          .build();
      HttpResponse<String> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        err.println("error: cannot reach the worker at " + base + ": " + io.resoto.worker.run.CollectRun.describe(e));
        return 1;
      }
      if (response.statusCode() == 202) {
        out.println("collect " + response.body().replaceAll("(?s).*\"result\"\\s*:\\s*\"([a-z_]+)\".*", "$1"));
        return 0;
      }
      err.println("error: the worker answered " + response.statusCode() + ": " + response.body().strip());
      return 1;
    }
  }

  /** {@code worker config ...}. */
  @Command(name = "config", mixinStandardHelpOptions = true,
      description = "Show, validate or print the defaults of the configuration.",
      subcommands = {ConfigCommand.Show.class, ConfigCommand.Validate.class, ConfigCommand.Defaults.class,
          ConfigCommand.Reference.class})
  static final class ConfigCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().usage(spec.commandLine().getErr());
      return 2;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the effective config (defaults, file, environment, overrides) with secrets redacted.")
    static final class Show implements Callable<Integer> {
      @Mixin ConfigOptions configOptions;
      @Option(names = "--sources", description = "Say after each value that is not a default where it came from.")
      boolean sources;
      @Spec CommandLine.Model.CommandSpec spec;
      private final Map<String, String> environment;
      private final PluginRegistry registry;

      Show(Map<String, String> environment, PluginRegistry registry) {
        this.environment = environment;
        this.registry = registry;
      }

      @Override
      public Integer call() {
        try {
          LoadedConfig c = Worker.loadConfig(configOptions.withParent(spec).toWorkerOptions(environment, null, true),
              registry);
          spec.commandLine().getOut().print(c.toYaml(sources));
          return 0;
        } catch (StartupException e) {
          return report(spec.commandLine(), e);
        }
      }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a config file: every problem with its line, exit 0 when valid, 2 when not.")
    static final class Validate implements Callable<Integer> {
      @Parameters(paramLabel = "FILE", description = "The YAML config file.")
      Path file;
      @Option(names = "--override", paramLabel = "SECTION.KEY=VALUE", description = "Also apply these overrides.")
      List<String> overrides = new ArrayList<>();
      @Spec CommandLine.Model.CommandSpec spec;
      private final Map<String, String> environment;
      private final PluginRegistry registry;

      Validate(Map<String, String> environment, PluginRegistry registry) {
        this.environment = environment;
        this.registry = registry;
      }

      @Override
      public Integer call() {
        WorkerOptions options = new WorkerOptions(file, environment, overrides, null, true,
            Clock.systemUTC(), Path.of(System.getProperty("user.home")), Duration.ofSeconds(2));
        try {
          Worker.loadConfig(options, registry);
          spec.commandLine().getOut().println(file + ": valid");
          return 0;
        } catch (StartupException e) {
          return report(spec.commandLine(), e);
        }
      }
    }

    @Command(name = "defaults", mixinStandardHelpOptions = true,
        description = "Print a complete config with every key at its default and a comment on each.")
    static final class Defaults implements Callable<Integer> {
      @Spec CommandLine.Model.CommandSpec spec;
      private final PluginRegistry registry;

      Defaults(PluginRegistry registry) {
        this.registry = registry;
      }

      @Override
      public Integer call() {
        spec.commandLine().getOut().print(registry.configLoader().defaultsYaml());
        return 0;
      }
    }

    @Command(name = "reference", mixinStandardHelpOptions = true,
        description = "Print the configuration reference (every key: type, default, description) as Markdown.")
    static final class Reference implements Callable<Integer> {
      @Spec CommandLine.Model.CommandSpec spec;
      private final PluginRegistry registry;

      Reference(PluginRegistry registry) {
        this.registry = registry;
      }

      @Override
      public Integer call() {
        spec.commandLine().getOut().print(
            io.resoto.worker.config.ConfigReference.markdown(registry.configLoader()));
        return 0;
      }
    }
  }

  /** Gives subcommands the environment and the plugin registry. */
  private record Factory(Map<String, String> environment, PluginRegistry registry) implements CommandLine.IFactory {
    @Override
    @SuppressWarnings("unchecked")
    public <K> K create(Class<K> cls) throws Exception {
      if (cls == CollectCommand.class) {
        return (K) new CollectCommand(environment, registry);
      }
      if (cls == TriggerCommand.class) {
        return (K) new TriggerCommand(environment);
      }
      if (cls == ConfigCommand.Show.class) {
        return (K) new ConfigCommand.Show(environment, registry);
      }
      if (cls == ConfigCommand.Validate.class) {
        return (K) new ConfigCommand.Validate(environment, registry);
      }
      if (cls == ConfigCommand.Defaults.class) {
        return (K) new ConfigCommand.Defaults(registry);
      }
      if (cls == ConfigCommand.Reference.class) {
        return (K) new ConfigCommand.Reference(registry);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** Prints the version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"resotoworker (Java) " + Version.get(),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
