package io.resoto.worker.aws.kinds.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.spi.TagTarget;
import java.util.Map;
import java.util.concurrent.Callable;

/** Sets and removes a tag through the plugin (the kind's TagSupport) and checks what a collect sees. */
final class TagRoundTrip {

  private TagRoundTrip() {}

  static void check(Simulation sim, String kind, String id, String arn, Callable<Map<String, String>> tagsNow)
      throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      Map<String, String> before = tagsNow.call();
      TagTarget target = new TagTarget(kind, id, id, arn, TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, target, "reviewed-by", "lukas");
      assertThat(tagsNow.call()).containsEntry("reviewed-by", "lukas").containsAllEntriesOf(before);
      plugin.deleteTag(null, target, "reviewed-by");
      assertThat(tagsNow.call()).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }
}
