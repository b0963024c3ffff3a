package io.resoto.worker.aws.kinds.rds;

import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.Yaml;

/** An estate with many RDS items in us-west-2, for the multi-page listings (RDS pages are 20..100 long). */
final class RdsTestSupport {

  private RdsTestSupport() {}

  @SuppressWarnings("unchecked")
  static Estate many(String collection, int count, IntFunction<Map<String, Object>> item) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(new LinkedHashMap<>(item.apply(i)));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("rds", Map.of(collection, items)))));
    return Estate.parse(yaml.dump(doc), "many-" + collection);
  }
}
