package io.resoto.worker.awssim.fault;

import java.util.Locale;

/** What a malformed answer ({@link FaultRule#malformedRate}) looks like. */
public enum MalformedKind {
  /** A synthetic body in the protocol's format, cut off after a few bytes (the default). */
  CUT(FaultPlan.Outcome.MALFORMED),
  /** The real answer, with status and headers, its body cut off at a random byte. */
  TRUNCATED(FaultPlan.Outcome.MALFORMED_TRUNCATED),
  /**
   * The real answer with values of the wrong type: numbers, timestamps and booleans as text, lists
   * as objects (JSON, CBOR); numbers, timestamps and booleans as text (XML).
   */
  WRONG_TYPES(FaultPlan.Outcome.MALFORMED_WRONG_TYPES),
  /** The real answer with a huge unknown member in front (16 MiB of text). */
  HUGE(FaultPlan.Outcome.MALFORMED_HUGE);

  private final FaultPlan.Outcome outcome;

  MalformedKind(FaultPlan.Outcome outcome) {
    this.outcome = outcome;
  }

  FaultPlan.Outcome outcome() {
    return outcome;
  }

  /** The kind named as in the YAML ({@code truncated}, {@code wrong_types}, ...). */
  public static MalformedKind parse(String name) {
    for (MalformedKind k : values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(String.valueOf(name).toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("malformed must be cut, truncated, wrong_types or huge, not '" + name + "'");
  }
}
