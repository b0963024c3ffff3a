package io.resoto.worker.awssim.identity;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.estate.Account;
import io.resoto.worker.awssim.estate.Estate;

/** The check regional handlers make first: is the call's region enabled for the caller's account? */
public final class RegionAccess {
  private RegionAccess() {}

  /**
   * Throws {@link AwsError.Kind#REGION_NOT_ENABLED} when the call's region is not enabled for the
   * caller's account. Calls without a caller (unsigned) or region, and callers from outside the
   * estate, are left to the caller's other checks.
   */
  public static void requireEnabled(Estate estate, CallContext context) {
    if (context.caller() == null || context.region() == null) {
      return;
    }
    String accountId = context.caller().accountId();
    Account account = estate.account(accountId).orElse(null);
    if (account != null && !account.regionEnabled(context.region())) {
      throw AwsError.of(AwsError.Kind.REGION_NOT_ENABLED,
          "The region " + context.region() + " is not enabled for account " + accountId);
    }
  }

  /** Whether the region is enabled for the account; false for accounts not in the estate. */
  public static boolean isEnabled(Estate estate, String accountId, String region) {
    return estate.account(accountId).map(a -> a.regionEnabled(region)).orElse(false);
  }
}
