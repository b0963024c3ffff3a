package io.resoto.worker.spi;

/** Collects the problems a {@link ValidatedConfig} finds in its values. */
public interface ConfigProblems {

  /**
   * Reports one problem.
   *
   * @param key the record component's YAML key in snake_case ({@code "timeout"}), or a path below
   *     it: {@code "collector[1]"} for a list element, {@code "files_in_home_dir.x"} for a map entry
   * @param message what is wrong, without the value if the value is a secret
   */
  void add(String key, String message);
}
