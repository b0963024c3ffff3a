package io.resoto.worker.aws.account;

import java.util.List;

/** Finds the accounts a run collects, from the aws config. */
public interface AccountDiscovery {

  /**
   * The accounts to collect, each once. Problems that lose one credential source or one account
   * are reported through {@code problems} and the rest goes on; only when nothing at all can be
   * reached does it throw, with a message that says what to fix.
   */
  List<AwsAccountTarget> discover(Problems problems) throws Exception;

  /** Where discovery reports what it skipped: scope (profile, account id or "organization") and why. */
  @FunctionalInterface
  interface Problems {
    void report(String scope, String message);
  }
}
