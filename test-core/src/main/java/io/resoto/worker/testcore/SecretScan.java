package io.resoto.worker.testcore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scans what a run printed and the files it wrote for known secret values (access keys' secrets,
 * session tokens, the PSK). Resilience tests add every text and directory they produced and call
 * {@link #assertNone()}, which prints the counts and fails naming where a secret was found (never
 * the secret itself).
 */
public final class SecretScan {

  /** Secrets shorter than this are not scanned for: they would match by chance. */
  private static final int MIN_LENGTH = 8;

  private final List<String> secrets;
  private final List<String> findings = new ArrayList<>();
  private int texts;
  private int files;
  private long bytes;

  private SecretScan(Collection<String> secrets) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_LENGTH) {
        distinct.add(s);
      }
    }
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("no secrets to scan for");
    }
    this.secrets = List.copyOf(distinct);
  }

  /** A scan for these values (nulls and values under 8 characters are left out). */
  public static SecretScan of(Collection<String> secrets) {
    return new SecretScan(secrets);
  }

  /** Scans a printed text (stdout, stderr, an HTTP answer, ...) named for the report. */
  public SecretScan text(String name, String text) {
    texts++;
    bytes += text.length();
    check(name, text);
    return this;
  }

  /** Scans every regular file under the directory (nothing if it does not exist). */
  public SecretScan tree(Path dir) {
    if (!Files.exists(dir)) {
      return this;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(f);
        files++;
        bytes += content.length;
        check(f.toString(), new String(content, StandardCharsets.ISO_8859_1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Occurrences found so far, as "where: secret #n" (the secret's position in the list, not its value). */
  public List<String> findings() {
    return List.copyOf(findings);
  }

  /** One line with the counts: secrets, texts, files, bytes, occurrences. */
  public String summary() {
    return "secrets scan: " + secrets.size() + " secret values, " + texts + " texts, " + files
        + " files, " + bytes + " bytes: " + findings.size() + " occurrences";
  }

  /** Prints {@link #summary()} and fails if any secret was found. */
  public void assertNone() {
    System.out.println(summary());
    if (!findings.isEmpty()) {
      throw new AssertionError(summary() + "\n  " + String.join("\n  ", findings));
    }
  }

  private void check(String where, String content) {
    for (int i = 0; i < secrets.size(); i++) {
      if (content.contains(secrets.get(i))) {
        findings.add(where + ": secret #" + (i + 1));
      }
    }
  }
}
