package io.resoto.worker.awssim.estate;

import java.time.Instant;
import java.util.List;

/**
 * An AWS account of the estate.
 *
 * @param name the account's name in the organisation
 * @param alias the IAM account alias, or null
 * @param parent the root or OU the account is in, or null without an organisation
 * @param status {@code ACTIVE}, {@code SUSPENDED} or {@code PENDING_CLOSURE}
 * @param regions the regions enabled for the account
 * @param notOptedIn opt-in regions the account has not enabled
 * @param joined when the account joined the organisation
 */
public record Account(String id, String name, String alias, String email, String parent, String status,
    List<String> regions, List<String> notOptedIn, Instant joined) {

  public Account {
    regions = List.copyOf(regions);
    notOptedIn = List.copyOf(notOptedIn);
  }

  public boolean regionEnabled(String region) {
    return regions.contains(region);
  }
}
