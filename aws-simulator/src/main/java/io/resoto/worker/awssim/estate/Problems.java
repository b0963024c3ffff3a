package io.resoto.worker.awssim.estate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects problems so that all of them are reported at once. Remembers which paths already have
 * one, so a value the parser rejected is not reported again as missing by the validator.
 */
final class Problems {
  private final List<String> messages = new ArrayList<>();
  private final Set<String> paths = new HashSet<>();

  void add(String path, String message) {
    paths.add(path);
    messages.add(path + ": " + message);
  }

  /** Whether the path or one of its ancestors ({@code a.b[2]} for {@code a.b[2].c}) has a problem. */
  boolean has(String path) {
    String current = path;
    while (true) {
      if (paths.contains(current)) {
        return true;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      if (cut <= 0) {
        return false;
      }
      current = current.substring(0, cut);
    }
  }

  boolean isEmpty() {
    return messages.isEmpty();
  }

  List<String> list() {
    return List.copyOf(messages);
  }
}
