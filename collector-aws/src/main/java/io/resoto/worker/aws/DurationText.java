package io.resoto.worker.aws;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the original's config writes them: one or more whole numbers each with a unit,
 * {@code w} (weeks), {@code d}, {@code h}, {@code m} or {@code min} (minutes), {@code s}, e.g.
 * {@code 60d}, {@code 1h}, {@code 1d12h}, {@code 2h 30m}.
 */
public final class DurationText {

  private static final Pattern PART = Pattern.compile("\\s*(\\d+)\\s*(w|d|h|min|m|s)\\s*");

  private DurationText() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException when the text is not one
   */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("not a duration: '" + text + "'");
    }
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("not a duration: '" + text + "'");
      }
      long n;
      try {
        n = Long.parseLong(m.group(1));
        total = total.plus(switch (m.group(2)) {
          case "w" -> Duration.ofDays(Math.multiplyExact(n, 7));
          case "d" -> Duration.ofDays(n);
          case "h" -> Duration.ofHours(n);
          case "m", "min" -> Duration.ofMinutes(n);
          default -> Duration.ofSeconds(n);
        });
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("duration too long: '" + text + "'");
      }
      at = m.end();
    }
    return total;
  }
}
