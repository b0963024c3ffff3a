package io.resoto.worker.aws.kinds.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class AwsKmsKeyKindTest extends KindTestHarness {

  private static final String EBS_KEY = "0a11c0e0-0000-4000-8000-000000000001";
  private static final String OLD_KEY = "0a11c0e0-0000-4000-8000-000000000002";
  private static final String AWS_KEY = "0a11c0e0-0000-4000-8000-000000000003";

  @Test
  void keysAreMappedWithTagsPolicyAndRotation() throws Exception {
    AwsKmsKeyKind kind = new AwsKmsKeyKind();
    Graph g = collect(kind);

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsKmsKeyKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder(EBS_KEY, OLD_KEY, AWS_KEY);
    Node ebs = node(g, AwsKmsKeyKind.KIND, EBS_KEY);
    assertThat(ebs.name()).isEqualTo(EBS_KEY);
    assertThat(ebs.region()).isEqualTo("us-east-1");
    assertThat(ebs.ctime()).isEqualTo(Instant.parse("2023-11-02T08:00:00Z"));
    assertThat(ebs.tags()).isEqualTo(Map.of("team", "platform", "Name", "ebs-default"));
    assertThat(ebs.properties())
        .containsEntry("arn", "arn:aws:kms:us-east-1:111111111111:key/" + EBS_KEY)
        .containsEntry("kms_key_state", "Enabled").containsEntry("kms_enabled", true)
        .containsEntry("kms_key_manager", "CUSTOMER").containsEntry("kms_key_spec", "SYMMETRIC_DEFAULT")
        .containsEntry("kms_encryption_algorithms", List.of("SYMMETRIC_DEFAULT"))
        .containsEntry("kms_key_rotation_enabled", true).containsEntry("kms_rotation_period_in_days", 365L);
    assertThat((String) ebs.properties().get("kms_key_policy")).contains("kms:*");

    // pending deletion and asymmetric: AWS refuses GetKeyRotationStatus, so it is not asked
    Node old = node(g, AwsKmsKeyKind.KIND, OLD_KEY);
    assertThat(old.properties()).containsEntry("kms_key_state", "PendingDeletion")
        .containsEntry("kms_deletion_date", Instant.parse("2026-12-31T00:00:00Z"))
        .containsEntry("kms_pending_deletion_window_in_days", 30L)
        .containsEntry("kms_signing_algorithms", List.of("RSASSA_PSS_SHA_256", "RSASSA_PKCS1_V1_5_SHA_256"))
        .doesNotContainKey("kms_key_rotation_enabled");
    // an AWS managed key: no policy or rotation read, no tags
    Node managed = node(g, AwsKmsKeyKind.KIND, AWS_KEY);
    assertThat(managed.tags()).isEmpty();
    assertThat(managed.properties()).containsEntry("kms_key_manager", "AWS").doesNotContainKey("kms_key_policy");
    assertThat(edges(g, EdgeType.DELETE)).isEmpty();
  }

  @Test
  void rotationIsAskedOnlyWhereAwsAnswersIt() {
    KeyMetadata.Builder symmetric = KeyMetadata.builder().keyId("k").keySpec("SYMMETRIC_DEFAULT").origin("AWS_KMS");
    assertThat(AwsKmsKeyKind.rotates(symmetric.keyState("Enabled").build())).isTrue();
    assertThat(AwsKmsKeyKind.rotates(symmetric.keyState("Disabled").build())).isTrue();
    assertThat(AwsKmsKeyKind.rotates(symmetric.keyState("PendingDeletion").build())).isFalse();
    assertThat(AwsKmsKeyKind.rotates(symmetric.keyState("Enabled").origin("EXTERNAL").build())).isFalse();
    assertThat(AwsKmsKeyKind.rotates(symmetric.keyState("Enabled").origin("AWS_KMS").keySpec("RSA_2048").build()))
        .isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> keys = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Map<String, Object> k = new LinkedHashMap<>();
      String id = String.format("00000000-0000-4000-8000-%012d", i);
      k.put("KeyId", id);
      k.put("Arn", "arn:aws:kms:us-west-2:111111111111:key/" + id);
      k.put("KeyManager", "AWS");
      k.put("KeyState", "Enabled");
      keys.add(k);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("kms", Map.of("Keys", keys)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-keys"))) {
      Graph g = collect(big, new AwsKmsKeyKind(3));
      assertThat(nodes(g, AwsKmsKeyKind.KIND)).hasSize(7);
    }
  }
}
