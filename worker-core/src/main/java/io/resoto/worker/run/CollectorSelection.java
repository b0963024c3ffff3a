package io.resoto.worker.run;

import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.spi.CollectorPlugin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Chooses the collectors of one run. With {@code resotoworker.collector} set: those, in config
 * order. Not set: every installed collector whose {@link CollectorPlugin#autoEnable} answers true,
 * all asked at once, each on a thread of its own, within one overall timeout (10 s, as in the
 * original worker). A collector that answers late, throws or cannot be created is not enabled;
 * waiting never takes longer than the timeout, whatever a plugin does.
 */
public final class CollectorSelection {

  private static final Logger log = LoggerFactory.getLogger(CollectorSelection.class);

  /** The original worker's overall timeout for asking every collector. */
  public static final Duration AUTO_ENABLE_TIMEOUT = Duration.ofSeconds(10);

  /**
   * The collectors a run uses.
   *
   * @param plugins fresh, uninitialised instances, in the order they are listed (config order, or
   *     by name when auto-enabled)
   * @param automatic true when {@code collector} was not set and these were auto-enabled
   * @param notEnabled when automatic: each installed collector that was not enabled, with why
   */
  public record Selection(
      List<CollectorPlugin<?>> plugins, boolean automatic, Map<String, String> notEnabled) {

    public Selection {
      plugins = List.copyOf(plugins);
      notEnabled = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notEnabled));
    }

    /** The names of the chosen collectors. */
    public List<String> names() {
      return plugins.stream().map(CollectorPlugin::name).toList();
    }
  }

  private final PluginRegistry registry;
  private final List<CollectorPlugin<?>> fixed;
  private final Duration timeout;

  private CollectorSelection(PluginRegistry registry, List<CollectorPlugin<?>> fixed, Duration timeout) {
    this.registry = registry;
    this.fixed = fixed;
    this.timeout = timeout;
  }

  /** The registry's collectors, as the config says, auto-enabled within {@link #AUTO_ENABLE_TIMEOUT}. */
  public static CollectorSelection of(PluginRegistry registry) {
    return of(registry, AUTO_ENABLE_TIMEOUT);
  }

  /** The same with another overall timeout for auto-enabling (tests). */
  public static CollectorSelection of(PluginRegistry registry, Duration autoEnableTimeout) {
    if (autoEnableTimeout.isNegative() || autoEnableTimeout.isZero()) {
      throw new IllegalArgumentException("the auto-enable timeout must be positive, got " + autoEnableTimeout);
    }
    return new CollectorSelection(Objects.requireNonNull(registry, "registry"), null, autoEnableTimeout);
  }

  /** Exactly these plugins, whatever the config says (tests and embedding). */
  public static CollectorSelection fixed(List<CollectorPlugin<?>> plugins) {
    return new CollectorSelection(null, List.copyOf(plugins), AUTO_ENABLE_TIMEOUT);
  }

  /**
   * The collectors for a run with this config. Never throws; returns early, with what has answered
   * so far, when {@code stop} completes (the worker shuts down).
   */
  public Selection select(LoadedConfig config, CompletableFuture<?> stop) {
    if (registry == null) {
      return new Selection(fixed, false, Map.of());
    }
    List<String> configured = config.worker().collector();
    if (configured != null) {
      return new Selection(registry.createAll(configured), false, Map.of());
    }
    return autoEnable(config, stop);
  }

  private Selection autoEnable(LoadedConfig config, CompletableFuture<?> stop) {
    List<CollectorPlugin<?>> candidates = registry.createAll(registry.names());
    Map<String, CompletableFuture<Boolean>> answers = new LinkedHashMap<>();
    AtomicInteger n = new AtomicInteger();
    ExecutorService askers = Executors.newFixedThreadPool(Math.max(1, candidates.size()), r -> {
      Thread t = new Thread(r, "auto-enable-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      for (CollectorPlugin<?> candidate : candidates) {
        answers.put(candidate.name(), CompletableFuture.supplyAsync(() -> ask(candidate, config), askers));
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(answers.values().toArray(CompletableFuture[]::new));
      try {
        CompletableFuture.anyOf(all, stop).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // late and failed answers are reported per collector below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } finally {
      // What has not answered by now is a no: cancelling the answer first makes a yes that
      // comes once the thread is interrupted count for nothing. A plugin that ignores the
      // interrupt keeps a daemon thread busy, never the run.
      answers.values().forEach(answer -> answer.cancel(false));
      askers.shutdownNow();
    }
    String late = stop.isDone() ? "no answer before the run was stopped" : "no answer within " + seconds(timeout);
    List<String> enabled = new ArrayList<>();
    Map<String, String> notEnabled = new LinkedHashMap<>();
    answers.forEach((name, answer) -> {
      String reason = reason(answer, late);
      if (reason == null) {
        enabled.add(name);
      } else {
        notEnabled.put(name, reason);
      }
    });
    log.info("collector not set: auto-enabled {}; not enabled: {}",
        enabled.isEmpty() ? "none" : String.join(", ", enabled),
        notEnabled.isEmpty() ? "none" : String.join(", ", notEnabled.entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
    return new Selection(registry.createAll(enabled), true, notEnabled);
  }

  private <C extends Record> boolean ask(CollectorPlugin<C> plugin, LoadedConfig config) {
    MDC.put("plugin", plugin.name());
    try {
      return plugin.autoEnable(config.section(plugin.name(), plugin.configType()), timeout);
    } finally {
      MDC.remove("plugin");
    }
  }

  /** Null when the answer is yes, else why not. */
  private static String reason(CompletableFuture<Boolean> answer, String late) {
    if (answer.isCancelled()) {
      return late;
    }
    try {
      return answer.join() ? null : "answered no";
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      log.debug("auto-enable check failed", cause);
      return "the check failed: " + CollectRun.describe(cause);
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
