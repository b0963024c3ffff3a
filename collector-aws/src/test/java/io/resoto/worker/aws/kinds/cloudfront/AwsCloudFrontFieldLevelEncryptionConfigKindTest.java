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

class AwsCloudFrontFieldLevelEncryptionConfigKindTest extends CloudFrontTestBase {

  @Test
  void configsAreMappedAndPointToTheirProfiles() throws Exception {
    AwsCloudFrontFieldLevelEncryptionConfigKind kind = new AwsCloudFrontFieldLevelEncryptionConfigKind();
    Graph g = collect(kind, new AwsCloudFrontFieldLevelEncryptionProfileKind());

    assertEveryPropertyFilled(g, kind);
    Node c = node(g, AwsCloudFrontFieldLevelEncryptionConfigKind.KIND, "C1DEMOFLECONFIG1");
    assertUnderGlobalRegion(g, c);
    assertThat(c.name()).isEqualTo("C1DEMOFLECONFIG1");
    assertThat(c.mtime()).isEqualTo(Instant.parse("2023-06-01T11:00:00Z"));
    assertThat(c.properties())
        .containsEntry("arn", "arn:aws:cloudfront::111111111111:field-level-encryption-config/C1DEMOFLECONFIG1")
        .containsEntry("field_level_encryption_config_comment", "Encrypts card numbers posted to the checkout")
        .containsEntry("field_level_encryption_config_query_arg_profile_config", Map.of(
            "forward_when_query_arg_profile_is_unknown", false,
            "query_arg_profiles", List.of(Map.of("query_arg", "profile", "profile_id", "P1DEMOFLEPROFILE1"))))
        .containsEntry("field_level_encryption_config_content_type_profile_config", Map.of(
            "forward_when_content_type_is_unknown", false,
            "content_type_profiles", List.of(Map.of("format", "URLEncoded", "profile_id", "P1DEMOFLEPROFILE1",
                "content_type", "application/x-www-form-urlencoded"))));
    assertThat(edges(g, EdgeType.DEFAULT))
        .filteredOn(e -> e.startsWith(AwsCloudFrontFieldLevelEncryptionConfigKind.KIND + ":"))
        .containsExactly("aws_cloudfront_field_level_encryption_config:C1DEMOFLECONFIG1"
            + " -> aws_cloudfront_field_level_encryption_profile:card-numbers");
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("FieldLevelEncryptionConfigs", 7, i -> Map.of("Id", "C" + i,
        "LastModifiedTime", "2024-01-01T00:00:00Z", "Comment", "config " + i))) {
      Graph g = collect(big, new AwsCloudFrontFieldLevelEncryptionConfigKind(3));
      assertThat(nodes(g, AwsCloudFrontFieldLevelEncryptionConfigKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontFieldLevelEncryptionConfigKind.KIND, "C6").properties())
          .containsEntry("field_level_encryption_config_comment", "config 6");
    }
  }
}
