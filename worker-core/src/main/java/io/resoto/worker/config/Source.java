package io.resoto.worker.config;

/**
 * Where a config value came from. Immutable.
 *
 * @param kind which layer
 * @param name the file name, the environment variable, or the override entry (value redacted when
 *     it is secret); empty for defaults
 * @param line 1-based line in the file; 0 when not from a file or the position is unknown
 * @param column 1-based column in the file; 0 when unknown
 */
record Source(Kind kind, String name, int line, int column) {

  /** The layers, lowest precedence first. */
  enum Kind {
    DEFAULT,
    CORE,
    FILE,
    ENV,
    OVERRIDE
  }

  static final Source DEFAULT = new Source(Kind.DEFAULT, "", 0, 0);

  static Source file(String name, int line, int column) {
    return new Source(Kind.FILE, name, line, column);
  }

  /** The config document the core keeps for this worker, e.g. {@code "core resoto.worker"}. */
  static Source core(String name) {
    return new Source(Kind.CORE, name, 0, 0);
  }

  static Source env(String variable) {
    return new Source(Kind.ENV, variable, 0, 0);
  }

  static Source override(String entry) {
    return new Source(Kind.OVERRIDE, entry, 0, 0);
  }

  /** {@code "config.yaml:3:5"}, {@code "env RESOTOWORKER_X"}, {@code "--override a.b=c"}, {@code "default"}. */
  String full() {
    return switch (kind) {
      case DEFAULT -> "default";
      case CORE -> name;
      case FILE -> line == 0 ? name : name + ":" + line + ":" + column;
      case ENV -> "env " + name;
      case OVERRIDE -> "--override " + name;
    };
  }

  /** Like {@link #full()}, but a file position without its column, for end-of-line comments. */
  String brief() {
    return kind == Kind.FILE && line > 0 ? name + ":" + line : full();
  }

  /** Same file, same variable or same override entry, wherever in it. */
  boolean sameOrigin(Source other) {
    return kind == other.kind && name.equals(other.name);
  }
}
