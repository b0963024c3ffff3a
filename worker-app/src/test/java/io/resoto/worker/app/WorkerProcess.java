package io.resoto.worker.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** worker.jar run as a real process, its output captured. */
final class WorkerProcess implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("worker.jar", "target/worker.jar"));

  private final Process process;
  private final StringBuffer out = new StringBuffer();
  private final StringBuffer err = new StringBuffer();

  private final List<Thread> pumps = new ArrayList<>();

  private WorkerProcess(Process process) {
    this.process = process;
    pumps.add(pump(process.getInputStream(), out));
    pumps.add(pump(process.getErrorStream(), err));
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
    return new WorkerProcess(builder.start());
  }

  /** Runs to the end (at most two minutes) and returns the exit code. */
  int waitFor() throws InterruptedException {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("worker did not exit; stderr:\n" + err);
    }
    for (Thread pump : pumps) {
      pump.join(10_000);
    }
    return process.exitValue();
  }

  /** Waits until standard error contains the text. */
  void awaitErr(String text, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!err.toString().contains(text)) {
      if (System.nanoTime() > end || !process.isAlive() && !err.toString().contains(text)) {
        Thread.sleep(100);
        if (err.toString().contains(text)) {
          return;
        }
        throw new AssertionError("no '" + text + "' in the worker's log; stderr:\n" + err);
      }
      Thread.sleep(20);
    }
  }

  /** Sends SIGTERM (what docker stop and Kubernetes send). */
  void terminate() {
    process.destroy();
  }

  String out() {
    return out.toString();
  }

  String err() {
    return err.toString();
  }

  private static Thread pump(InputStream in, StringBuffer into) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the process was killed: what was read is what there is
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
