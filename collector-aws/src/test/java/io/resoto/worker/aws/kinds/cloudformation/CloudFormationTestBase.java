package io.resoto.worker.aws.kinds.cloudformation;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** What the CloudFormation kind tests share: a client of the simulator, the plugin, estates of many items. */
abstract class CloudFormationTestBase extends KindTestHarness {

  static CloudFormationClient client(Simulation simulation) {
    return CloudFormationClient.builder().endpointOverride(simulation.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build();
  }

  static AwsCollectorPlugin plugin(Simulation simulation) {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(simulation, Map.of()));
    return plugin;
  }

  /** The demo estate with only these CloudFormation collections in us-west-2 of the management account. */
  @SuppressWarnings("unchecked")
  static Simulation withCollections(Map<String, List<Map<String, Object>>> collections) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("cloudformation", collections))));
    return Simulation.start(Estate.parse(yaml.dump(doc), "many-cloudformation-items"));
  }
}
