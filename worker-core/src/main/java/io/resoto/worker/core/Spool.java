package io.resoto.worker.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk spool every graph upload goes through: {@code <data_dir>/spool/<run id>/} holds the
 * run's {@code model.json} and one {@code <seq>-<cloud>-<account>.ndjson} per graph with its
 * {@code .meta.json} (graph, task id, counts, replace nodes, creation time). An entry is written
 * completely (temporary name, then renamed: the renamed NDJSON is the commit point) before it is
 * sent, and deleted only after the core answered 2xx, so a graph survives the core being down and
 * the worker being restarted.
 *
 * <p>Bounded: {@code maxBytes} (the oldest entries are dropped to make room) and {@code maxAge}
 * (older entries are dropped instead of sent), each drop logged as an error. A newer graph of the
 * same replace node (the same account of the same graph) supersedes an older one that has not
 * been sent: sending the older one after the newer would roll the account back.
 *
 * <p>Delivery is at least once: a crash after the core took an upload and before its entry is
 * deleted sends it again after the restart. The repeat is harmless: a merge replaces the
 * account's subtree, and replacing it with the same content changes nothing in the core.
 */
final class Spool {

  private static final Logger log = LoggerFactory.getLogger(Spool.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One spooled graph. */
  record Entry(Path file, Path meta, String runId, String graph, String task, long nodes, long edges,
      String key, Instant created, long seq, long bytes, String label) {}

  private final Path dir;
  private final long maxBytes;
  private final Duration maxAge;
  private final Clock clock;
  private final AtomicLong seq = new AtomicLong();
  // all entries not yet sent or dropped, oldest first
  private final List<Entry> entries = new ArrayList<>();
  private final Set<Entry> inFlight = new HashSet<>();
  private final Map<String, Integer> pendingByRun = new HashMap<>();
  private final Map<String, List<CompletableFuture<Void>>> waiting = new HashMap<>();
  private final Set<String> finishedRuns = new HashSet<>();
  private final Set<String> recoveredRuns = new HashSet<>();
  private final Map<String, Object> keyLocks = new HashMap<>();

  Spool(Path dir, long maxBytes, Duration maxAge, Clock clock) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  Path dir() {
    return dir;
  }

  /**
   * Creates the directory and takes over what an earlier process left: unfinished writes are
   * removed, whole entries are queued to be sent (oldest first). Returns how many were found.
   */
  synchronized int recover() throws IOException {
    Files.createDirectories(dir);
    List<Entry> found = new ArrayList<>();
    try (Stream<Path> runs = Files.list(dir)) {
      for (Path run : runs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.list(run)) {
          for (Path f : files.toList()) {
            String name = f.getFileName().toString();
            if (name.endsWith(".tmp")) {
              Files.deleteIfExists(f);
            } else if (name.endsWith(".meta.json")) {
              Path data = f.resolveSibling(name.substring(0, name.length() - ".meta.json".length()) + ".ndjson");
              if (!Files.exists(data)) {
                // written before the commit point: the graph itself never made it
                Files.deleteIfExists(f);
              }
            } else if (name.endsWith(".ndjson")) {
              Path meta = f.resolveSibling(name.substring(0, name.length() - ".ndjson".length()) + ".meta.json");
              try {
                found.add(read(f, meta));
              } catch (IOException | RuntimeException e) {
                log.error("spool: cannot read {} ({}); removing it", meta, e.getMessage());
                Files.deleteIfExists(f);
                Files.deleteIfExists(meta);
              }
            }
          }
        }
      }
    }
    found.sort(Comparator.comparing(Entry::created).thenComparing(Entry::seq));
    for (Entry e : found) {
      entries.add(e);
      pendingByRun.merge(e.runId(), 1, Integer::sum);
      recoveredRuns.add(e.runId());
      finishedRuns.add(e.runId());
      seq.accumulateAndGet(e.seq(), Math::max);
    }
    removeEmptyRunDirs();
    return found.size();
  }

  private Entry read(Path file, Path meta) throws IOException {
    JsonNode m = JSON.readTree(meta.toFile());
    return new Entry(file, meta, m.path("run_id").asText(), m.path("graph").asText(),
        m.path("task").isNull() ? null : m.path("task").asText(null), m.path("nodes").asLong(),
        m.path("edges").asLong(), m.path("key").asText(), Instant.parse(m.path("created").asText()),
        m.path("seq").asLong(), Files.size(file), m.path("label").asText());
  }

  /** Keeps the run's model beside its graphs, for sending them after a restart. */
  void saveModel(String runId, byte[] model) throws IOException {
    Path run = dir.resolve(runId);
    Files.createDirectories(run);
    write(run.resolve("model.json"), out -> out.write(model));
  }

  /** The model saved for a run, or null. */
  byte[] model(String runId) {
    try {
      Path p = dir.resolve(runId).resolve("model.json");
      return Files.exists(p) ? Files.readAllBytes(p) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** True for runs found on disk at start (their model may not be in the core yet). */
  synchronized boolean recovered(String runId) {
    return recoveredRuns.contains(runId);
  }

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes a graph to the spool and returns its entry, already marked in flight for the caller
   * to send. An older unsent entry with the same key is superseded; when the spool is over its
   * size, the oldest entries are dropped.
   */
  Entry add(String runId, String graph, String task, String key, String label, long nodes, long edges,
      Body body) throws IOException {
    long n = seq.incrementAndGet();
    Instant created = clock.instant();
    String stem = String.format("%08d-%s", n, label.replaceAll("[^A-Za-z0-9._-]", "_"));
    Path run = dir.resolve(runId);
    Files.createDirectories(run);
    Path file = run.resolve(stem + ".ndjson");
    Path meta = run.resolve(stem + ".meta.json");
    ObjectNode m = JSON.createObjectNode().put("run_id", runId).put("graph", graph).put("task", task)
        .put("nodes", nodes).put("edges", edges).put("key", key).put("created", created.toString())
        .put("seq", n).put("label", label);
    write(meta, out -> JSON.writeValue(out, m));
    try {
      write(file, body);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(meta);
      throw e;
    }
    Entry entry = new Entry(file, meta, runId, graph, task, nodes, edges, key, created, n, Files.size(file), label);
    List<Entry> dropped = new ArrayList<>();
    synchronized (this) {
      for (Entry old : List.copyOf(entries)) {
        if (old.key().equals(key) && !inFlight.contains(old)) {
          log.info("spool: the graph of {} from run {} was never sent and is superseded by the one of run {}",
              old.label(), old.runId(), runId);
          dropped.add(old);
          entries.remove(old);
        }
      }
      entries.add(entry);
      inFlight.add(entry);
      pendingByRun.merge(runId, 1, Integer::sum);
      long total = entries.stream().mapToLong(Entry::bytes).sum();
      for (Entry old : List.copyOf(entries)) {
        if (total <= maxBytes) {
          break;
        }
        if (old == entry || inFlight.contains(old)) {
          continue;
        }
        log.error("spool: over its limit of {} MB (resotoworker.spool_max_mb): dropped the unsent graph of {}"
            + " from run {} ({} KB); the next collect sends that account again", maxBytes / (1024 * 1024),
            old.label(), old.runId(), old.bytes() / 1024);
        entries.remove(old);
        total -= old.bytes();
        dropped.add(old);
      }
    }
    dropped.forEach(this::finish);
    return entry;
  }

  /** The oldest entry that is not being sent, or null. */
  synchronized Entry next() {
    for (Entry e : entries) {
      if (!inFlight.contains(e)) {
        inFlight.add(e);
        return e;
      }
    }
    return null;
  }

  /** True when the entry is older than the spool keeps entries. */
  boolean expired(Entry e) {
    return Duration.between(e.created(), clock.instant()).compareTo(maxAge) > 0;
  }

  /** Gives an entry back to the spool after a failed attempt. */
  synchronized void release(Entry e) {
    inFlight.remove(e);
  }

  /** The entry was sent (or is dropped for good): its files go. */
  void done(Entry e) {
    synchronized (this) {
      entries.remove(e);
      inFlight.remove(e);
    }
    finish(e);
  }

  private void finish(Entry e) {
    try {
      Files.deleteIfExists(e.file());
      Files.deleteIfExists(e.meta());
    } catch (IOException ex) {
      log.error("spool: cannot delete {}: {}", e.file(), ex.getMessage());
    }
    List<CompletableFuture<Void>> release = null;
    synchronized (this) {
      int left = pendingByRun.merge(e.runId(), -1, Integer::sum);
      if (left <= 0) {
        pendingByRun.remove(e.runId());
        if (finishedRuns.contains(e.runId())) {
          release = waiting.remove(e.runId());
          removeRunDir(e.runId());
        }
      }
    }
    if (release != null) {
      release.forEach(f -> f.complete(null));
    }
  }

  /** The run delivers nothing more: once its entries are gone, its directory goes too. */
  void runFinished(String runId) {
    synchronized (this) {
      finishedRuns.add(runId);
      if (pendingByRun.getOrDefault(runId, 0) == 0) {
        removeRunDir(runId);
      }
    }
  }

  /** Completes when every graph of the run was sent or dropped (at once if there are none). */
  synchronized CompletableFuture<Void> settled(String runId) {
    if (pendingByRun.getOrDefault(runId, 0) == 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    waiting.computeIfAbsent(runId, k -> new ArrayList<>()).add(f);
    return f;
  }

  /** Sends of one replace node are serialised, so a newer graph never overtakes an older one. */
  synchronized Object lock(String key) {
    return keyLocks.computeIfAbsent(key, k -> new Object());
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return entries.stream().mapToLong(Entry::bytes).sum();
  }

  /** Entries by run, for {@code /info}. */
  synchronized Map<String, Integer> byRun() {
    Map<String, Integer> m = new LinkedHashMap<>();
    entries.forEach(e -> m.merge(e.runId(), 1, Integer::sum));
    return m;
  }

  private void removeRunDir(String runId) {
    Path run = dir.resolve(runId);
    try (Stream<Path> files = Files.list(run)) {
      boolean onlyModel = files.allMatch(f -> f.getFileName().toString().equals("model.json"));
      if (onlyModel) {
        Files.deleteIfExists(run.resolve("model.json"));
        Files.deleteIfExists(run);
      }
    } catch (IOException e) {
      // gone already, or a file appeared: left for the next start
    }
  }

  private void removeEmptyRunDirs() throws IOException {
    try (Stream<Path> runs = Files.list(dir)) {
      for (Path run : runs.filter(Files::isDirectory).toList()) {
        if (!pendingByRun.containsKey(run.getFileName().toString())) {
          removeRunDir(run.getFileName().toString());
        }
      }
    }
  }

  private static void write(Path target, Body body) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      body.write(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
