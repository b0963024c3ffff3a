package io.resoto.worker.aws.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.spi.TagTarget;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Tags a node through the plugin (the kind's TagSupport) and checks the simulator's data changed. */
public final class TagChecks {

  private TagChecks() {}

  /** The demo account's credentials, for reading the simulator's data with an SDK client. */
  public static StaticCredentialsProvider demoCredentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET));
  }

  /** A target of the demo management account. */
  public static TagTarget target(String kind, String id, String name, String arn, String region,
      Map<String, Object> properties) {
    return new TagTarget(kind, id, name, arn, TestSupport.MGMT, region, null, Map.of(), properties);
  }

  /** Sets a tag, sees it in {@code tags}, deletes it, sees the tags as before. */
  public static void tagAndUntag(Simulation sim, TagTarget target, Supplier<Map<String, String>> tags)
      throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      Map<String, String> before = tags.get();
      plugin.updateTag(null, target, "reviewer", "lukas");
      assertThat(tags.get()).containsEntry("reviewer", "lukas").containsAllEntriesOf(before);
      plugin.deleteTag(null, target, "reviewer");
      assertThat(tags.get()).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }
}
