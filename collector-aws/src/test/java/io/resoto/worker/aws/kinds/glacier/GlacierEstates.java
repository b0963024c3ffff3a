package io.resoto.worker.aws.kinds.glacier;

import io.resoto.worker.awssim.estate.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** An estate of many vaults with many jobs, for the paging tests. */
final class GlacierEstates {

  private GlacierEstates() {}

  @SuppressWarnings("unchecked")
  static Estate many(int vaults, int jobs) throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> vaultList = new ArrayList<>();
    List<Map<String, Object>> jobList = new ArrayList<>();
    for (int v = 0; v < vaults; v++) {
      String arn = "arn:aws:glacier:us-west-2:111111111111:vaults/v-" + (char) ('a' + v);
      vaultList.add(Map.of("VaultName", "v-" + (char) ('a' + v), "VaultARN", arn, "CreationDate", "2024-01-01T00:00:00.000Z"));
      for (int j = 0; j < jobs; j++) {
        jobList.add(Map.of("JobId", "job-" + v + "-" + j, "VaultARN", arn, "Action", "InventoryRetrieval",
            "StatusCode", "InProgress", "Completed", false));
      }
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("glacier",
        Map.of("Vaults", vaultList, "Jobs", jobList)))));
    return Estate.parse(yaml.dump(doc), "many-vaults");
  }
}
