package io.resoto.worker.aws.kinds;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.util.Map;

/**
 * Tags a collected node through the plugin's tag tasks (so through its kind's TagSupport), as the
 * core would: for kind tests that check a tag write changes the simulator's data.
 */
public final class NodeTagging implements AutoCloseable {

  private final AwsCollectorPlugin plugin = new AwsCollectorPlugin();

  /** A plugin configured for the simulation. */
  public NodeTagging(Simulation sim) {
    plugin.init(TestSupport.config(sim, Map.of()));
  }

  /** The node as the core describes it to a tag task. */
  public static TagTarget target(Node n) {
    Object arn = n.properties().get("arn");
    return new TagTarget(n.kind(), n.resourceId(), n.name(), arn == null ? null : arn.toString(), TestSupport.MGMT,
        n.region(), null, n.tags(), n.properties());
  }

  /** Sets one tag of the node's resource. */
  public void update(Node n, String key, String value) throws Exception {
    plugin.updateTag(null, target(n), key, value);
  }

  /** Removes one tag of the node's resource. */
  public void delete(Node n, String key) throws Exception {
    plugin.deleteTag(null, target(n), key);
  }

  @Override
  public void close() {
    plugin.close();
  }
}
