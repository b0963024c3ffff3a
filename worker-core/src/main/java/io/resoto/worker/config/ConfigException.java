package io.resoto.worker.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. Carries every problem found, so the user can fix them all in
 * one go; the message lists them one per line.
 */
public final class ConfigException extends Exception {

  private final List<ConfigProblem> problems;

  /** Creates the exception from at least one problem. */
  public ConfigException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** All problems, in the order they were found. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
