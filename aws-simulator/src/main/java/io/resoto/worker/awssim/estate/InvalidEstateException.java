package io.resoto.worker.awssim.estate;

import java.util.List;

/** An estate that cannot be used; carries every problem found, each naming its YAML path. */
public final class InvalidEstateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> problems;

  public InvalidEstateException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, each as {@code path: what is wrong}. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder out = new StringBuilder("invalid estate");
    if (source != null) {
      out.append(' ').append(source);
    }
    out.append(" (").append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
    problems.forEach(p -> out.append("\n  ").append(p));
    return out.toString();
  }
}
