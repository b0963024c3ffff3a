package io.resoto.worker.aws.kinds.sns;

import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** An estate with more SNS items than one page holds (SNS's page sizes are fixed: 100, or 15 applications). */
final class SnsEstates {

  private SnsEstates() {}

  /** {@code n} topics t-0.., each with one subscription, and {@code apps} applications with {@code n} endpoints on the first. */
  @SuppressWarnings("unchecked")
  static Estate many(int n, int apps) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    String prefix = "arn:aws:sns:us-west-2:111111111111:";
    List<Map<String, Object>> topics = new ArrayList<>();
    List<Map<String, Object>> subscriptions = new ArrayList<>();
    List<Map<String, Object>> endpoints = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      topics.add(Map.of("Name", "t-" + i, "Attributes", Map.of("DisplayName", "Topic " + i)));
      subscriptions.add(Map.of("Attributes", Map.of("SubscriptionArn", prefix + "t-" + i + ":s" + i,
          "TopicArn", prefix + "t-" + i, "Protocol", "sqs", "Endpoint", "arn:aws:sqs:us-west-2:111111111111:q")));
      endpoints.add(Map.of("EndpointArn", prefix + "endpoint/GCM/app-0/e" + i, "Attributes", Map.of("Enabled", "true")));
    }
    List<Map<String, Object>> applications = new ArrayList<>();
    for (int i = 0; i < apps; i++) {
      applications.add(Map.of("Name", "app-" + i, "Platform", "GCM", "Attributes", Map.of("Enabled", "true")));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("sns", Map.of("Topics", topics,
        "Subscriptions", subscriptions, "PlatformApplications", applications, "PlatformEndpoints", endpoints)))));
    return Estate.parse(yaml.dump(doc), "many-sns");
  }
}
