package io.resoto.worker.aws.kinds.glacier;

import io.resoto.worker.aws.engine.KindContext;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;

/** The vault listing both Glacier kinds start with. */
final class GlacierListing {

  private GlacierListing() {}

  /** Every vault of the account in the region, all pages ({@code -}: the caller's account). */
  static List<DescribeVaultOutput> vaults(KindContext ctx, int pageSize) {
    List<DescribeVaultOutput> out = new ArrayList<>();
    for (DescribeVaultOutput v : ctx.client(GlacierClient.builder())
        .listVaultsPaginator(b -> b.accountId("-").limit(String.valueOf(pageSize))).vaultList()) {
      if (ctx.isCancelled()) {
        break;
      }
      out.add(v);
    }
    return out;
  }
}
