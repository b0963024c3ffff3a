package io.resoto.worker.awssim;

import java.util.regex.Pattern;

/** EC2's filter values: {@code *} matches any run of characters, {@code ?} one character. */
public final class Ec2FilterValue {

  private Ec2FilterValue() {}

  /** The value as a pattern that must match a whole field. */
  public static Pattern pattern(String value) {
    StringBuilder regex = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
