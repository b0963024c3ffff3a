package io.resoto.worker.aws.account;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One shard {@code i/n} of the accounts, for running n workers side by side (the Helm chart's
 * StatefulSet) where each collects its own accounts.
 *
 * <p>An account belongs to shard {@code id mod n}: account ids are 12-digit numbers, so the
 * assignment depends on nothing but the id and n. It is the same on every pod and every run,
 * needs no coordination, and an operator can work out which pod collects an account by hand.
 * The shards 0..n-1 are disjoint and together hold every account. (An id that is not a number,
 * which AWS never returns, is placed by the CRC-32 of its text, equally stable.)
 *
 * <p>The index may be written as a StatefulSet pod name, whose ordinal is its last
 * {@code -<digits>}: {@code resotoworker-1/2} is shard 1 of 2. So a chart can pass
 * {@code $(POD_NAME)/2} without a wrapper script.
 */
public record AccountShard(int index, int count) {

  /** Every account: the value when {@code aws.shard} is not set. */
  public static final AccountShard ALL = new AccountShard(0, 1);

  private static final Pattern FORM = Pattern.compile("(?:.+-)?(\\d+)/(\\d+)");

  public AccountShard {
    if (count < 1) {
      throw new IllegalArgumentException("the number of shards must be at least 1, got " + count);
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("the shard index must be between 0 and " + (count - 1)
          + " (shards are numbered from 0), got " + index + "/" + count);
    }
  }

  /**
   * Parses {@code i/n} or {@code <pod-name>-<i>/n}; null or blank is {@link #ALL}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static AccountShard parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected i/n (shard i of n, i from 0 to n-1) or"
          + " <statefulset-pod-name>/n such as resotoworker-1/2, got " + io.resoto.worker.spi.ConfigProblems.quote(text));
    }
    int index;
    int count;
    try {
      index = Integer.parseInt(m.group(1));
      count = Integer.parseInt(m.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("shard numbers are too large: " + io.resoto.worker.spi.ConfigProblems.quote(text));
    }
    return new AccountShard(index, count);
  }

  /** Whether this shard collects the account. */
  public boolean contains(String accountId) {
    return count == 1 || shardOf(accountId, count) == index;
  }

  /** The shard (0 to count-1) an account belongs to. */
  public static int shardOf(String accountId, int count) {
    if (accountId.matches("\\d{1,18}")) {
      return (int) (Long.parseLong(accountId) % count);
    }
    CRC32 crc = new CRC32();
    crc.update(accountId.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % count);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
