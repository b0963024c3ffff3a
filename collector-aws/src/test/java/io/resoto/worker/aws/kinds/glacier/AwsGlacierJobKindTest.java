package io.resoto.worker.aws.kinds.glacier;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.aws.kinds.sns.AwsSnsTopicKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsGlacierJobKindTest extends KindTestHarness {

  private static final String RESTORE =
      "HkF9p6o7yjhFx-K3CGl6fuSm6VzW9T7esGQfco8nUXVYwS0jlb5gq1JZ55yHgt5vP54ZShjoQzQVVh7vEXAMPLEjobI1";

  @Test
  void jobsAreMappedAndPointToTheirKeyAndTopic() throws Exception {
    AwsGlacierJobKind kind = new AwsGlacierJobKind();
    Graph g = collect(kind, new AwsGlacierVaultKind(), new AwsKmsKeyKind(), new AwsSnsTopicKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsGlacierJobKind.KIND)).hasSize(3);
    Node restore = node(g, AwsGlacierJobKind.KIND, RESTORE);
    assertThat(restore.name()).isEqualTo(RESTORE);
    assertThat(restore.ctime()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    assertThat(restore.properties())
        .containsEntry("arn", "arn:aws:glacier:us-east-1:111111111111:job/" + RESTORE)
        .containsEntry("description", "Monthly restore test")
        .containsEntry("glacier_job_action", "ArchiveRetrieval").containsEntry("glacier_job_completed", true)
        .containsEntry("glacier_job_archive_size_in_bytes", 1048576L).containsEntry("glacier_job_tier", "Standard")
        .containsEntry("glacier_job_vault_arn", "arn:aws:glacier:us-east-1:111111111111:vaults/demo-archive");
    @SuppressWarnings("unchecked")
    Map<String, Object> location = (Map<String, Object>) restore.properties().get("glacier_job_output_location");
    @SuppressWarnings("unchecked")
    Map<String, Object> s3 = (Map<String, Object>) location.get("s3");
    assertThat(s3).containsEntry("bucket_name", "demo-mgmt-artifacts").containsEntry("tagging", Map.of("purpose", "restore-test"))
        .containsEntry("encryption", Map.of("encryption_type", "aws:kms",
            "kms_key_id", "arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001"));
    Node inventory = nodes(g, AwsGlacierJobKind.KIND).stream()
        .filter(n -> "InventoryRetrieval".equals(n.properties().get("glacier_job_action"))).findFirst().orElseThrow();
    assertThat(inventory.properties()).containsEntry("glacier_job_inventory_retrieval_parameters",
        Map.of("format", "JSON", "start_date", "2026-01-01T00:00:00Z", "end_date", "2026-11-01T00:00:00Z", "limit", "1000"));

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsGlacierJobKind.KIND + ":"))
        .containsExactlyInAnyOrder(
            "aws_glacier_job:" + RESTORE + " -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_glacier_job:" + RESTORE + " -> aws_sns_topic:Order events");
    assertThat(edges(g, EdgeType.DEFAULT)).contains("aws_glacier_vault:demo-archive -> aws_glacier_job:" + RESTORE);
  }

  @Test
  void jobsOfSeveralPagesInVaultsOfSeveralPagesAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(GlacierEstates.many(5, 7))) {
      Graph g = collect(big, new AwsGlacierJobKind(2), new AwsGlacierVaultKind(2));
      assertThat(nodes(g, AwsGlacierJobKind.KIND)).hasSize(35);
      assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsGlacierVaultKind.KIND + ":")).hasSize(35);
      assertThat(node(g, AwsGlacierJobKind.KIND, "job-4-6").properties()).containsEntry("glacier_job_completed", false);
    }
  }

  @Test
  void theKmsKeyPointsToItOverADeleteEdge() throws Exception {
    Graph g = collect(new AwsGlacierJobKind(), new io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind());
    java.util.List<String> defaults = edges(g, io.resoto.worker.graph.EdgeType.DEFAULT).stream()
        .filter(e -> e.startsWith("aws_glacier_job:") && e.contains(" -> aws_kms_key:")).toList();
    assertThat(defaults).isNotEmpty();
    // every default edge to a key has its delete edge back
    assertThat(edges(g, io.resoto.worker.graph.EdgeType.DELETE).stream()
        .filter(e -> e.startsWith("aws_kms_key:") && e.contains(" -> aws_glacier_job:")).toList())
        .hasSameSizeAs(defaults);
  }
}
