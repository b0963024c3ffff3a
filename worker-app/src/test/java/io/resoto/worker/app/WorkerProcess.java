package io.resoto.worker.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * worker.jar run as a real process. Its standard output and error go to files (reading pipes
 * races with the JVM's own draining of them when the process exits, and loses the last lines).
 */
final class WorkerProcess implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("worker.jar", "target/worker.jar"));

  private final Process process;
  private final Path out;
  private final Path err;

  private WorkerProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code java -Duser.home=HOME -jar worker.jar ARGS} with the given extra environment. */
  static WorkerProcess start(Path home, Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + home, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("RESOTOWORKER_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().putAll(env);
    Path logs = Files.createTempDirectory("worker-process");
    Path out = logs.resolve("stdout");
    Path err = logs.resolve("stderr");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    return new WorkerProcess(builder.start(), out, err);
  }

  /** Runs to the end (at most two minutes) and returns the exit code. */
  int waitFor() throws InterruptedException {
    return waitFor(Duration.ofMinutes(2));
  }

  /** Runs to the end (at most {@code timeout}) and returns the exit code. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("worker did not exit; stderr:\n" + err());
    }
    return process.exitValue();
  }

  /** Waits until standard error contains the text. */
  void awaitErr(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!err().contains(text)) {
      if (System.nanoTime() > end || !process.isAlive()) {
        Thread.sleep(200);
        if (err().contains(text)) {
          return;
        }
        throw new AssertionError("no '" + text + "' in the worker's log; stderr:\n" + err());
      }
      Thread.sleep(20);
    }
  }

  /** The process id (e.g. to attach to the JVM). */
  long pid() {
    return process.pid();
  }

  /** Sends SIGTERM (what docker stop and Kubernetes send). */
  void terminate() {
    process.destroy();
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
