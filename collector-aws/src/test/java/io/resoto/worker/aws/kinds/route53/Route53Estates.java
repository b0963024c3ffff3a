package io.resoto.worker.aws.kinds.route53;

import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** An estate of many zones with many record sets, for the paging tests of the Route 53 kinds. */
final class Route53Estates {

  private Route53Estates() {}

  /** {@code zones} zones z0.many.example. ... each with {@code sets} A sets of one value. */
  @SuppressWarnings("unchecked")
  static Estate many(int zones, int sets) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> hosted = new ArrayList<>();
    List<Map<String, Object>> changes = new ArrayList<>();
    for (int z = 0; z < zones; z++) {
      String id = "/hostedzone/ZMANY" + z;
      hosted.add(Map.of("Id", id, "Name", "z" + z + ".many.example.", "CallerReference", "ref-" + z));
      List<Map<String, Object>> batch = new ArrayList<>();
      for (int s = 0; s < sets; s++) {
        batch.add(Map.of("Action", "CREATE", "ResourceRecordSet", Map.of("Name", "h" + s + ".z" + z + ".many.example.",
            "Type", "A", "TTL", 60, "ResourceRecords", List.of(Map.of("Value", "192.0.2." + s)))));
      }
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("HostedZoneId", id);
      change.put("ChangeBatch", Map.of("Changes", batch));
      changes.add(change);
    }
    doc.put("resources", Map.of("111111111111", Map.of("global",
        Map.of("route53", Map.of("HostedZones", hosted, "RecordSetChanges", changes)))));
    return Estate.parse(yaml.dump(doc), "many-zones");
  }
}
