package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.spi.TagTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** What the CloudFront kind tests share: a client of the simulator, tag round trips, estates of many items. */
abstract class CloudFrontTestBase extends KindTestHarness {

  static CloudFrontClient client(Simulation simulation) {
    return CloudFrontClient.builder().endpointOverride(simulation.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build();
  }

  /** Sets and removes a tag through the kind's tag support and checks what ListTagsForResource then tells. */
  static void assertTagsChange(String kind, String id, String arn) throws Exception {
    TagTarget target = new TagTarget(kind, id, id, arn, TestSupport.MGMT, "global", null, Map.of(), Map.of());
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try (CloudFrontClient cf = client(sim)) {
      Map<String, String> before = CloudFrontValues.tags(cf, arn);
      plugin.updateTag(null, target, "reviewer", "lukas");
      assertThat(CloudFrontValues.tags(cf, arn)).containsEntry("reviewer", "lukas").containsAllEntriesOf(before);
      plugin.deleteTag(null, target, "reviewer");
      assertThat(CloudFrontValues.tags(cf, arn)).isEqualTo(before);
    } finally {
      plugin.close();
    }
  }

  /** The demo estate with only {@code n} items (made by {@code item}) in one global CloudFront collection. */
  @SuppressWarnings("unchecked")
  static Simulation withItems(String collection, int n, IntFunction<Map<String, Object>> item) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(item.apply(i));
    }
    doc.put("resources", Map.of("111111111111", Map.of("global", Map.of("cloudfront", Map.of(collection, items)))));
    return Simulation.start(Estate.parse(yaml.dump(doc), "many-" + collection));
  }
}
