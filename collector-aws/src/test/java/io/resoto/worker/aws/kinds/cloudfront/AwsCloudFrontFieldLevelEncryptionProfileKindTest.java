package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCloudFrontFieldLevelEncryptionProfileKindTest extends CloudFrontTestBase {

  @Test
  void profilesAreMappedAndPointToTheirPublicKeys() throws Exception {
    AwsCloudFrontFieldLevelEncryptionProfileKind kind = new AwsCloudFrontFieldLevelEncryptionProfileKind();
    Graph g = collect(kind, new AwsCloudFrontPublicKeyKind());

    assertEveryPropertyFilled(g, kind);
    Node p = node(g, AwsCloudFrontFieldLevelEncryptionProfileKind.KIND, "P1DEMOFLEPROFILE1");
    assertUnderGlobalRegion(g, p);
    assertThat(p.name()).isEqualTo("card-numbers");
    assertThat(p.mtime()).isEqualTo(Instant.parse("2023-06-01T10:30:00Z"));
    assertThat(p.properties())
        .containsEntry("arn", "arn:aws:cloudfront::111111111111:field-level-encryption-profile/P1DEMOFLEPROFILE1")
        .containsEntry("field_level_encryption_profile_comment", "Card number and CVV fields")
        .containsEntry("field_level_encryption_profile_encryption_entities", List.of(Map.of(
            "public_key_id", "K1DEMOPUBLICKEY02", "provider_id", "demo-checkout",
            "field_patterns", List.of("card_number", "cvv"))));
    assertThat(edges(g, EdgeType.DEFAULT))
        .filteredOn(e -> e.startsWith(AwsCloudFrontFieldLevelEncryptionProfileKind.KIND + ":"))
        .containsExactly("aws_cloudfront_field_level_encryption_profile:card-numbers"
            + " -> aws_cloudfront_public_key:field-encryption");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("FieldLevelEncryptionProfiles", 7, i -> Map.of("Id", "P" + i,
        "Name", "profile-" + i, "LastModifiedTime", "2024-01-01T00:00:00Z"))) {
      Graph g = collect(big, new AwsCloudFrontFieldLevelEncryptionProfileKind(3));
      assertThat(nodes(g, AwsCloudFrontFieldLevelEncryptionProfileKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontFieldLevelEncryptionProfileKind.KIND, "P6").name()).isEqualTo("profile-6");
    }
  }
}
