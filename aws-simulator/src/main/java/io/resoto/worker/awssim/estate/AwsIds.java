package io.resoto.worker.awssim.estate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Unique ids shaped like AWS's ({@code AIDA...} for users, {@code AROA...} for roles, ...),
 * derived from the names so the same estate always yields the same ids.
 */
public final class AwsIds {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private AwsIds() {}

  /** The unique id of an IAM user, e.g. {@code AIDA...} (21 characters). */
  public static String userId(String account, String user) {
    return "AIDA" + digest("user|" + account + "|" + user, 17);
  }

  /** The unique id of an IAM role, e.g. {@code AROA...} (21 characters). */
  public static String roleId(String account, String role) {
    return "AROA" + digest("role|" + account + "|" + role, 17);
  }

  /** An EC2 instance id ({@code i-} and 17 hex digits) for an instance known by name. */
  public static String instanceId(String account, String name) {
    String hex = digestHex("instance|" + account + "|" + name);
    return "i-0" + hex.substring(0, 16);
  }

  private static String digest(String seed, int length) {
    byte[] hash = sha256(seed);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET[(hash[i] & 0xff) % ALPHABET.length]);
    }
    return out.toString();
  }

  private static String digestHex(String seed) {
    StringBuilder out = new StringBuilder();
    for (byte b : sha256(seed)) {
      out.append(String.format("%02x", b & 0xff));
    }
    return out.toString();
  }

  private static byte[] sha256(String seed) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
