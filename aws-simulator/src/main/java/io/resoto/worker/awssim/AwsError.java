package io.resoto.worker.awssim;

import java.util.Objects;

/**
 * An AWS error answer. A {@link Kind} other than {@link Kind#CUSTOM} is turned into the code and
 * HTTP status that the called service's protocol really uses (EC2's {@code RequestLimitExceeded}
 * vs. the query protocol's {@code Throttling} vs. JSON's {@code ThrottlingException}, ...).
 */
public final class AwsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Errors whose code depends on the protocol. */
  public enum Kind {
    THROTTLING,
    ACCESS_DENIED,
    REGION_NOT_ENABLED,
    OPT_IN_REQUIRED,
    INTERNAL,
    SERVICE_UNAVAILABLE,
    INVALID_CLIENT_TOKEN,
    EXPIRED_TOKEN,
    SIGNATURE_DOES_NOT_MATCH,
    /** code and status as given. */
    CUSTOM
  }

  private final Kind kind;
  private final int status;
  private final String code;

  private AwsError(Kind kind, int status, String code, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind);
    this.status = status;
    this.code = code;
  }

  /** An error with this exact HTTP status and code, for every protocol. */
  public static AwsError of(int status, String code, String message) {
    return new AwsError(Kind.CUSTOM, status, Objects.requireNonNull(code), message);
  }

  /** An error whose code and status the protocol decides. */
  public static AwsError of(Kind kind, String message) {
    if (kind == Kind.CUSTOM) {
      throw new IllegalArgumentException("CUSTOM needs a status and a code");
    }
    return new AwsError(kind, 0, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status for CUSTOM errors, else 0. */
  public int status() {
    return status;
  }

  /** The code for CUSTOM errors, else null. */
  public String code() {
    return code;
  }
}
