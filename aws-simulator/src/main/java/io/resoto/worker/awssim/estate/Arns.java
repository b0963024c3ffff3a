package io.resoto.worker.awssim.estate;

/** ARNs shaped as AWS shapes them, for the partition {@code aws}. */
public final class Arns {
  private Arns() {}

  public static String user(String account, String user) {
    return "arn:aws:iam::" + account + ":user/" + user;
  }

  public static String role(String account, String role) {
    return "arn:aws:iam::" + account + ":role/" + role;
  }

  public static String accountRoot(String account) {
    return "arn:aws:iam::" + account + ":root";
  }

  public static String assumedRole(String account, String role, String session) {
    return "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session;
  }

  public static String organization(String management, String orgId) {
    return "arn:aws:organizations::" + management + ":organization/" + orgId;
  }

  public static String orgAccount(String management, String orgId, String account) {
    return "arn:aws:organizations::" + management + ":account/" + orgId + "/" + account;
  }

  public static String orgRoot(String management, String orgId, String rootId) {
    return "arn:aws:organizations::" + management + ":root/" + orgId + "/" + rootId;
  }

  public static String orgUnit(String management, String orgId, String ouId) {
    return "arn:aws:organizations::" + management + ":ou/" + orgId + "/" + ouId;
  }
}
