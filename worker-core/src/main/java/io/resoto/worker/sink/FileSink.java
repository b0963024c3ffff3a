package io.resoto.worker.sink;

import io.resoto.worker.graph.Model;
import io.resoto.worker.run.RunSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded sink, used when no core is configured: each run becomes a directory
 * {@code <data_dir>/runs/<run id>/} with one NDJSON file per account (exactly what the core's
 * merge endpoint would receive), {@code model.json} and {@code summary.json}.
 *
 * <p>A run is written under {@code runs/.<run id>.partial/} and renamed into place only when it is
 * finished, and each file is written to a temporary name and renamed, so a directory without the
 * leading dot is always whole and a file in it is never half-written. {@code runs/latest} names the
 * newest finished run. Only the newest {@code keepRuns} finished runs are kept.
 */
public final class FileSink implements GraphSink {

  private static final Logger log = LoggerFactory.getLogger(FileSink.class);
  private static final String PARTIAL_SUFFIX = ".partial";

  private final Path dataDir;
  private final Path runsDir;
  private final int keepRuns;

  public FileSink(Path dataDir, int keepRuns) {
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.runsDir = this.dataDir.resolve("runs");
    this.keepRuns = keepRuns;
  }

  /** The data directory with a leading {@code ~} expanded to the user's home. */
  public static Path expandHome(String path) {
    if (path.equals("~")) {
      return Path.of(System.getProperty("user.home"));
    }
    if (path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home"), path.substring(2));
    }
    return Path.of(path);
  }

  public Path runsDir() {
    return runsDir;
  }

  /**
   * Creates the data directory if needed, proves it is writable, and removes what a killed
   * process left half-written. Throws with a message naming the directory and the reason.
   */
  public void prepare() throws IOException {
    try {
      Files.createDirectories(runsDir);
      Path probe = Files.createTempFile(runsDir, ".probe", ".tmp");
      Files.delete(probe);
    } catch (FileSystemException e) {
      throw new IOException(
          "data directory " + dataDir + " is not usable: " + reason(e), e);
    }
    try (Stream<Path> entries = Files.list(runsDir)) {
      for (Path stale : entries.filter(p -> p.getFileName().toString().endsWith(PARTIAL_SUFFIX)).toList()) {
        log.warn("removing {}: a run that did not finish (the worker was killed during it)", stale);
        deleteTree(stale);
      }
    }
  }

  @Override
  public void runStarted(RunInfo run, Model model) throws IOException {
    Path dir = partialDir(run);
    Files.createDirectories(dir);
    writeAtomically(dir.resolve("model.json"), model::writeJson);
  }

  @Override
  public void deliver(RunInfo run, GraphDelivery delivery) throws IOException {
    Path file = partialDir(run).resolve(delivery.fileStem() + ".ndjson");
    writeAtomically(
        file,
        delivery::writeNdjson);
  }

  @Override
  public String runFinished(RunInfo run, RunSummary summary) throws IOException {
    Path partial = partialDir(run);
    Path done = runsDir.resolve(run.runId());
    Files.createDirectories(partial);
    RunSummary located = summary.withLocation(done.toString());
    writeAtomically(partial.resolve("summary.json"), out -> Json.MAPPER.writeValue(out, located));
    move(partial, done);
    writeAtomically(
        runsDir.resolve("latest"),
        out -> out.write((run.runId() + "\n").getBytes(StandardCharsets.UTF_8)));
    prune();
    return done.toString();
  }

  @Override
  public String unusableReason() {
    if (!Files.isDirectory(runsDir)) {
      return "data directory " + runsDir + " does not exist";
    }
    if (!Files.isWritable(runsDir)) {
      return "data directory " + runsDir + " is not writable";
    }
    return null;
  }

  @Override
  public String describe() {
    return "files in " + dataDir;
  }

  private Path partialDir(RunInfo run) {
    return runsDir.resolve("." + run.runId() + PARTIAL_SUFFIX);
  }

  private void prune() throws IOException {
    List<Path> finished;
    try (Stream<Path> entries = Files.list(runsDir)) {
      finished =
          new ArrayList<>(
              entries
                  .filter(Files::isDirectory)
                  .filter(p -> !p.getFileName().toString().startsWith("."))
                  .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                  .toList());
    }
    while (finished.size() > keepRuns) {
      Path oldest = finished.remove(0);
      log.debug("retention: removing run {}", oldest.getFileName());
      deleteTree(oldest);
    }
  }

  /** Something that writes a file's content. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  static void writeAtomically(Path target, Writer writer) throws IOException {
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      writer.write(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    move(tmp, target);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String reason(FileSystemException e) {
    String why = e.getReason();
    if (why == null) {
      why = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
    }
    return e.getFile() == null ? why : why + " (" + e.getFile() + ")";
  }
}
