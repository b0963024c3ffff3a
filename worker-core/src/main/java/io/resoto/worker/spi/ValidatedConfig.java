package io.resoto.worker.spi;

/**
 * A config section record may implement this to check values beyond what their types say (ranges,
 * formats, combinations). The loader calls it once the record is bound from all layers, so that
 * every problem of every section can be reported together.
 */
public interface ValidatedConfig {

  /**
   * Reports each invalid value to {@code problems}; must not throw for bad values.
   *
   * @param problems where to report; keys are the YAML keys of this record's components
   */
  void validate(ConfigProblems problems);
}
