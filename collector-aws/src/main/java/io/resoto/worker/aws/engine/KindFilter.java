package io.resoto.worker.aws.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The collect / no_collect globs over kind names, as the original's {@code should_collect}: a kind
 * is collected if it matches no no_collect glob and either collect is empty or it matches one of
 * its globs. Globs are fnmatch style: {@code *} any run, {@code ?} one character, {@code [..]} a
 * class.
 */
public final class KindFilter {

  private final List<Pattern> collect;
  private final List<Pattern> noCollect;

  /** A filter from the two lists; null lists are empty. */
  public KindFilter(List<String> collect, List<String> noCollect) {
    this.collect = compile(collect);
    this.noCollect = compile(noCollect);
  }

  /** Whether a kind of this name is collected. */
  public boolean shouldCollect(String kind) {
    if (noCollect.stream().anyMatch(p -> p.matcher(kind).matches())) {
      return false;
    }
    return collect.isEmpty() || collect.stream().anyMatch(p -> p.matcher(kind).matches());
  }

  private static List<Pattern> compile(List<String> globs) {
    return globs == null ? List.of() : globs.stream().map(KindFilter::toRegex).toList();
  }

  /** fnmatch to regex: only the three wildcard forms are special, everything else is literal. */
  static Pattern toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, end);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\")).append(']');
            i = end;
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
