package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.app.BadConfigs.Case;
import io.resoto.worker.app.BadConfigs.Expect;
import io.resoto.worker.cli.WorkerCli;
import io.resoto.worker.plugin.PluginRegistry;
import io.resoto.worker.testcore.SecretScan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input, configs (issue 8): generated config documents (valid ones and ones broken in every
 * way a user can break them: unknown and misspelt keys, wrong types, deep nesting, huge values,
 * broken YAML, invalid enums, nonsense numbers, $(ENV) placeholders) go through the command line
 * the user runs ({@code worker config validate FILE}, and {@code worker config show -c FILE} for
 * the accepted ones), in-process with stdout/stderr captured. For each: no exception escapes, exit
 * code 0 (valid) or 2 (config error, docs/operations.md), stderr has only "error: " lines without
 * a stack trace or exception class name, each naming the file (with line:column where the
 * document has a place) and the key path, none longer than a screen; no secret of the documents is
 * printed. Prints the counts.
 */
class BadConfigTest {

  private static final PluginRegistry REGISTRY = PluginRegistry.discover(BadConfigTest.class.getClassLoader());
  private static final Path REPO = Path.of("..");
  private static final long SEED = 8_2026L;
  private static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Z][A-Za-z]*(Exception|Error)\\b");
  private static final int MAX_LINE = 2_000;

  @TempDir Path dir;

  /** The first 1,000 of the generated documents: part of the normal suite. */
  @Test
  void aThousandGeneratedConfigsEachLoadOrGiveAClearError() throws Exception {
    run(1_000);
  }

  /** All 10,000 (the first 1,000 are the same as above). */
  @Test
  @Tag("resilience-long")
  void tenThousandGeneratedConfigsEachLoadOrGiveAClearError() throws Exception {
    run(10_000);
  }

  private void run(int count) throws Exception {
    // (cases are generated in order from the seed; two are checked at a time)
    BadConfigs generator = new BadConfigs(SEED, REPO);
    Map<String, int[]> counts = new TreeMap<>(); // category -> accepted, rejected
    List<String> failures = new ArrayList<>();
    SecretScan scan = SecretScan.of(BadConfigs.SECRETS);
    long maxNanos = 0;
    String slowest = "";
    long bytes = 0;
    long started = System.nanoTime();
    // two at a time (the machine has two cores); results are taken in order
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    java.util.ArrayDeque<java.util.concurrent.Future<Outcome>> inFlight = new java.util.ArrayDeque<>();
    try {
      for (int n = 0; n <= count; n++) {
        if (n == count || inFlight.size() >= 4) {
          while (!inFlight.isEmpty() && (n == count || inFlight.size() >= 4)) {
            Outcome o = inFlight.removeFirst().get();
            Case c = o.c();
            if (o.nanos() > maxNanos) {
              maxNanos = o.nanos();
              slowest = describe(c);
            }
            scan.text("stdout " + c.n(), o.out()).text("stderr " + c.n(), o.err()).text("show " + c.n(), o.show());
            if (o.problem() != null) {
              failures.add(describe(c) + ": " + o.problem());
            }
            counts.computeIfAbsent(c.category(), k -> new int[2])[o.code() == 0 ? 0 : 1]++;
          }
        }
        if (n == count) {
          break;
        }
        Case c = generator.next(n);
        bytes += c.yaml().length();
        Path file = dir.resolve("worker-" + n % 8 + ".yaml");
        inFlight.addLast(pool.submit(() -> evaluate(c, file)));
      }
    } finally {
      pool.shutdownNow();
    }
    long totalMs = (System.nanoTime() - started) / 1_000_000;
    int accepted = counts.values().stream().mapToInt(a -> a[0]).sum();
    StringBuilder report = new StringBuilder();
    report.append(String.format("bad configs: %d generated (%.1f MB of YAML, seed %d) in %d ms: %d valid, %d rejected;"
            + " max %.0f ms per config (%s), 2 threads%n", count, bytes / 1e6, SEED, totalMs, accepted, count - accepted,
        maxNanos / 1e6, slowest));
    counts.forEach((category, a) -> report.append(String.format("  %-13s %5d accepted %5d rejected%n", category, a[0],
        a[1])));
    System.out.print(report);
    scan.assertNone();
    assertThat(failures).as(failures.size() + " of " + count + " configs handled badly; first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(25, failures.size())))).isEmpty();
    for (String category : BadConfigs.CATEGORIES) {
      assertThat(counts).as("the generator made no %s config", category).containsKey(category);
    }
    assertThat(counts.get("valid")[1]).isZero();
    assertThat(maxNanos / 1_000_000).as("the slowest config (%s)", slowest).isLessThan(5_000);
  }

  /** What the worker did with one case. */
  private record Outcome(Case c, int code, long nanos, String out, String err, String show, String problem) {}

  private static Outcome evaluate(Case c, Path file) throws Exception {
    Files.writeString(file, c.yaml());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long t0 = System.nanoTime();
    int code;
    try {
      code = WorkerCli.run(new String[] {"config", "validate", file.toString()}, c.env(), REGISTRY,
          new PrintWriter(out), new PrintWriter(err));
    } catch (Throwable t) {
      return new Outcome(c, -1, 0, "", "", "", t.getClass().getName() + " escaped: " + t.getMessage());
    }
    long nanos = System.nanoTime() - t0;
    String problem = check(c, file, code, out.toString(), err.toString());
    String show = "";
    if (problem == null && code == 0) {
      // accepted: config show prints it (secrets redacted)
      StringWriter showOut = new StringWriter();
      StringWriter showErr = new StringWriter();
      int showCode = WorkerCli.run(new String[] {"config", "show", "-c", file.toString()}, c.env(), REGISTRY,
          new PrintWriter(showOut), new PrintWriter(showErr));
      if (showCode != 0 || !showErr.toString().isEmpty()) {
        problem = "config show exited " + showCode + ": " + firstLine(showErr.toString());
      }
      show = showOut.toString();
    }
    return new Outcome(c, code, nanos, out.toString(), err.toString(), show, problem);
  }

  /** Null when the worker's answer is right for the case, else what is wrong. */
  private static String check(Case c, Path file, int code, String out, String err) {
    if (code != 0 && code != 2) {
      return "exit code " + code + " (expected 0 or 2): " + firstLine(err);
    }
    if (c.expect() == Expect.VALID && code != 0) {
      return "a valid config was refused: " + firstLine(err);
    }
    if (c.expect() == Expect.INVALID && code != 2) {
      return "an invalid config was accepted";
    }
    if (err.contains("\tat ") || EXCEPTION_NAME.matcher(err).find()) {
      return "stack trace or exception name in stderr: " + firstLine(err);
    }
    if (code == 0) {
      return err.isEmpty() && out.equals(file + ": valid\n") ? null : "unexpected output: " + firstLine(out + err);
    }
    if (err.isBlank()) {
      return "exit 2 without a message";
    }
    for (String line : err.lines().toList()) {
      if (!line.startsWith("error: " + file)) {
        return "an error line that does not start with 'error: <file>': " + cut(line);
      }
      if (line.length() > MAX_LINE) {
        return "an error line of " + line.length() + " characters: " + cut(line);
      }
    }
    if (c.needsLine() && !Pattern.compile(Pattern.quote(file.toString()) + ":\\d+:\\d+: ").matcher(err).find()) {
      return "no line:column in the error: " + firstLine(err);
    }
    if (c.path() != null && !err.contains(c.path())) {
      return "the error does not name " + c.path() + ": " + firstLine(err);
    }
    return null;
  }

  private static String describe(Case c) {
    return "#" + c.n() + " " + c.category() + " (" + c.what() + ")";
  }

  private static String firstLine(String text) {
    return cut(text.lines().findFirst().orElse(""));
  }

  private static String cut(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
