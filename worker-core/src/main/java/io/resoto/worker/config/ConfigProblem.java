package io.resoto.worker.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration.
 *
 * @param source where the offending value came from: {@code "config.yaml:12:3"}, {@code "env
 *     RESOTOWORKER_X"}, {@code "--override a.b=c"}, or a bare file name for problems of the whole
 *     file
 * @param path the config path, {@code "resotoworker.timeout"}; empty for problems of the whole file
 * @param message what is wrong; never contains the value of a secret
 */
public record ConfigProblem(String source, String path, String message) {

  /** Checks that no part is null. */
  public ConfigProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** Formats as {@code "config.yaml:12:3: resotoworker.timeout: expected an integer, got 'abc'"}. */
  @Override
  public String toString() {
    return path.isEmpty() ? source + ": " + message : source + ": " + path + ": " + message;
  }
}
