package io.resoto.worker.core;

import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.core.tasks.TaskHandler;
import io.resoto.worker.run.RunCoordinator;
import io.resoto.worker.run.RunListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the worker holds with a core, in the order the worker needs it:
 * {@link #connect} (the core is ready, the worker's config is read), {@link #registerConfig},
 * {@link #openSink} (the spool is taken over), then {@link #start} (the actions, task queue and
 * events channels). {@link #progressListener} is the listener that turns a run's progress into
 * the core's progress messages; the run coordinator gets it before {@link #start}.
 */
public final class CoreConnection implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CoreConnection.class);

  /** Why the worker cannot use the core; {@code config} says whether it is a problem of the arguments. */
  public static final class CoreUnavailable extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean config;

    CoreUnavailable(String message, boolean config) {
      super(message);
      this.config = config;
    }

    public boolean isConfigProblem() {
      return config;
    }
  }

  private final CoreClient client;
  private final CoreConfigStore store;
  private final Clock clock;
  private final AtomicReference<RunCoordinator> coordinator = new AtomicReference<>();
  private final AtomicReference<CoreSink> sink = new AtomicReference<>();
  private final ActionChannel actions;
  private final ExecutorService configReloads = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "core-config-reload");
    t.setDaemon(true);
    return t;
  });
  private volatile CoreConfigStore.Fetched config;
  private volatile String revision;
  private TaskQueueChannel tasks;
  private volatile io.resoto.worker.core.tls.WebCertificate webCertificate;
  private EventsChannel events;

  private volatile Supplier<LoadedConfig> running;
  private volatile boolean configPending;
  private volatile Consumer<CoreConfigStore.Fetched> configChanged;

  private CoreConnection(CoreClient client, CoreConfigStore store, Clock clock) {
    this.client = client;
    this.store = store;
    this.clock = clock;
    this.actions = new ActionChannel(client, clock,
        task -> coordinator.get().submit("core", task),
        runId -> sink.get() == null ? CompletableFuture.completedFuture(null) : sink.get().settled(runId),
        () -> running == null ? 10800 : running.get().worker().timeout(),
        () -> {
          CoreSink s = sink.get();
          if (s != null) {
            s.wake();
          }
        },
        this::readPendingConfig);
  }

  /**
   * Before the actions channel registers: if the config could not be read at start, read it now
   * (a failure fails this connection attempt, which the channel logs and retries), register it
   * and apply it.
   */
  private void readPendingConfig() throws Exception {
    if (!configPending) {
      return;
    }
    CoreConfigStore.Fetched fetched = store.fetch();
    config = fetched;
    revision = store.register(fetched);
    configPending = false;
    log.info("config {} read from the core{}", client.options().configId(),
        fetched.found() ? " (revision " + fetched.revision() + ")" : "; it did not exist and was created");
    Consumer<CoreConfigStore.Fetched> changed = configChanged;
    if (changed != null) {
      changed.accept(fetched);
    }
  }

  /**
   * Builds the client, waits for {@code /system/ready}, with an https core decides whom to trust
   * (see {@link CoreClient#establishTrust}) and reads the worker's config document.
   */
  public static CoreConnection connect(CoreOptions options, ConfigLoader loader, Map<String, String> environment,
      Clock clock) throws CoreUnavailable, InterruptedException {
    CoreClient client;
    try {
      client = CoreClient.create(options, clock);
    } catch (IllegalArgumentException e) {
      throw new CoreUnavailable(e.getMessage(), true);
    }
    if (!client.awaitReady()) {
      throw new CoreUnavailable("the core at " + options.uri() + " was not ready within "
          + options.readyTimeout().toSeconds() + " s (GET /system/ready)", false);
    }
    try {
      client.establishTrust();
    } catch (io.resoto.worker.core.tls.CoreTrust.TrustException e) {
      throw new CoreUnavailable(e.getMessage(), e.isConfigProblem());
    }
    CoreConfigStore store = new CoreConfigStore(client, loader, environment);
    CoreConnection connection = new CoreConnection(client, store, clock);
    try {
      connection.config = store.fetch();
    } catch (IOException e) {
      // e.g. a wrong PSK (401) or a core in trouble (500): the worker starts with its local config
      // and reads the core's before it registers for actions, retrying with the channel
      log.error("cannot read config {} from the core at {}: {}; starting without it, retrying until it can be read",
          options.configId(), options.uri(), CoreClient.describe(e));
      connection.config = store.empty();
      connection.configPending = true;
      return connection;
    }
    connection.revision = connection.config.revision();
    log.info("connected to the core at {} as {} ({} names); config {} {}", options.uri(), options.subscriberId(),
        options.flavor(), options.configId(), connection.config.found()
            ? "read (revision " + connection.config.revision() + ")" : "does not exist yet: it is created from the defaults");
    return connection;
  }

  /** True when the core is https: the web server serves HTTPS too, unless no_tls. */
  public boolean tls() {
    return client.options().tls();
  }

  /**
   * The web server's certificate: from {@code --cert}/{@code --cert-key}, or signed by the core
   * (renewed while this connection is open). IOException saying what failed.
   */
  public synchronized io.resoto.worker.core.tls.WebCertificate webCertificate() throws IOException {
    if (webCertificate == null) {
      webCertificate = io.resoto.worker.core.tls.WebCertificate.obtain(client, clock);
    }
    return webCertificate;
  }

  /** The config document as last read from the core. */
  public CoreConfigStore.Fetched config() {
    return config;
  }

  /** Names the core's config layer in sources and problems. */
  public String layerName() {
    return store.layerName();
  }

  /**
   * Registers the config model and stores the completed document (failures are logged). Not
   * while the config could not be read: storing defaults then would overwrite the operator's.
   */
  public void registerConfig() throws InterruptedException {
    if (!configPending) {
      revision = store.register(config);
    }
  }

  /** The sink for this core, its spool in {@code spoolDir}, the spool left by an earlier run taken over. */
  public CoreSink openSink(Path spoolDir, long maxBytes, Duration maxAge, io.resoto.worker.graph.Model installed)
      throws IOException {
    CoreSink s = new CoreSink(client, new Spool(spoolDir, maxBytes, maxAge, clock), installed);
    s.start();
    sink.set(s);
    return s;
  }

  /** Sends the core progress and errors of the runs it asked for. */
  public RunListener progressListener() {
    return actions;
  }

  /**
   * Opens the channels: actions (collects go to {@code runs}; the subscriptions' timeout is
   * {@code resotoworker.timeout} of the config in force), the task queue (with these handlers) and
   * events (a changed config document is read and handed to {@code onConfigChange} on a thread of
   * its own).
   */
  public void start(RunCoordinator runs, Supplier<LoadedConfig> config, List<TaskHandler> handlers,
      Consumer<CoreConfigStore.Fetched> onConfigChange) {
    coordinator.set(runs);
    running = config;
    configChanged = onConfigChange;
    tasks = new TaskQueueChannel(client, clock, handlers);
    events = new EventsChannel(client, clock, client.options().configId(),
        rev -> configReloads.execute(() -> reload(rev, onConfigChange)));
    actions.start();
    tasks.start();
    events.start();
  }

  /** The config in force changed: the task queue announces its handlers again if they changed. */
  public void configApplied() {
    if (tasks != null) {
      tasks.refresh();
    }
  }

  private void reload(String newRevision, Consumer<CoreConfigStore.Fetched> onConfigChange) {
    if (newRevision != null && newRevision.equals(revision)) {
      log.debug("config {} revision {} is the one in force", client.options().configId(), newRevision);
      return;
    }
    try {
      CoreConfigStore.Fetched fetched = store.fetch();
      config = fetched;
      revision = fetched.revision();
      log.info("config {} changed in the core (revision {})", client.options().configId(), fetched.revision());
      onConfigChange.accept(fetched);
    } catch (IOException e) {
      log.error("config {} changed in the core but could not be read: {}; keeping the running config",
          client.options().configId(), CoreClient.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Channels that are down, with the reason, for {@code /health} and {@code /ready}. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    if (configPending) {
      p.add("core config " + client.options().configId() + " not read yet");
    }
    for (CoreChannel c : channels()) {
      String problem = c.problem();
      if (problem != null) {
        p.add("core " + problem);
      }
    }
    return p;
  }

  private List<CoreChannel> channels() {
    List<CoreChannel> all = new ArrayList<>();
    all.add(actions);
    if (tasks != null) {
      all.add(tasks);
    }
    if (events != null) {
      all.add(events);
    }
    return all;
  }

  /** For {@code /info}: where, who, what is connected, what waits in the spool. No secrets. */
  public Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    CoreOptions o = client.options();
    info.put("uri", o.uri().toString());
    info.put("flavor", o.flavor().toString());
    info.put("subscriber_id", o.subscriberId());
    info.put("config_id", o.configId());
    info.put("config_revision", revision);
    long[] counts = actions.counts();
    info.put("actions_received", counts[0]);
    info.put("actions_repeated", counts[1]);
    Map<String, Boolean> connected = new LinkedHashMap<>();
    channels().forEach(c -> connected.put(c.name().replace(' ', '_'), c.isConnected()));
    info.put("connected", connected);
    CoreSink s = sink.get();
    if (s != null) {
      long[] spooled = s.spooled();
      info.put("spooled_graphs", spooled[0]);
      info.put("spooled_bytes", spooled[1]);
    }
    return info;
  }

  @Override
  public void close() {
    for (CoreChannel c : channels()) {
      c.close();
    }
    configReloads.shutdownNow();
    if (webCertificate != null) {
      webCertificate.close();
    }
    CoreSink s = sink.get();
    if (s != null) {
      s.close();
    }
  }
}
