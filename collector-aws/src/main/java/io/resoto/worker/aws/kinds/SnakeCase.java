package io.resoto.worker.aws.kinds;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The original's snake_case rule for API member names ({@code "KMSKeyId"} -> {@code "kms_key_id"},
 * {@code "TargetGroupARNs"} -> {@code "target_group_ar_ns"}), shared by the kinds' value mappers.
 * Member names are few (the SDK's field names), so each is converted once and cached: the mappers
 * call this for every member of every item.
 */
public final class SnakeCase {

  private static final Pattern ACRONYM_THEN_WORD = Pattern.compile("([A-Z]+)([A-Z][a-z])");
  private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z0-9])([A-Z])");
  /** Bounded so that arbitrary strings (map keys passed by mistake) cannot grow it without end. */
  private static final int MAX_CACHED = 20_000;
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private SnakeCase() {}

  /** The snake_case form of a member name. */
  public static String of(String memberName) {
    String cached = CACHE.get(memberName);
    if (cached != null) {
      return cached;
    }
    String snake = convert(memberName);
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(memberName, snake);
    }
    return snake;
  }

  private static String convert(String memberName) {
    String s = ACRONYM_THEN_WORD.matcher(memberName).replaceAll("$1_$2");
    return LOWER_THEN_UPPER.matcher(s).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
  }
}
