package io.resoto.worker.awssim.resources;

/**
 * The tag rules AWS services share: a user tag key is 1 to 128 characters and does not start
 * with the reserved {@code aws:} prefix; a value is at most 256 characters. Each service words its
 * refusal itself (code and message), so handlers only ask these questions.
 */
public final class TagRules {

  /** The longest tag key. */
  public static final int MAX_KEY = 128;
  /** The longest tag value. */
  public static final int MAX_VALUE = 256;

  private TagRules() {}

  /** Whether {@code key} may be set by a user: not null, 1..128 characters, no {@code aws:} prefix. */
  public static boolean isUserKey(String key) {
    return key != null && !key.isEmpty() && key.length() <= MAX_KEY && !key.startsWith("aws:");
  }

  /** Whether {@code value} is a valid tag value: not null and at most 256 characters. */
  public static boolean isValue(String value) {
    return value != null && value.length() <= MAX_VALUE;
  }
}
