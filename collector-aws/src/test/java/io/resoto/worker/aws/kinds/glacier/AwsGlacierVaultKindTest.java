package io.resoto.worker.aws.kinds.glacier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glacier.GlacierClient;

class AwsGlacierVaultKindTest extends KindTestHarness {

  @Test
  void vaultsAreMappedWithTagsAndPolicy() throws Exception {
    AwsGlacierVaultKind kind = new AwsGlacierVaultKind();
    Graph g = collect(kind, new AwsGlacierJobKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsGlacierVaultKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("demo-archive", "legal-hold");
    Node archive = node(g, AwsGlacierVaultKind.KIND, "demo-archive");
    assertThat(archive.name()).isEqualTo("demo-archive");
    assertThat(archive.ctime()).isEqualTo(Instant.parse("2023-02-01T09:00:00Z"));
    assertThat(archive.tags()).isEqualTo(Map.of("team", "platform", "retention", "10y"));
    assertThat(archive.properties())
        .containsEntry("arn", "arn:aws:glacier:us-east-1:111111111111:vaults/demo-archive")
        .containsEntry("glacier_number_of_archives", 1284L).containsEntry("glacier_size_in_bytes", 53687091200L)
        .containsEntry("glacier_last_inventory_date", "2026-11-23T03:00:00.000Z");
    @SuppressWarnings("unchecked")
    Map<String, Object> policy = (Map<String, Object>) archive.properties().get("glacier_access_policy");
    assertThat((List<?>) policy.get("Statement")).hasSize(1);
    // no policy is ResourceNotFoundException: left out, not a failure
    Node hold = node(g, AwsGlacierVaultKind.KIND, "legal-hold");
    assertThat(hold.tags()).isEmpty();
    assertThat(hold.properties()).doesNotContainKeys("glacier_access_policy", "glacier_last_inventory_date");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsGlacierVaultKind.KIND + ":"))
        .hasSize(3).allMatch(e -> e.startsWith("aws_glacier_vault:demo-archive -> aws_glacier_job:"));
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = Simulation.start(GlacierEstates.many(7, 0))) {
      Graph g = collect(big, new AwsGlacierVaultKind(3));
      assertThat(nodes(g, AwsGlacierVaultKind.KIND)).hasSize(7);
      assertThat(node(g, AwsGlacierVaultKind.KIND, "v-g").ctime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }
  }

  @Test
  void aVaultIsTaggedAndUntaggedByName() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    TagTarget vault = new TagTarget(AwsGlacierVaultKind.KIND, "legal-hold", "legal-hold",
        "arn:aws:glacier:us-east-1:111111111111:vaults/legal-hold", TestSupport.MGMT, "us-east-1", null, Map.of(),
        Map.of());
    try (GlacierClient glacier = GlacierClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build()) {
      plugin.updateTag(null, vault, "case", "4711");
      assertThat(glacier.listTagsForVault(r -> r.vaultName("legal-hold")).tags()).isEqualTo(Map.of("case", "4711"));
      plugin.deleteTag(null, vault, "case");
      assertThat(glacier.listTagsForVault(r -> r.vaultName("legal-hold")).tags()).isEmpty();
      TagTarget unknown = new TagTarget(AwsGlacierVaultKind.KIND, "nope", "nope", null, TestSupport.MGMT, "us-east-1",
          null, Map.of(), Map.of());
      assertThatThrownBy(() -> plugin.updateTag(null, unknown, "case", "x"))
          .hasMessageContaining("ResourceNotFoundException");
    } finally {
      plugin.close();
    }
  }
}
