package io.resoto.worker.daemon;

import java.util.List;

/**
 * The worker cannot start. Carries the lines to show the operator (no stack trace) and the exit
 * code: 2 for a config problem, 1 for anything else.
 */
public final class StartupException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Exit code for a bad config or bad command line. */
  public static final int CONFIG = 2;
  /** Exit code for an environment problem: port in use, data directory unusable. */
  public static final int ENVIRONMENT = 1;

  private final int exitCode;
  private final List<String> lines;

  public StartupException(int exitCode, List<String> lines) {
    super(String.join(System.lineSeparator(), lines));
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  public int exitCode() {
    return exitCode;
  }

  public List<String> lines() {
    return lines;
  }
}
