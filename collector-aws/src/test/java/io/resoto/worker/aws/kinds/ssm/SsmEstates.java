package io.resoto.worker.aws.kinds.ssm;

import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** An estate of many managed instances and documents, for the paging tests. */
final class SsmEstates {

  private SsmEstates() {}

  @SuppressWarnings("unchecked")
  static Estate many(int n) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> instances = new ArrayList<>();
    List<Map<String, Object>> documents = new ArrayList<>();
    List<Map<String, Object>> contents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      instances.add(Map.of("InstanceId", "mi-" + i, "ResourceType", "ManagedInstance", "PingStatus", "Online"));
      documents.add(Map.of("Name", "doc-" + i, "Owner", "111111111111", "DocumentFormat", "JSON"));
      documents.add(Map.of("Name", "AWS-doc-" + i, "Owner", "Amazon", "DocumentFormat", "JSON"));
      contents.add(Map.of("Name", "doc-" + i, "DocumentFormat", "JSON", "Content", "{\"n\":" + i + "}"));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("ssm", Map.of(
        "InstanceInformation", instances, "Documents", documents, "DocumentContents", contents)))));
    return Estate.parse(yaml.dump(doc), "many-ssm");
  }
}
