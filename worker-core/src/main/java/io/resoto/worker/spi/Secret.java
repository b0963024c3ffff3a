package io.resoto.worker.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret config value: an access key, a session token, the PSK, the content of a credentials file.
 *
 * <p>Its {@link #toString()} never shows the value, so a secret that ends up in a log line, an
 * exception message, {@code config show} or {@code /info} prints as {@value #REDACTED}. Code that
 * really needs the value (to sign a request, to write the file the user asked for) calls
 * {@link #reveal()}, and nothing else does.
 */
public final class Secret {

  /** What a secret looks like wherever it is printed. */
  public static final String REDACTED = "********";

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself. Use it only where the value leaves the process on purpose. */
  public String reveal() {
    return value;
  }

  /** True for the empty string: a PSK of "" means no PSK, as in the original worker. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return REDACTED;
  }

  @Override
  public boolean equals(Object other) {
    // Constant-time, so comparing a presented secret leaks nothing through timing.
    return other instanceof Secret s
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
