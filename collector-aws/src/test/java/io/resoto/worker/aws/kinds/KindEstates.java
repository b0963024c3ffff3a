package io.resoto.worker.aws.kinds;

import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Small estates for the kind tests of the DynamoDB/CloudWatch/... group: the demo estate's settings
 * with only the given resources, e.g. many generated items to page through.
 */
public final class KindEstates {

  private KindEstates() {}

  /** The demo document with {@code resources} replaced by {account: {region: {service: collections}}}. */
  @SuppressWarnings("unchecked")
  public static Estate with(String name, Map<String, Object> resources) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    doc.put("resources", resources);
    return Estate.parse(yaml.dump(doc), name);
  }
}
