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

  /**
   * A value for a message: in single quotes, at most 60 characters (then "..."), control
   * characters as spaces, {@code null} unquoted. A huge value would otherwise make a huge error
   * line. Never for secrets.
   */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < value.length() && i < 60; i++) {
      char c = value.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.append(value.length() > 60 ? "...'" : "'").toString();
  }
}
