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

/**
 * Tags a resource of the management account through the plugin (the kind's TagSupport, real SDK
 * client) and checks the simulator's data before and after, read with the service's own call.
 */
public final class PluginTagging {

  private PluginTagging() {}

  /** The demo credentials, for the clients that read the tags back. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET));
  }

  /**
   * Sets tag {@code owner=inventory} on the resource, checks it is there beside the earlier tags,
   * deletes it and checks the tags are as before.
   */
  public static void updateAndDelete(Simulation sim, String kind, String id, String name, String arn, String region,
      Map<String, Object> properties, Supplier<Map<String, String>> tags) throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    try {
      plugin.init(TestSupport.config(sim, Map.of()));
      TagTarget target = new TagTarget(kind, id, name, arn, TestSupport.MGMT, region, null, Map.of(), properties);
      Map<String, String> before = tags.get();
      assertThat(before).doesNotContainKey("owner");
      plugin.updateTag(null, target, "owner", "inventory");
      assertThat(tags.get()).containsEntry("owner", "inventory").containsAllEntriesOf(before);
      plugin.deleteTag(null, target, "owner");
      assertThat(tags.get()).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }
}
