package io.resoto.worker.aws.kinds;

import io.resoto.worker.awssim.estate.Account;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.RawResources;
import io.resoto.worker.awssim.estate.TemplateReplicas;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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

  /**
   * The demo document whose management account (111111111111) holds {@code copies} copies of the
   * demo account's us-east-1 and global resources ({@link TemplateReplicas#demo(int)}), with the
   * demo's pricing; the other accounts hold nothing.
   */
  @SuppressWarnings("unchecked")
  public static Estate demoCopies(int copies) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Account management = Estate.demo().accounts().stream().filter(a -> a.id().equals("111111111111")).findFirst()
        .orElseThrow();
    TemplateReplicas replicas = TemplateReplicas.demo(copies);
    Map<String, Object> regions = new LinkedHashMap<>();
    regions.put(RawResources.GLOBAL, replicas.generate(management, RawResources.GLOBAL, 1));
    regions.put("us-east-1", replicas.generate(management, "us-east-1", 1));
    doc.put("resources", Map.of("111111111111", regions));
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_PRICING)) {
      doc.put("pricing", yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    return Estate.parse(yaml.dump(doc), "demo-copies");
  }
}
