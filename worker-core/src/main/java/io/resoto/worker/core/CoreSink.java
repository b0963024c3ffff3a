package io.resoto.worker.core;

import io.resoto.worker.graph.Model;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.GraphDelivery;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink used with a core: per run it creates the graph ({@code POST /graph/{graph}}) and
 * replaces the model ({@code PUT /graph/{graph}/model}); per account it merges the graph ({@code
 * POST /graph/{graph}/merge}) with the NDJSON streamed in chunks and the task id and node and edge
 * count headers (reference §3.5).
 *
 * <p>The model sent is that of every installed plugin (as the original exports every loaded
 * class), not only of the run's plugins: the core replaces its model with it.
 *
 * <p>Every graph is first written to the {@link Spool}, then sent ({@code uploadAttempts} tries
 * with backoff) and deleted after the core's 2xx. A graph the core does not take in those tries
 * stays in the spool; a sender thread retries the spool oldest first, with backoff, at once when
 * the core connection comes back ({@link #wake}), and after a restart. A merge the core refuses as
 * invalid (4xx other than 401, 403, 408, 429) is dropped with an error: sending it again would not
 * help.
 */
public final class CoreSink implements GraphSink, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CoreSink.class);

  private final CoreClient client;
  private final CoreFlavor flavor;
  private final Spool spool;
  private final Backoff backoff;
  private final int attempts;
  private final Object signal = new Object();
  private volatile boolean closed;
  private volatile boolean woken;
  private volatile boolean modelSent;
  private final Thread sender;

  private final Model installed;

  /**
   * @param installed the model of every installed plugin: the model is replaced in the core on
   *     each run (PUT), so it must not lose the kinds of plugins the run does not use
   */
  CoreSink(CoreClient client, Spool spool, Model installed) {
    this.installed = installed;
    this.client = client;
    this.flavor = client.options().flavor();
    this.spool = spool;
    this.backoff = client.options().backoff();
    this.attempts = client.options().uploadAttempts();
    this.sender = new Thread(this::drain, "core-spool-sender");
    sender.setDaemon(true);
  }

  /** Takes over the spool a previous process left and starts sending it. */
  void start() throws IOException {
    int found = spool.recover();
    if (found > 0) {
      log.warn("spool {}: {} graph(s) from an earlier run were not sent to the core yet; sending them now",
          spool.dir(), found);
    }
    sender.start();
  }

  /** Retries the spool now (the core is reachable again). */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Completes when every graph of the run reached the core or was dropped. */
  public CompletableFuture<Void> settled(String runId) {
    return spool.settled(runId);
  }

  @Override
  public void runStarted(RunInfo run, Model model) throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    installed.plus(model.kinds()).writeJson(json);
    spool.saveModel(run.runId(), json.toByteArray());
    createGraphAndModel(run.graphName(), json.toByteArray());
  }

  private void createGraphAndModel(String graph, byte[] model) throws IOException {
    String g = encode(graph);
    call("create graph " + graph, () -> client.request("/graph/" + g)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    call("update the model of graph " + graph, () -> client.request("/graph/" + g + "/model")
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(model)).build());
    modelSent = true;
  }

  private interface RequestFactory {
    HttpRequest build();
  }

  private void call(String what, RequestFactory request) throws IOException {
    String problem = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
          return;
        }
        problem = "HTTP " + r.statusCode() + CoreClient.statusHint(r.statusCode()) + " " + brief(r.body());
      } catch (IOException e) {
        problem = CoreClient.describe(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(what + ": interrupted");
      }
      if (attempt < attempts) {
        log.warn("core: {} failed (attempt {} of {}): {}", what, attempt, attempts, problem);
        sleep(backoff.after(attempt));
      }
    }
    throw new IOException("the core at " + client.options().uri() + " could not " + what + ": " + problem);
  }

  @Override
  public void deliver(RunInfo run, GraphDelivery delivery) throws IOException {
    Set<String> replace = new TreeSet<>(delivery.replaceNodeIds());
    String label = delivery.account() == null ? delivery.cloud() : delivery.cloud() + " " + delivery.account();
    Spool.Entry entry = spool.add(run.runId(), run.graphName(), run.coreTask(),
        run.graphName() + " " + String.join(",", replace), label, delivery.nodeCount(),
        delivery.edgeCount(), delivery::writeNdjson);
    String problem = null;
    for (int attempt = 1; attempt <= attempts && !closed; attempt++) {
      Result r = send(entry);
      if (r.outcome() != Outcome.FAILED) {
        return;
      }
      problem = r.problem();
      if (attempt < attempts) {
        sleep(backoff.after(attempt));
      }
    }
    spool.release(entry);
    log.warn("core: the graph of {} is kept in the spool and sent when the core takes it ({})", label, problem);
    wake();
  }

  private enum Outcome { SENT, REFUSED, FAILED }

  private record Result(Outcome outcome, String problem) {}

  /** One attempt; SENT and REFUSED remove the entry. */
  private Result send(Spool.Entry e) {
    synchronized (spool.lock(e.key())) {
      if (!Files.exists(e.file())) {
        spool.done(e);
        return new Result(Outcome.SENT, null);
      }
      HttpRequest.Builder b = client.request("/graph/" + encode(e.graph()) + "/merge?wait_for_result=false")
          .timeout(Duration.ofHours(1))
          .header("Content-Type", "application/x-ndjson")
          .header(flavor.nodesHeader(), Long.toString(e.nodes()))
          .header(flavor.edgesHeader(), Long.toString(e.edges()))
          // no length: the body is streamed from the file in chunks
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
              return Files.newInputStream(e.file());
            } catch (IOException ex) {
              throw new java.io.UncheckedIOException(ex);
            }
          }));
      if (e.task() != null) {
        b.header(flavor.taskIdHeader(), e.task());
      }
      try {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        int status = r.statusCode();
        if (status / 100 == 2) {
          spool.done(e);
          log.debug("core: merged the graph of {} ({} nodes)", e.label(), e.nodes());
          return new Result(Outcome.SENT, null);
        }
        if (status / 100 == 4 && status != 401 && status != 403 && status != 408 && status != 429) {
          log.error("core: refused the graph of {} from run {} with HTTP {}: {}; it is dropped", e.label(),
              e.runId(), status, brief(r.body()));
          spool.done(e);
          return new Result(Outcome.REFUSED, null);
        }
        return new Result(Outcome.FAILED, "HTTP " + status + CoreClient.statusHint(status) + " " + brief(r.body()));
      } catch (IOException | java.io.UncheckedIOException ex) {
        return new Result(Outcome.FAILED, CoreClient.describe(ex));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return new Result(Outcome.FAILED, "interrupted");
      }
    }
  }

  private void drain() {
    int failures = 0;
    String logged = null;
    while (!closed) {
      Spool.Entry e = spool.next();
      if (e == null) {
        waitForWork(null);
        continue;
      }
      if (spool.expired(e)) {
        log.error("spool: dropped the graph of {} from run {}: older than resotoworker.spool_max_age ({});"
            + " the next collect sends that account again", e.label(), e.runId(), e.created());
        spool.done(e);
        continue;
      }
      if (spool.recovered(e.runId()) && !modelSent) {
        byte[] model = spool.model(e.runId());
        try {
          if (model != null) {
            createGraphAndModel(e.graph(), model);
          }
        } catch (IOException ex) {
          spool.release(e);
          failures++;
          logged = logFailure(ex.getMessage(), logged, failures);
          waitForWork(backoff.after(failures));
          continue;
        }
      }
      Result r = send(e);
      if (r.outcome() == Outcome.FAILED) {
        spool.release(e);
        failures++;
        logged = logFailure(r.problem(), logged, failures);
        waitForWork(backoff.after(failures));
      } else {
        if (failures > 0) {
          log.info("core: spooled graphs are being sent again ({} left)", spool.size());
        }
        failures = 0;
        logged = null;
      }
    }
  }

  private String logFailure(String problem, String logged, int failures) {
    if (!String.valueOf(problem).equals(logged)) {
      log.warn("core: cannot send the spooled graphs yet ({} waiting): {}; retrying", spool.size(), problem);
    } else {
      log.debug("core: spool attempt {} failed: {}", failures, problem);
    }
    return String.valueOf(problem);
  }

  private void waitForWork(Duration max) {
    synchronized (signal) {
      if (!woken && !closed) {
        try {
          signal.wait(max == null ? 1000 : Math.max(1, max.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          closed = true;
        }
      }
      woken = false;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String runFinished(RunInfo run, RunSummary summary) {
    spool.runFinished(run.runId());
    return "core " + client.options().uri() + ", graph " + run.graphName();
  }

  @Override
  public String unusableReason() {
    if (!Files.isDirectory(spool.dir()) || !Files.isWritable(spool.dir())) {
      return "spool directory " + spool.dir() + " is not writable";
    }
    return null;
  }

  @Override
  public String describe() {
    return "core " + client.options().uri() + " (spool " + spool.dir() + ")";
  }

  /** Graphs waiting in the spool, and their size in bytes. */
  public long[] spooled() {
    return new long[] {spool.size(), spool.bytes()};
  }

  @Override
  public void close() {
    closed = true;
    wake();
    try {
      sender.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String brief(String body) {
    if (body == null) {
      return "";
    }
    String b = body.strip().replace('\n', ' ');
    return b.length() > 300 ? b.substring(0, 300) + "..." : b;
  }
}
