package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import java.util.List;

/** A kind context outside a run, for benchmarks of a kind's mapping (no client is ever created). */
public final class DetachedContexts {

  private DetachedContexts() {}

  /** A context of the demo management account in {@code region} for {@code kind}. */
  public static KindContext of(AwsKind kind, String region) {
    AwsConfig config = AwsConfig.DEFAULTS;
    AccountCollector collector = new AccountCollector(config, new AwsClientFactory(config), TestSupport.resolver(),
        List.of(kind), new TestSupport.RecordingContext());
    AccountCollector.AccountRun run = collector.new AccountRun(TestSupport.managementAccount());
    return new KindContext(run, new AccountCollector.RegionScope(region, region, false, null), kind);
  }
}
